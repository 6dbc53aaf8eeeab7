package io.porterbench.boot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code porterbench.jfr.enabled}, with a real JFR recording that enables
 * porter-bench's events.
 */
class BenchDictJfrAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BenchDictAutoConfiguration.class));

	@TempDir
	Path root;

	@Test
	void stepsAreJfrEventsByDefault() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			assertThat(context.getBean(PorterBenchProperties.class).getJfr().isEnabled()).isTrue();
			List<RecordedEvent> events = recordSteps(context.getBean(BenchDict.class).get("jfr-default-on"));
			assertThat(events).extracting((event) -> event.getEventType().getName())
				.containsExactly("porterbench.Step", "porterbench.Step", "porterbench.Iteration");
		});
	}

	@Test
	void jfrEnabledFalseTurnsTheEventsOff() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.jfr.enabled=false")
			.run((context) -> {
				Benchmarker bench = context.getBean(BenchDict.class).get("jfr-property-off");
				assertThat(recordSteps(bench)).isEmpty();
				assertThat(bench.iterationCount()).isEqualTo(1);
			});
	}

	private List<RecordedEvent> recordSteps(Benchmarker bench) {
		Path file = this.root.resolve(bench.name() + ".jfr");
		try (Recording recording = new Recording()) {
			recording.enable("porterbench.Step");
			recording.enable("porterbench.Iteration");
			recording.start();
			bench.gstep();
			bench.step("work");
			bench.gstop();
			recording.stop();
			recording.dump(file);
			return RecordingFile.readAllEvents(file)
				.stream()
				.filter((event) -> event.getEventType().getName().startsWith("porterbench.")
						&& bench.name().equals(event.getString("bench")))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
