package io.porterbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.porterbench.memory.GpuMemory;
import io.porterbench.memory.TopClass;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunOrigin;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MEMORY file and the memory time entries of the DATA file, byte for byte, with a
 * fixed memory source, under locales with a point and a comma as decimal separator.
 */
@ExtendWith(GoldenLocale.Restore.class)
class MemoryFileGoldenTests {

	private static final long MIB = 1024 * 1024;

	@TempDir
	Path root;

	@ParameterizedTest
	@EnumSource(GoldenLocale.class)
	void filesMatchTheGoldenFilesInEveryLocale(GoldenLocale locale) throws IOException {
		locale.setAsDefault();
		assertMatchesGoldenFiles(RunOrigin.none(), "golden/");
	}

	@ParameterizedTest
	@EnumSource(GoldenLocale.class)
	void filesWithAnOriginHaveItsHostAndPidAfterTheOriginalsInfoKeys(GoldenLocale locale) throws IOException {
		locale.setAsDefault();
		assertMatchesGoldenFiles(RunOrigin.of("golden-host.example", 4242), "golden/origin/");
	}

	private void assertMatchesGoldenFiles(RunOrigin origin, String folder) throws IOException {
		MockBenchClock clock = new MockBenchClock(1_795_705_943.74);
		FixedMemorySource source = new FixedMemorySource(107_307_008, 52_428_800, 134_217_728, clock,
				Duration.ofNanos(7_500));
		BenchDict dict = BenchDict.builder().root(this.root).clock(clock).memorySource(source).origin(origin).build();
		try {
			recordPlain(dict.get("plain"), clock, source);
			recordFull(dict.get("full"), clock, source);
			dict.get("off").gstep();
			dict.get("off").gstop();
			Path run = dict.save();
			assertMatchesGolden(RunFiles.memoryFile(run, "plain"), folder + "memory_plain_MEMORY.json");
			assertMatchesGolden(RunFiles.dataFile(run, "plain"), folder + "memory_plain_STEP_DICT_DATA.json");
			assertMatchesGolden(RunFiles.memoryFile(run, "full"), folder + "memory_full_MEMORY.json");
			assertMatchesGolden(RunFiles.memoryFile(run, "off"), "golden/golden_MEMORY.json");
		}
		finally {
			dict.close();
		}
	}

	/** Gstep and gstop samples only; no poller, GPU or top classes. */
	private void recordPlain(Benchmarker bench, MockBenchClock clock, FixedMemorySource source) {
		bench.enableMemoryTracking(false);
		bench.gstep();
		clock.add(Duration.ofMillis(10));
		bench.step("load", Map.of("i", 0));
		source.rss = 127_336_448;
		clock.add(Duration.ofMillis(20));
		bench.step("proc");
		clock.add(Duration.ofMillis(5));
		bench.gstop();
		source.rss = 107_307_008;
	}

	/**
	 * Every step sampled, with the peak poller, GPU figures and top classes; the last
	 * iteration left open.
	 */
	private void recordFull(Benchmarker bench, MockBenchClock clock, FixedMemorySource source) {
		source.gpu = new GpuMemory(512 * MIB, 512 * MIB, 768 * MIB, 768 * MIB);
		source.topClasses = List.of(new TopClass("byte[]", 40_000_202), new TopClass("java.lang.String", 1_200),
				new TopClass("int[]", 800));
		MemoryBenchmarker memory = bench.enableMemoryTracking(true);
		memory.enableGpuMemoryTracking(Duration.ofHours(1)).setTopN(2, Duration.ofHours(1));
		// one reading now and none for an hour: the first sample gets the peak, the
		// others 0
		memory.enableMaxMemory(Duration.ofHours(1));
		await().until(() -> memory.poller().readings() == 1);
		bench.gstep();
		clock.add(Duration.ofMillis(3));
		source.rss = 127_336_448;
		bench.step("alloc", Map.of("note", 0));
		clock.add(Duration.ofMillis(4));
		bench.gstop();
		bench.gstep();
		clock.add(Duration.ofMillis(1));
		bench.step("alloc");
	}

	private void assertMatchesGolden(Path actual, String golden) throws IOException {
		String expected;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(golden)) {
			assertThat(in).as("golden file %s", golden).isNotNull();
			expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(actual, StandardCharsets.UTF_8)).isEqualTo(expected);
	}

}
