package io.porterbench.boot.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.boot.autoconfigure.StepMeterType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link BenchMetricsBinder} with a real {@link SimpleMeterRegistry}.
 */
class BenchMetricsBinderTests {

	private final MockBenchClock clock = new MockBenchClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@TempDir
	Path root;

	private BenchDict benchDict;

	@BeforeEach
	void createBenchDict() {
		this.benchDict = BenchDict.builder().root(this.root).clock(this.clock).build();
	}

	@AfterEach
	void close() {
		this.benchDict.close();
	}

	@Test
	void bindsBenchmarkersCreatedBeforeAndAfterBinding() {
		this.benchDict.get("before");
		new BenchMetricsBinder(this.benchDict).bindTo(this.registry);
		this.benchDict.get("after");
		assertThat(this.registry.find(BenchMetricNames.ITERATION_ACTIVE).gauges()).hasSize(2);
		assertThat(this.registry.find(BenchMetricNames.ITERATION).tag(BenchMetricNames.TAG_BENCH, "before").timer())
			.isNotNull();
		assertThat(this.registry.find(BenchMetricNames.ITERATION).tag(BenchMetricNames.TAG_BENCH, "after").timer())
			.isNotNull();
	}

	@Test
	void stepTimersCountAndSumWhatTheBenchDictRecorded() {
		new BenchMetricsBinder(this.benchDict, StepMeterType.TIMER).bindTo(this.registry);
		Benchmarker bench = runThreeIterations();
		BenchSummary summary = bench.summary();
		Timer load = this.registry.get(BenchMetricNames.STEP)
			.tags(BenchMetricNames.TAG_BENCH, "pipeline", BenchMetricNames.TAG_STEP, "load")
			.timer();
		Timer process = this.registry.get(BenchMetricNames.STEP)
			.tags(BenchMetricNames.TAG_BENCH, "pipeline", BenchMetricNames.TAG_STEP, "process")
			.timer();
		assertThat(load.count()).isEqualTo(summary.step("load").count()).isEqualTo(3);
		assertThat(load.totalTime(TimeUnit.SECONDS)).isCloseTo(summary.step("load").total(), within(1e-9));
		assertThat(load.max(TimeUnit.SECONDS)).isCloseTo(summary.step("load").max(), within(1e-9));
		assertThat(process.count()).isEqualTo(summary.step("process").count());
		assertThat(process.totalTime(TimeUnit.SECONDS)).isCloseTo(0.300, within(1e-9));
	}

	@Test
	void stepsArePublishedByDefaultAsFunctionTimersCountingAndSummingWhatTheBenchDictRecorded() {
		new BenchMetricsBinder(this.benchDict).bindTo(this.registry);
		Benchmarker bench = runThreeIterations();
		BenchSummary summary = bench.summary();
		FunctionTimer load = this.registry.get(BenchMetricNames.STEP)
			.tags(BenchMetricNames.TAG_BENCH, "pipeline", BenchMetricNames.TAG_STEP, "load")
			.functionTimer();
		FunctionTimer process = this.registry.get(BenchMetricNames.STEP)
			.tags(BenchMetricNames.TAG_BENCH, "pipeline", BenchMetricNames.TAG_STEP, "process")
			.functionTimer();
		assertThat(load.count()).isEqualTo(summary.step("load").count()).isEqualTo(3);
		assertThat(load.totalTime(TimeUnit.SECONDS)).isCloseTo(summary.step("load").total(), within(1e-9));
		assertThat(process.count()).isEqualTo(3);
		assertThat(process.totalTime(TimeUnit.SECONDS)).isCloseTo(0.300, within(1e-9));
		assertThat(this.registry.find(BenchMetricNames.STEP).timers()).isEmpty();
		// the iteration stays a Timer, with its max
		Timer iteration = this.registry.get(BenchMetricNames.ITERATION)
			.tag(BenchMetricNames.TAG_BENCH, "pipeline")
			.timer();
		assertThat(iteration.count()).isEqualTo(3);
		assertThat(iteration.max(TimeUnit.SECONDS)).isCloseTo(0.130, within(1e-9));
	}

	@Test
	void functionTimerStepsLoseNoStepRecordedByConcurrentThreads() throws Exception {
		new BenchMetricsBinder(this.benchDict, StepMeterType.FUNCTION_TIMER).bindTo(this.registry);
		Benchmarker bench = this.benchDict.get("pipeline");
		int threads = 4;
		int stepsPerThread = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			for (int t = 0; t < threads; t++) {
				executor.execute(() -> {
					awaitQuietly(start);
					bench.gstep();
					for (int i = 0; i < stepsPerThread; i++) {
						bench.record("load", 1_000);
					}
					bench.gstop();
				});
			}
			start.countDown();
			executor.shutdown();
			assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			executor.shutdownNow();
		}
		FunctionTimer load = this.registry.get(BenchMetricNames.STEP)
			.tag(BenchMetricNames.TAG_STEP, "load")
			.functionTimer();
		assertThat(load.count()).isEqualTo((double) threads * stepsPerThread);
		assertThat(load.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(threads * stepsPerThread * 1_000.0);
	}

	/** Three iterations of "load" (10, 20 and 30 ms) then "process" (100 ms). */
	private Benchmarker runThreeIterations() {
		Benchmarker bench = this.benchDict.get("pipeline");
		for (int i = 1; i <= 3; i++) {
			bench.gstep();
			this.clock.add(Duration.ofMillis(10 * i));
			bench.step("load");
			this.clock.add(Duration.ofMillis(100));
			bench.step("process");
			bench.gstop();
		}
		return bench;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void iterationTimerCountsClosedIterationsWithTheirGlobalTime() {
		new BenchMetricsBinder(this.benchDict).bindTo(this.registry);
		Benchmarker bench = this.benchDict.get("pipeline");
		for (int i = 0; i < 4; i++) {
			bench.gstep();
			this.clock.add(Duration.ofMillis(25));
			bench.step("load");
			bench.gstop();
		}
		Timer iteration = this.registry.get(BenchMetricNames.ITERATION)
			.tag(BenchMetricNames.TAG_BENCH, "pipeline")
			.timer();
		assertThat(iteration.count()).isEqualTo(bench.iterationCount()).isEqualTo(4);
		assertThat(iteration.totalTime(TimeUnit.SECONDS)).isCloseTo(bench.summary().step(BenchSummary.GLOBAL).total(),
				within(1e-9));
		assertThat(this.registry.find(BenchMetricNames.STEP).tag(BenchMetricNames.TAG_STEP, "GLOBAL").timer()).isNull();
	}

	@Test
	void stepTimersAreCreatedOncePerStep() {
		new BenchMetricsBinder(this.benchDict, StepMeterType.TIMER).bindTo(this.registry);
		Benchmarker bench = this.benchDict.get("pipeline");
		for (int i = 0; i < 50; i++) {
			bench.gstep();
			bench.step("load");
			bench.step("load");
			bench.gstop();
		}
		assertThat(this.registry.find(BenchMetricNames.STEP).tag(BenchMetricNames.TAG_STEP, "load").timers())
			.singleElement()
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(100));
	}

	@Test
	void timersHaveNoPercentilesOfTheirOwn() {
		new BenchMetricsBinder(this.benchDict, StepMeterType.TIMER).bindTo(this.registry);
		Benchmarker bench = this.benchDict.get("pipeline");
		bench.gstep();
		bench.step("load");
		bench.gstop();
		Timer load = this.registry.get(BenchMetricNames.STEP).tag(BenchMetricNames.TAG_STEP, "load").timer();
		assertThat(load.takeSnapshot().percentileValues()).isEmpty();
		assertThat(load.takeSnapshot().histogramCounts()).isEmpty();
	}

	@Test
	void activeGaugeCountsTheIterationsOpenOnAllThreads() throws Exception {
		new BenchMetricsBinder(this.benchDict).bindTo(this.registry);
		Benchmarker bench = this.benchDict.get("pipeline");
		Gauge active = this.registry.get(BenchMetricNames.ITERATION_ACTIVE)
			.tag(BenchMetricNames.TAG_BENCH, "pipeline")
			.gauge();
		assertThat(active.value()).isZero();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch opened = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		try {
			for (int i = 0; i < 2; i++) {
				threads.submit(() -> {
					bench.gstep();
					opened.countDown();
					release.await();
					bench.gstop();
					return null;
				});
			}
			bench.gstep();
			assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(active.value()).isEqualTo(3);
		}
		finally {
			release.countDown();
			threads.shutdown();
			assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(active.value()).isEqualTo(1);
		bench.gstop();
		assertThat(active.value()).isZero();
	}

	@Test
	void memoryGaugesAppearWithMemoryTrackingInBytes() {
		new BenchMetricsBinder(this.benchDict).bindTo(this.registry);
		Benchmarker bench = this.benchDict.get("pipeline");
		assertThat(this.registry.find(BenchMetricNames.MEMORY_RSS).gauge()).isNull();
		bench.enableMemoryTracking(false);
		bench.gstep();
		bench.step("load");
		bench.gstop();
		for (String name : new String[] { BenchMetricNames.MEMORY_RSS, BenchMetricNames.MEMORY_HEAP_USED,
				BenchMetricNames.MEMORY_PEAK }) {
			Gauge gauge = this.registry.get(name).tag(BenchMetricNames.TAG_BENCH, "pipeline").gauge();
			assertThat(gauge.getId().getBaseUnit()).as(name).isEqualTo("bytes");
			assertThat(gauge.value()).as(name).isPositive();
		}
		BenchSummary.MemoryStats stats = bench.summary().memory().orElseThrow();
		assertThat(this.registry.get(BenchMetricNames.MEMORY_PEAK).gauge().value()).isEqualTo(stats.peakRss());
	}

}
