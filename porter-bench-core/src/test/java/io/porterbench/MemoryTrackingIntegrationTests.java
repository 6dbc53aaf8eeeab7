package io.porterbench;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.porterbench.internal.MemorySamples;
import io.porterbench.memory.ProcStatus;
import io.porterbench.memory.TopClass;
import io.porterbench.record.RunFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Memory tracking with the real memory source of this JVM.
 */
class MemoryTrackingIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(MemoryTrackingIntegrationTests.class);

	private static final long MIB = 1024 * 1024;

	@TempDir
	Path root;

	private BenchDict dict;

	private Benchmarker bench;

	@BeforeEach
	void setUp() {
		this.dict = BenchDict.builder().root(this.root).build();
		this.bench = this.dict.get("real");
	}

	@AfterEach
	void closeDict() {
		this.dict.close();
	}

	@Test
	void aRealRunWritesConsistentSamples() {
		this.bench.enableMemoryTracking(true).enableMaxMemory(Duration.ofMillis(1));
		for (int i = 0; i < 20; i++) {
			this.bench.gstep();
			this.bench.step("allocate", i);
			this.bench.step("compute");
			this.bench.gstop();
		}
		JsonNode memory = JsonMapper.builder().build().readTree(RunFiles.memoryFile(this.dict.save(), "real"));
		assertThat(memory.size()).isEqualTo(20);
		for (JsonNode iteration : memory) {
			assertThat(iteration.get("data").propertyNames()).containsExactly("gstep", "allocate", "compute", "gstop");
			for (JsonNode samples : iteration.get("data")) {
				JsonNode sample = samples.get(0);
				long total = sample.get("total memory usage").asLong();
				long max = sample.get("max memory usage").asLong();
				assertThat(total).isPositive();
				assertThat(max).as("peak of the window")
					.satisfiesAnyOf((peak) -> assertThat(peak).isZero(),
							(peak) -> assertThat(peak).isGreaterThanOrEqualTo(total));
				assertThat(sample.get("heap committed").asLong())
					.isGreaterThanOrEqualTo(sample.get("heap used").asLong());
			}
		}
		assertThat(this.bench.summary().memory()).hasValueSatisfying((stats) -> {
			assertThat(stats.samples()).isEqualTo(80);
			assertThat(stats.peakRss()).isGreaterThanOrEqualTo(stats.lastRss());
		});
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aSampleAgreesWithProcStatusWithinFivePercentOfTheReadingsAroundIt() {
		this.bench.enableMemoryTracking(false);
		long before = ProcStatus.vmRssBytes();
		this.bench.gstep();
		long after = ProcStatus.vmRssBytes();
		long sampled = this.bench.snapshot().open().get(0).memory().rss(0);
		// The sample is read between the two readings: within 5 % of the range they span,
		// which the collector may widen meanwhile by giving memory back or taking more.
		double low = Math.min(before, after) * 0.95;
		double high = Math.max(before, after) * 1.05;
		assertThat((double) sampled).as("VmRSS %d before and %d after", before, after).isBetween(low, high);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void twoHundredTouchedMegabytesShowInTheSampleAndInThePeak() {
		MemoryBenchmarker memory = this.bench.enableMemoryTracking(true).enableMaxMemory(Duration.ofMillis(1));
		this.bench.gstep();
		ByteBuffer ballast = ByteBuffer.allocateDirect(200 * (int) MIB);
		for (int i = 0; i < ballast.capacity(); i += 4096) {
			ballast.put(i, (byte) 1);
		}
		long readings = memory.poller().readings();
		await().until(() -> memory.poller().readings() >= readings + 2);
		this.bench.step("allocate");
		Reference.reachabilityFence(ballast);
		MemorySamples samples = this.bench.snapshot().open().get(0).memory();
		long before = samples.rss(0);
		assertThat(samples.rss(1) - before).isGreaterThanOrEqualTo(190 * MIB);
		assertThat(samples.maxRss(1) - before).isGreaterThanOrEqualTo(190 * MIB);
	}

	@Test
	void topClassesComeFromTheHeapHistogram() {
		this.bench.enableMemoryTracking(false).setTopN(3, Duration.ofHours(1));
		this.bench.gstep();
		this.bench.gstop();
		JsonNode memory = JsonMapper.builder().build().readTree(RunFiles.memoryFile(this.dict.save(), "real"));
		JsonNode top = memory.get(0).get("data").get("gstep").get(0).get("top_memory_objects");
		assertThat(top.size()).isEqualTo(3);
		for (JsonNode row : top) {
			assertThat(row.size()).isEqualTo(2);
			assertThat(row.get(0).isString()).isTrue();
			assertThat(row.get(1).asLong()).isPositive();
		}
		assertThat(top.get(0).get(1).asLong()).isGreaterThanOrEqualTo(top.get(2).get(1).asLong());
	}

	@Test
	void topClassesAreTakenAtTheSampleSoObjectsAllocatedJustBeforeAreInIt() {
		MemoryBenchmarker memory = this.bench.enableMemoryTracking(false).setTopN(10);
		assertThat(memory.topClassesMaxAge()).isEmpty();
		this.bench.gstep();
		TopClassProbe[] probes = new TopClassProbe[2_000_000];
		for (int i = 0; i < probes.length; i++) {
			probes[i] = new TopClassProbe(i);
		}
		this.bench.gstop();
		Reference.reachabilityFence(probes);
		MemorySamples samples = this.bench.snapshot().retained().get(0).memory();
		int gstop = samples.size() - 1;
		assertThat(samples.topic(gstop)).isEqualTo(Benchmarker.GSTOP);
		assertThat(samples.topClasses(gstop)).extracting(TopClass::name).contains(TopClassProbe.class.getName());
		assertThat(samples.topClasses(0)).extracting(TopClass::name).doesNotContain(TopClassProbe.class.getName());
	}

	@Test
	void aJvmWithAnOpenIterationAndThePollerRunningExitsByItself() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path output = this.root.resolve("child-output.txt");
		Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				OpenIterationMain.class.getName(), this.root.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean exited = child.waitFor(2, TimeUnit.MINUTES);
		if (!exited) {
			child.destroyForcibly().waitFor();
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(exited).as("the child JVM exited by itself; it printed: %s", printed).isTrue();
		assertThat(child.exitValue()).isZero();
		assertThat(printed).contains("poller running: true").contains("iteration open: true");
	}

	@Test
	void perStepSampleCostIsLogged() {
		int iterations = 5_000;
		Benchmarker off = this.dict.get("off");
		this.bench.enableMemoryTracking(true).enableMaxMemory(Duration.ofMillis(100));
		long offNanos = nanosPerCall(off, iterations);
		long onNanos = nanosPerCall(this.bench, iterations);
		logger.info("Cost per call (gstep, 10 steps, gstop): {} ns without memory tracking, {} ns with a sample at "
				+ "every call (RSS, heap, peak)", offNanos, onNanos);
		assertThat(this.bench.summary().memory())
			.hasValueSatisfying((stats) -> assertThat(stats.samples()).isEqualTo(2L * iterations * 12));
	}

	private static long nanosPerCall(Benchmarker bench, int iterations) {
		runIterations(bench, iterations);
		long start = System.nanoTime();
		runIterations(bench, iterations);
		return (System.nanoTime() - start) / (iterations * 12L);
	}

	private static void runIterations(Benchmarker bench, int iterations) {
		for (int i = 0; i < iterations; i++) {
			bench.gstep();
			for (int step = 0; step < 10; step++) {
				bench.step("s");
			}
			bench.gstop();
		}
	}

	/** Instances that only this test allocates, two million of them, about 48 MB. */
	private record TopClassProbe(long value) {
	}

}
