package io.porterbench.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.GoldenLocale;
import io.porterbench.MockBenchClock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three run files, byte for byte, under locales with a point and a comma as decimal
 * separator.
 */
@ExtendWith(GoldenLocale.Restore.class)
class RunFileGoldenTests {

	@TempDir
	Path root;

	@ParameterizedTest
	@EnumSource(GoldenLocale.class)
	void filesMatchTheGoldenFilesInEveryLocale(GoldenLocale locale) throws IOException {
		locale.setAsDefault();
		Path run = saveGoldenRun(RunOrigin.none());

		assertThat(run.getParent()).isEqualTo(this.root.toAbsolutePath().normalize());
		assertMatchesGolden(RunFiles.dataFile(run, "golden"), "golden/golden_STEP_DICT_DATA.json");
		assertMatchesGolden(RunFiles.summaryFile(run, "golden"), "golden/golden_STEP_DICT_SUMMARY.json");
		assertMatchesGolden(RunFiles.memoryFile(run, "golden"), "golden/golden_MEMORY.json");
	}

	@ParameterizedTest
	@EnumSource(GoldenLocale.class)
	void filesWithAnOriginHaveItsHostAndPidAfterTheOriginalsInfoKeys(GoldenLocale locale) throws IOException {
		locale.setAsDefault();
		Path run = saveGoldenRun(RunOrigin.of("golden-host.example", 4242));

		assertMatchesGolden(RunFiles.dataFile(run, "golden"), "golden/origin/golden_STEP_DICT_DATA.json");
		assertMatchesGolden(RunFiles.summaryFile(run, "golden"), "golden/golden_STEP_DICT_SUMMARY.json");
		assertMatchesGolden(RunFiles.memoryFile(run, "golden"), "golden/golden_MEMORY.json");
	}

	private Path saveGoldenRun(RunOrigin origin) {
		MockBenchClock clock = new MockBenchClock(1_795_705_894.25);
		BenchDict dict = BenchDict.builder().root(this.root).clock(clock).origin(origin).build();
		Benchmarker bench = dict.get("golden");
		bench.gstep();
		clock.add(Duration.ofMillis(10));
		bench.step("load", Map.of("i", 0));
		clock.add(Duration.ofMillis(20));
		bench.step("proc");
		clock.add(Duration.ofNanos(1_500));
		bench.step("proc");
		clock.add(Duration.ofMillis(5));
		bench.gstop();
		bench.gstep();
		clock.add(Duration.ofMillis(12));
		bench.step("load", "second é");
		clock.add(Duration.ofMillis(1));
		bench.gstop();
		bench.gstep();
		clock.add(Duration.ofMillis(3));
		bench.step("load");
		return dict.save();
	}

	private void assertMatchesGolden(Path actual, String golden) throws IOException {
		String expected;
		try (var in = getClass().getClassLoader().getResourceAsStream(golden)) {
			assertThat(in).as("golden file %s", golden).isNotNull();
			expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(actual, StandardCharsets.UTF_8)).isEqualTo(expected);
	}

}
