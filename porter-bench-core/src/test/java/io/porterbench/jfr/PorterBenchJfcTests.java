package io.porterbench.jfr;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings file porter-bench ships, {@code porter-bench.jfc}: JFR parses it, and a
 * recording made with it holds the steps, the iterations and the GC pauses that
 * {@link JfrImport} needs.
 */
class PorterBenchJfcTests {

	@TempDir
	Path folder;

	@Test
	void theShippedSettingsEnableThePorterBenchEventsAndGcPauses() throws Exception {
		Configuration configuration = shipped();
		Map<String, String> settings = configuration.getSettings();
		assertThat(configuration.getLabel()).isEqualTo("porter-bench");
		assertThat(settings).containsEntry("porterbench.Step#enabled", "true")
			.containsEntry("porterbench.Step#threshold", "0 ns")
			.containsEntry("porterbench.Iteration#enabled", "true")
			.containsEntry("jdk.GCPhasePause#enabled", "true");
		Benchmarker bench = BenchDict.builder().root(this.folder).build().get("jfc-shipped");
		Path file = this.folder.resolve("shipped.jfr");
		try (Recording recording = new Recording(configuration)) {
			recording.start();
			bench.gstep();
			bench.step("one");
			System.gc();
			bench.step("two");
			bench.gstop();
			recording.stop();
			recording.dump(file);
		}
		JfrImportResult result = JfrImport.importRecording(file, this.folder.resolve("runs"));
		assertThat(result.closedIterations()).containsEntry("jfc-shipped", 1);
		assertThat(result.gcPausesRecorded()).isTrue();
	}

	static Configuration shipped() throws Exception {
		try (Reader reader = new InputStreamReader(
				PorterBenchJfcTests.class.getResourceAsStream("/io/porterbench/jfr/porter-bench.jfc"),
				StandardCharsets.UTF_8)) {
			return Configuration.create(reader);
		}
	}

}
