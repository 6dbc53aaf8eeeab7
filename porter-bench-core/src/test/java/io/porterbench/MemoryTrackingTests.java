package io.porterbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.porterbench.BenchSummary.MemoryStats;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.MemorySamples;
import io.porterbench.record.RunFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Memory tracking in the engine (spec 2.1 to 2.4 and 3.3), with a fixed memory source
 * whose RSS reads cost 7 us of a mock clock, so that every time entry is exact.
 */
class MemoryTrackingTests {

	private static final long SAMPLE_NANOS = 7_000;

	private static final long MIB = 1024 * 1024;

	@TempDir
	Path root;

	private MockBenchClock clock;

	private FixedMemorySource source;

	private BenchDict dict;

	private Benchmarker bench;

	@BeforeEach
	void setUp() {
		this.clock = new MockBenchClock(1_795_705_943.0);
		this.source = new FixedMemorySource(100 * MIB, 40 * MIB, 64 * MIB, this.clock, Duration.ofNanos(SAMPLE_NANOS));
		this.dict = BenchDict.builder().root(this.root).clock(this.clock).memorySource(this.source).build();
		this.bench = this.dict.get("memory");
	}

	@AfterEach
	void closeDict() {
		this.dict.close();
	}

	private void advanceMillis(long millis) {
		this.clock.add(Duration.ofMillis(millis));
	}

	private void iterationWithSteps(String... topics) {
		this.bench.gstep();
		for (String topic : topics) {
			advanceMillis(10);
			this.bench.step(topic);
		}
		advanceMillis(1);
		this.bench.gstop();
	}

	private static List<String> topics(IterationData iteration) {
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < iteration.size(); i++) {
			topics.add(iteration.topic(i));
		}
		return topics;
	}

	private static List<String> sampleTopics(IterationData iteration) {
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < iteration.memory().size(); i++) {
			topics.add(iteration.memory().topic(i));
		}
		return topics;
	}

	private JsonNode savedMemory() {
		Path run = this.dict.save();
		return JsonMapper.builder().build().readTree(RunFiles.memoryFile(run, "memory"));
	}

	@Test
	void memoryTrackingIsOffByDefaultAndTheMemoryFileIsEmpty() {
		assertThat(this.bench.memory().isEnabled()).isFalse();
		iterationWithSteps("a");
		assertThat(topics(this.bench.snapshot().retained().get(0))).containsExactly("a", "gstop");
		assertThat(savedMemory().isArray()).isTrue();
		assertThat(savedMemory().size()).isZero();
		assertThat(this.bench.summary().memory()).isEmpty();
	}

	@Test
	void enableMemoryTrackingReturnsTheMemoryBenchmarker() {
		MemoryBenchmarker memory = this.bench.enableMemoryTracking(true);
		assertThat(memory).isSameAs(this.bench.memory());
		assertThat(memory.isEnabled()).isTrue();
		assertThat(memory.isPerStep()).isTrue();
		assertThat(this.bench.enableMemoryTracking(false).isPerStep()).isFalse();
	}

	@Test
	void timeEntriesShowTheMemoryOverheadInTheOriginalsOrder() {
		this.bench.enableMemoryTracking(true);
		iterationWithSteps("a", "b");
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(topics(iteration)).containsExactly("gstep_memory", "a", "a_MEMORY_STEP", "b", "b_MEMORY_STEP",
				"gstop", "gstop_memory");
		assertThat(iteration.nanos(0)).isEqualTo(SAMPLE_NANOS);
		assertThat(iteration.nanos(1)).isEqualTo(10_000_000);
		assertThat(iteration.nanos(2)).isEqualTo(SAMPLE_NANOS);
		assertThat(iteration.nanos(3)).isEqualTo(10_000_000);
		assertThat(iteration.nanos(5)).isEqualTo(1_000_000);
		assertThat(iteration.nanos(6)).isEqualTo(SAMPLE_NANOS);
	}

	@Test
	void globalIncludesEveryEntryButGstepMemory() {
		this.bench.enableMemoryTracking(true);
		iterationWithSteps("a", "b");
		IterationData iteration = this.bench.snapshot().retained().get(0);
		long sumWithoutGstepMemory = 0;
		for (int i = 1; i < iteration.size(); i++) {
			sumWithoutGstepMemory += iteration.nanos(i);
		}
		assertThat(iteration.globalNanos()).isEqualTo(sumWithoutGstepMemory)
			.isEqualTo(2 * 10_000_000 + 1_000_000 + 3 * SAMPLE_NANOS);
	}

	@Test
	void withoutPerStepOnlyGstepAndGstopAreSampledButEveryStepGetsAMemoryEntry() {
		this.bench.enableMemoryTracking(false);
		iterationWithSteps("a", "b");
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(sampleTopics(iteration)).containsExactly("gstep", "gstop");
		assertThat(topics(iteration)).containsExactly("gstep_memory", "a", "a_MEMORY_STEP", "b", "b_MEMORY_STEP",
				"gstop", "gstop_memory");
		assertThat(iteration.nanos(2)).isZero();
	}

	@Test
	void samplesHaveTheirOwnCronoCounterAndTheStepsExtra() {
		this.bench.enableMemoryTracking(true);
		this.bench.gstep();
		this.bench.step("a", Map.of("note", 1));
		this.bench.step("b");
		this.bench.gstop();
		JsonNode data = savedMemory().get(0).get("data");
		assertThat(data.propertyNames()).containsExactly("gstep", "a", "b", "gstop");
		assertThat(data.get("gstep").get(0).get("crono_counter").asLong()).isZero();
		assertThat(data.get("a").get(0).get("crono_counter").asLong()).isEqualTo(1);
		assertThat(data.get("a").get(0).get("extra").get("note").asLong()).isEqualTo(1);
		assertThat(data.get("b").get(0).get("crono_counter").asLong()).isEqualTo(2);
		assertThat(data.get("gstop").get(0).get("crono_counter").asLong()).isEqualTo(3);
	}

	@Test
	void everySampleHasTheOriginalsKeysInOrderThenOurs() {
		this.bench.enableMemoryTracking(true);
		iterationWithSteps("a");
		JsonNode iteration = savedMemory().get(0);
		assertThat(iteration.propertyNames()).containsExactly("info", "data");
		assertThat(iteration.get("info").propertyNames()).containsExactly("STEP_NUMBER", "START_TIME", "STOP_TIME",
				"HOST", "PID");
		JsonNode sample = iteration.get("data").get("a").get(0);
		assertThat(sample.propertyNames()).containsExactly("total memory usage", "cuda memory usage",
				"top_memory_objects", "crono_counter", "extra", "max memory usage", "heap used", "heap committed");
		assertThat(sample.get("total memory usage").asLong()).isEqualTo(100 * MIB);
		assertThat(sample.get("cuda memory usage").isNull()).isTrue();
		assertThat(sample.get("top_memory_objects").isArray()).isTrue();
		assertThat(sample.get("top_memory_objects").size()).isZero();
		assertThat(sample.get("max memory usage").isNull()).isTrue();
		assertThat(sample.get("heap used").asLong()).isEqualTo(40 * MIB);
		assertThat(sample.get("heap committed").asLong()).isEqualTo(64 * MIB);
	}

	@Test
	void startOpensNoMemoryIterationAsInTheOriginal() {
		this.bench.enableMemoryTracking(false);
		this.bench.start();
		this.bench.gstep();
		this.bench.gstop();
		assertThat(this.bench.iterationCount()).isEqualTo(2);
		JsonNode memory = savedMemory();
		assertThat(memory.size()).isEqualTo(1);
		assertThat(memory.get(0).get("info").get("STEP_NUMBER").asLong()).isEqualTo(1);
	}

	@Test
	void aStepWithNoIterationOpenTracksMemoryWithoutAGstepSample() {
		this.bench.enableMemoryTracking(true);
		this.bench.step("alone");
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(sampleTopics(iteration)).containsExactly("alone", "gstop");
		assertThat(topics(iteration)).containsExactly("alone", "alone_MEMORY_STEP", "gstop", "gstop_memory");
	}

	@Test
	void recordedStepsAreSampledLikeSteps() {
		this.bench.enableMemoryTracking(true);
		this.bench.gstep();
		this.bench.record("aspect", 5_000);
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(sampleTopics(iteration)).containsExactly("gstep", "aspect", "gstop");
		assertThat(topics(iteration)).contains("aspect", "aspect_MEMORY_STEP");
	}

	@Test
	void anOpenIterationIsSavedLastWithStopTimeZero() {
		this.bench.enableMemoryTracking(true);
		iterationWithSteps("a");
		this.bench.gstep();
		this.bench.step("b");
		JsonNode memory = savedMemory();
		assertThat(memory.size()).isEqualTo(2);
		assertThat(memory.get(1).get("info").get("STOP_TIME").asLong()).isZero();
		assertThat(memory.get(1).get("data").propertyNames()).containsExactly("gstep", "b");
		assertThat(memory.get(0).get("info").get("STOP_TIME").asDouble()).isPositive();
	}

	@Test
	void memoryIterationsAreBoundedByTheRetainedWindow() {
		BenchDict small = BenchDict.builder()
			.root(this.root)
			.clock(this.clock)
			.memorySource(this.source)
			.retainedIterations(3)
			.build();
		Benchmarker bounded = small.get("bounded");
		bounded.enableMemoryTracking(true);
		for (int i = 0; i < 10; i++) {
			bounded.gstep();
			bounded.step("a");
			bounded.gstop();
		}
		JsonNode memory = JsonMapper.builder().build().readTree(RunFiles.memoryFile(small.save(), "bounded"));
		assertThat(memory.size()).isEqualTo(3);
		assertThat(memory.get(0).get("info").get("STEP_NUMBER").asLong()).isEqualTo(7);
		assertThat(bounded.summary().memory()).get().extracting(MemoryStats::samples).isEqualTo(30L);
	}

	@Test
	void eachThreadKeepsItsOwnMemoryIteration() throws InterruptedException {
		this.bench.enableMemoryTracking(true);
		int threads = 4;
		int iterations = 50;
		CountDownLatch done = new CountDownLatch(threads);
		for (int t = 0; t < threads; t++) {
			String topic = "work" + t;
			new Thread(() -> {
				for (int i = 0; i < iterations; i++) {
					this.bench.gstep();
					this.bench.step(topic);
					this.bench.gstop();
				}
				done.countDown();
			}).start();
		}
		done.await();
		List<IterationData> retained = this.bench.snapshot().retained();
		assertThat(retained).hasSize(threads * iterations);
		assertThat(retained).allSatisfy((iteration) -> {
			assertThat(iteration.memory().size()).isEqualTo(3);
			assertThat(iteration.memory().topic(1)).isEqualTo(iteration.topic(1));
		});
	}

	@Test
	void disablingStopsSamplesAndMemoryEntries() {
		this.bench.enableMemoryTracking(true);
		iterationWithSteps("a");
		this.bench.memory().disable();
		iterationWithSteps("b");
		List<IterationData> retained = this.bench.snapshot().retained();
		assertThat(retained.get(1).hasMemory()).isFalse();
		assertThat(topics(retained.get(1))).containsExactly("b", "gstop");
		assertThat(savedMemory().size()).isEqualTo(1);
	}

	@Test
	void theSummaryHoldsTheRunsMemoryFigures() {
		this.bench.enableMemoryTracking(true);
		this.bench.gstep();
		this.source.rss = 300 * MIB;
		this.source.heapUsed = 50 * MIB;
		this.bench.step("grow");
		this.source.rss = 200 * MIB;
		this.source.heapUsed = 45 * MIB;
		this.bench.gstop();
		assertThat(this.bench.summary().memory()).contains(new MemoryStats(3, 200 * MIB, 300 * MIB, 50 * MIB));
		this.bench.reset();
		assertThat(this.bench.summary().memory()).isEmpty();
	}

	@Test
	void thePeakIsNullWithoutThePollerAndZeroWithoutAReadingSinceThePreviousSample() {
		MemoryBenchmarker memory = this.bench.enableMemoryTracking(true);
		iterationWithSteps("a");
		memory.enableMaxMemory(Duration.ofHours(1));
		await().until(() -> memory.poller().readings() == 1);
		iterationWithSteps("b");
		List<IterationData> retained = this.bench.snapshot().retained();
		MemorySamples off = retained.get(0).memory();
		MemorySamples on = retained.get(1).memory();
		assertThat(off.maxRss(0)).isEqualTo(MemorySamples.NO_PEAK);
		assertThat(on.maxRss(0)).isEqualTo(100 * MIB);
		assertThat(on.maxRss(1)).isZero();
		assertThat(on.maxRss(2)).isZero();
	}

	@Test
	void thePeakIsNeverBelowTheSampleOfItsWindow() {
		MemoryBenchmarker memory = this.bench.enableMemoryTracking(true);
		memory.enableMaxMemory(Duration.ofHours(1));
		await().until(() -> memory.poller().readings() == 1);
		this.source.rss = 500 * MIB;
		this.bench.gstep();
		MemorySamples samples = this.bench.snapshot().open().get(0).memory();
		assertThat(samples.rss(0)).isEqualTo(500 * MIB);
		assertThat(samples.maxRss(0)).isEqualTo(500 * MIB);
	}

	@Test
	void thePollerStartsOnlyWithMemoryTrackingAndOneThreadServesEveryInterval() {
		MemoryBenchmarker memory = this.bench.memory();
		memory.enableMaxMemory(Duration.ofMillis(5));
		assertThat(memory.poller().isRunning()).isFalse();
		this.bench.enableMemoryTracking(false);
		assertThat(memory.poller().isRunning()).isTrue();
		memory.enableMaxMemory(Duration.ofMillis(2));
		memory.enableMaxMemory(Duration.ofMillis(3));
		assertThat(pollerThreads("porterbench-memory-memory")).isEqualTo(1);
		assertThat(memory.maxMemoryPollInterval()).contains(Duration.ofMillis(3));
	}

	@Test
	void closingTheRegistryStopsThePoller() {
		MemoryBenchmarker memory = this.bench.enableMemoryTracking(false).enableMaxMemory(Duration.ofMillis(1));
		assertThat(memory.poller().isRunning()).isTrue();
		this.dict.close();
		await().until(() -> pollerThreads("porterbench-memory-memory") == 0);
		assertThat(memory.poller().isRunning()).isFalse();
	}

	@Test
	void gpuFiguresAreNullWhenTheSourceHasNoGpu() {
		MemoryBenchmarker memory = this.bench.enableMemoryTracking(false).enableGpuMemoryTracking();
		assertThat(memory.isGpuAvailable()).isFalse();
		assertThat(memory.isGpuTracking()).isTrue();
		iterationWithSteps("a");
		assertThat(this.bench.snapshot().retained().get(0).memory().gpu(0)).isNull();
	}

	@Test
	void badSettingsAreRejectedWithWhatIsAllowed() {
		MemoryBenchmarker memory = this.bench.memory();
		assertThatIllegalArgumentException().isThrownBy(() -> memory.enableMaxMemory(Duration.ZERO))
			.withMessageContaining("at least 1 ms");
		assertThatIllegalArgumentException().isThrownBy(() -> memory.setTopN(-1))
			.withMessageContaining("0 (off) or more");
		assertThatIllegalArgumentException().isThrownBy(() -> memory.enableGpuMemoryTracking(null))
			.withMessageContaining("at least 1 ms");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchDict.builder().memorySource(null))
			.withMessageContaining("MemorySource.system()");
	}

	static long pollerThreads(String name) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(name) && thread.isAlive())
			.count();
	}

}
