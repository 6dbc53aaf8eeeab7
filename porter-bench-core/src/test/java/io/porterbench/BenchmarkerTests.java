package io.porterbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class BenchmarkerTests {

	@TempDir
	Path root;

	private MockBenchClock clock;

	private Benchmarker bench;

	@BeforeEach
	void setUp() {
		this.clock = new MockBenchClock();
		this.bench = BenchDict.builder().root(this.root).clock(this.clock).build().get("pipeline");
	}

	private void advanceMillis(long millis) {
		this.clock.add(Duration.ofMillis(millis));
	}

	private List<String> topics(IterationData iteration) {
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < iteration.size(); i++) {
			topics.add(iteration.topic(i));
		}
		return topics;
	}

	@Test
	void aStepWithoutAnIterationGetsItsOwnThroughOpenIterationIfNone() {
		assertThat(this.bench.openIterationIfNone()).isTrue();
		assertThat(this.bench.openIterationIfNone()).isFalse();
		advanceMillis(10);
		this.bench.step("work");
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(topics(iteration)).containsExactly("work", "gstop");
		assertThat(iteration.globalNanos()).isEqualTo(10_000_000L);
	}

	@Test
	void anIterationOpenedForAPastStartBeganAtThatStart() {
		long start = this.clock.nanoTime();
		advanceMillis(30);
		assertThat(this.bench.openIterationIfNone(start)).isTrue();
		assertThat(this.bench.openIterationIfNone(start)).isFalse();
		this.bench.recordSince("call", start);
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(topics(iteration)).containsExactly("call", "gstop");
		assertThat(iteration.nanos(0)).isEqualTo(30_000_000L);
		assertThat(iteration.globalNanos()).isEqualTo(30_000_000L);
	}

	@Test
	void aDisabledBenchmarkerOpensNoIteration() {
		this.bench.disable();
		assertThat(this.bench.openIterationIfNone()).isFalse();
		assertThat(this.bench.openIterationIfNone(this.clock.nanoTime())).isFalse();
		assertThat(this.bench.isIterationOpen()).isFalse();
	}

	@Test
	void stepMeasuresTheTimeSincePreviousStepOrIterationStart() {
		this.bench.gstep();
		advanceMillis(10);
		this.bench.step("load");
		advanceMillis(20);
		this.bench.step("process");
		advanceMillis(5);
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(topics(iteration)).containsExactly("load", "process", "gstop");
		assertThat(iteration.nanos(0)).isEqualTo(10_000_000L);
		assertThat(iteration.nanos(1)).isEqualTo(20_000_000L);
		assertThat(iteration.nanos(2)).isEqualTo(5_000_000L);
		assertThat(iteration.globalNanos()).isEqualTo(35_000_000L);
		assertThat(iteration.isClosed()).isTrue();
	}

	@Test
	void firstGstepOnlyOpensSoNGstepsAndOneGstopGiveNIterations() {
		for (int i = 0; i < 5; i++) {
			this.bench.gstep();
			this.bench.step("work");
		}
		assertThat(this.bench.iterationCount()).isEqualTo(4);
		this.bench.gstop();
		assertThat(this.bench.iterationCount()).isEqualTo(5);
	}

	@Test
	void gstopWithoutAnOpenIterationDoesNothing() {
		this.bench.gstop();
		assertThat(this.bench.iterationCount()).isZero();
	}

	@Test
	void repeatedTopicKeepsEveryCallAndSumsInTheSummary() {
		this.bench.gstep();
		for (int i = 1; i <= 3; i++) {
			advanceMillis(i);
			this.bench.step("proc");
		}
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(topics(iteration)).containsExactly("proc", "proc", "proc", "gstop");
		assertThat(this.bench.summary().step("proc").mean()).isCloseTo(0.006, within(1e-12));
		assertThat(this.bench.summary().step("proc").count()).isEqualTo(1);
	}

	@Test
	void summaryPutsGlobalLastAndCountsStepsOnlyWhereTheyOccur() {
		this.bench.gstep();
		advanceMillis(1000);
		this.bench.step("s");
		this.bench.gstep();
		advanceMillis(3000);
		this.bench.step("s");
		advanceMillis(2000);
		this.bench.step("t");
		advanceMillis(4000);
		this.bench.step("s");
		this.bench.gstop();
		BenchSummary summary = this.bench.summary();
		assertThat(summary.steps().keySet()).containsExactly("s", "gstop", "t", "GLOBAL");
		assertThat(summary.step("s").mean()).isCloseTo(4.0, within(1e-9));
		assertThat(summary.step("s").min()).isCloseTo(1.0, within(1e-9));
		assertThat(summary.step("s").max()).isCloseTo(7.0, within(1e-9));
		assertThat(summary.step("t").mean()).isCloseTo(2.0, within(1e-9));
		assertThat(summary.step("t").count()).isEqualTo(1);
		assertThat(summary.iterations()).isEqualTo(2);
	}

	@Test
	void openIterationCountsInTheSummaryWithoutGlobal() {
		this.bench.gstep();
		advanceMillis(3);
		this.bench.step("a");
		BenchSummary summary = this.bench.summary();
		assertThat(summary.openIterations()).isEqualTo(1);
		assertThat(summary.steps()).containsOnlyKeys("a");
		RunSnapshot snapshot = this.bench.snapshot();
		assertThat(snapshot.open()).hasSize(1);
		assertThat(snapshot.open().get(0).isClosed()).isFalse();
	}

	@Test
	void disabledBenchmarkerIgnoresEverythingAndGstopAfterEnableClosesTheOpenIteration() {
		this.bench.gstep();
		this.bench.step("a");
		this.bench.disable();
		this.bench.step("ignored");
		this.bench.gstop();
		this.bench.gstep();
		assertThat(this.bench.iterationCount()).isZero();
		this.bench.enable();
		this.bench.gstop();
		assertThat(this.bench.iterationCount()).isEqualTo(1);
		assertThat(topics(this.bench.snapshot().retained().get(0))).containsExactly("a", "gstop");
	}

	@Test
	void stepWithoutOpenIterationOpensOneMeasuringSinceThePreviousGstop() {
		this.bench.gstep();
		this.bench.gstop();
		advanceMillis(7);
		this.bench.step("late");
		assertThat(this.bench.isIterationOpen()).isTrue();
		this.bench.gstop();
		assertThat(this.bench.iterationCount()).isEqualTo(2);
		IterationData late = this.bench.snapshot().retained().get(1);
		assertThat(topics(late)).containsExactly("late", "gstop");
		assertThat(late.nanos(0)).isEqualTo(7_000_000L);
		assertThat(topics(this.bench.snapshot().retained().get(0))).containsExactly("gstop");
	}

	@Test
	void firstStepOnAFreshThreadOpensAnIterationAndMeasuresZero() {
		advanceMillis(50);
		this.bench.step("first");
		advanceMillis(2);
		this.bench.step("second");
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(iteration.nanos(0)).isZero();
		assertThat(iteration.nanos(1)).isEqualTo(2_000_000L);
	}

	@Test
	void startOpensAFreshIterationAndRestartsTimersWhenOneIsOpen() {
		for (int i = 0; i < 3; i++) {
			this.bench.start();
			advanceMillis(i + 1);
			this.bench.step("work");
			this.bench.gstop();
		}
		RunSnapshot snapshot = this.bench.snapshot();
		assertThat(snapshot.retained()).hasSize(3);
		assertThat(snapshot.retained()).extracting((iteration) -> iteration.nanos(0))
			.containsExactly(1_000_000L, 2_000_000L, 3_000_000L);
		this.bench.start();
		advanceMillis(10);
		this.bench.start();
		advanceMillis(1);
		this.bench.step("after-restart");
		this.bench.gstop();
		assertThat(this.bench.snapshot().retained().get(3).nanos(0)).isEqualTo(1_000_000L);
		assertThat(this.bench.snapshot().retained().get(3).globalNanos()).isEqualTo(1_000_000L);
	}

	@Test
	void recordAddsAMeasuredStepAndMovesTheStepClock() {
		this.bench.gstep();
		advanceMillis(10);
		this.bench.record("measured", 4_000_000L);
		advanceMillis(1);
		this.bench.step("next");
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(iteration.nanos(0)).isEqualTo(4_000_000L);
		assertThat(iteration.nanos(1)).isEqualTo(1_000_000L);
	}

	@Test
	void recordWithoutOpenIterationOpensOneThatBeganThatLongAgo() {
		advanceMillis(100);
		this.bench.record("call", 30_000_000L);
		this.bench.gstop();
		assertThat(this.bench.snapshot().retained().get(0).globalNanos()).isEqualTo(30_000_000L);
	}

	@Test
	void recordRejectsNegativeDurations() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.bench.record("x", -1))
			.withMessageContaining("negative");
	}

	@Test
	void recordSinceMeasuresFromTheGivenReadingWithOneClockRead() {
		TickingClock clock = new TickingClock();
		Benchmarker ticking = BenchDict.builder().root(this.root).clock(clock).build().get("ticking");
		ticking.gstep();
		long start = ticking.clock().nanoTime();
		int readsBefore = clock.reads;
		ticking.recordSince("call", start);
		assertThat(clock.reads - readsBefore).isOne();
		ticking.step("next");
		ticking.gstop();
		IterationData iteration = ticking.snapshot().retained().get(0);
		assertThat(iteration.topic(0)).isEqualTo("call");
		assertThat(iteration.nanos(0)).isEqualTo(1_000_000L);
		// the step clock moved to the reading that ended "call"
		assertThat(iteration.nanos(1)).isEqualTo(1_000_000L);
	}

	@Test
	void recordSinceWithoutOpenIterationOpensOneThatBeganAtTheReading() {
		advanceMillis(100);
		long start = this.bench.clock().nanoTime();
		advanceMillis(30);
		this.bench.recordSince("call", start);
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(iteration.nanos(0)).isEqualTo(30_000_000L);
		assertThat(iteration.globalNanos()).isEqualTo(30_000_000L);
	}

	@Test
	void recordSinceRejectsAStartAfterNow() {
		long future = this.clock.nanoTime() + 5;
		assertThatIllegalArgumentException().isThrownBy(() -> this.bench.recordSince("x", future))
			.withMessageContaining("begin after it ends")
			.withMessageContaining("clock()");
		assertThat(this.bench.isIterationOpen()).isFalse();
	}

	@Test
	void recordSinceDoesNothingWhileDisabled() {
		this.bench.disable();
		this.bench.recordSince("call", this.clock.nanoTime());
		this.bench.enable();
		assertThat(this.bench.isIterationOpen()).isFalse();
		assertThat(this.bench.iterationCount()).isZero();
	}

	@Test
	void reservedTopicsAreRejectedWithAMessageSayingWhatIsAllowed() {
		for (String reserved : List.of("GLOBAL", "START_TIME", "STOP_TIME")) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.bench.step(reserved))
				.withMessageContaining(reserved)
				.withMessageContaining("reserved");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.bench.step(null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.bench.step("a\u0000b"))
			.withMessageContaining("control");
		assertThatIllegalArgumentException().isThrownBy(() -> this.bench.step("x".repeat(10_000)))
			.withMessageContaining("256");
	}

	@Test
	void emptyTopicIsAllowedAsInTheOriginal() {
		this.bench.gstep();
		this.bench.step("");
		this.bench.gstop();
		assertThat(this.bench.summary().steps()).containsKey("");
	}

	@Test
	void iterationClosesWithTryWithResources() {
		try (Iteration iteration = this.bench.iteration()) {
			advanceMillis(2);
			this.bench.step("inside");
		}
		assertThat(this.bench.iterationCount()).isEqualTo(1);
		assertThat(this.bench.isIterationOpen()).isFalse();
	}

	@Test
	void extraIsKeptBesideItsCall() {
		this.bench.gstep();
		this.bench.step("load", java.util.Map.of("rows", 3));
		this.bench.gstop();
		IterationData iteration = this.bench.snapshot().retained().get(0);
		assertThat(iteration.extra(0)).isEqualTo(java.util.Map.of("rows", 3));
		assertThat(iteration.extra(1)).isNull();
	}

	@Test
	void resetForgetsClosedIterations() {
		this.bench.gstep();
		this.bench.gstop();
		this.bench.reset();
		assertThat(this.bench.iterationCount()).isZero();
		assertThat(this.bench.summary().steps()).isEmpty();
	}

	@Test
	void listenersSeeEveryStepAndIterationAndTheirFailuresNeverReachTheCaller() {
		List<String> seen = new ArrayList<>();
		this.bench.addStepListener(new StepListener() {
			@Override
			public void onStep(Benchmarker bench, String topic, long nanos) {
				seen.add(topic + "=" + nanos);
			}

			@Override
			public void onIteration(Benchmarker bench, long nanos) {
				seen.add("iteration=" + nanos);
			}
		});
		this.bench.addStepListener((bench, topic, nanos) -> {
			throw new IllegalStateException("metrics backend down");
		});
		this.bench.gstep();
		advanceMillis(1);
		this.bench.step("a");
		this.bench.gstop();
		assertThat(seen).containsExactly("a=1000000", "gstop=0", "iteration=1000000");
		assertThat(this.bench.iterationCount()).isEqualTo(1);
	}

	@Test
	void retainedWindowBoundsTheKeptIterationsButSummariesCoverAll() {
		Benchmarker windowed = BenchDict.builder()
			.root(this.root)
			.clock(this.clock)
			.retainedIterations(10)
			.build()
			.get("windowed");
		for (int i = 0; i < 100; i++) {
			windowed.gstep();
			advanceMillis(1);
			windowed.step("work");
		}
		windowed.gstop();
		RunSnapshot snapshot = windowed.snapshot();
		assertThat(snapshot.retained()).hasSize(10);
		assertThat(snapshot.retained().get(0).number()).isEqualTo(90);
		BenchSummary summary = windowed.summary();
		assertThat(summary.iterations()).isEqualTo(100);
		assertThat(summary.step("work").count()).isEqualTo(100);
		assertThat(summary.step("work").mean()).isCloseTo(0.001, within(1e-12));
		assertThat(summary.step("work").p50()).isCloseTo(0.001, within(0.001 * 0.01));
	}

	@Test
	void gstepEndsTheClosedIterationAtTheInstantTheNextOneBegins() {
		Benchmarker ticking = BenchDict.builder().root(this.root).clock(new TickingClock()).build().get("ticking");
		ticking.gstep();
		ticking.step("work");
		ticking.gstep();
		ticking.gstop();
		RunSnapshot snapshot = ticking.snapshot();
		IterationData first = snapshot.retained().get(0);
		IterationData second = snapshot.retained().get(1);
		assertThat(second.startEpochSeconds()).isEqualTo(first.stopEpochSeconds());
		assertThat(first.stopEpochSeconds() - first.startEpochSeconds()).isCloseTo(first.globalNanos() / 1e9,
				within(1e-6));
	}

	/** A clock that moves 1 ms at every read, so that each extra read shows. */
	private static final class TickingClock implements BenchClock {

		private long nanos;

		private int reads;

		@Override
		public long nanoTime() {
			this.reads++;
			this.nanos += 1_000_000;
			return this.nanos;
		}

		@Override
		public double epochSeconds() {
			return 1_700_000_000.0 + nanoTime() / 1e9;
		}

	}

}
