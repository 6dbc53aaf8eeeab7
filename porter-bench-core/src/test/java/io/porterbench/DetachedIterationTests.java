package io.porterbench;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
import io.porterbench.record.SavedCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DetachedIteration}: iterations that belong to no thread.
 */
class DetachedIterationTests {

	@TempDir
	Path root;

	private MockBenchClock clock;

	private BenchDict benchDict;

	private Benchmarker bench;

	@BeforeEach
	void createBenchmarker() {
		this.clock = new MockBenchClock();
		this.benchDict = BenchDict.builder().root(this.root).clock(this.clock).build();
		this.bench = this.benchDict.get("flow");
	}

	@Test
	void stepsFromOtherThreadsGoToTheIterationAndItsCloseStoresIt() throws Exception {
		DetachedIteration iteration = this.bench.openDetached();
		long start = this.clock.nanoTime();
		this.clock.add(Duration.ofMillis(20));
		CompletableFuture.runAsync(() -> iteration.recordSince("load", start)).get();
		long next = this.clock.nanoTime();
		this.clock.add(Duration.ofMillis(30));
		CompletableFuture.runAsync(() -> iteration.recordSince("load", next)).get();
		assertThat(this.bench.openIterations()).isOne();
		assertThat(this.bench.isIterationOpen()).isFalse();
		this.clock.add(Duration.ofMillis(5));
		CompletableFuture.runAsync(iteration::close).get();
		assertThat(iteration.isOpen()).isFalse();
		assertThat(this.bench.openIterations()).isZero();
		assertThat(this.bench.iterationCount()).isOne();
		BenchSummary summary = this.bench.summary();
		assertThat(summary.step("load").count()).as("iterations with the step").isOne();
		assertThat(summary.step("load").total()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(summary.step(Benchmarker.GSTOP).total()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(summary.step(BenchSummary.GLOBAL).total()).isCloseTo(0.055,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void closeTwiceAndStepsAfterTheCloseChangeNothing() {
		DetachedIteration iteration = this.bench.openDetached();
		iteration.recordSince("a", this.clock.nanoTime());
		iteration.close();
		iteration.close();
		iteration.recordSince("a", this.clock.nanoTime());
		assertThat(this.bench.iterationCount()).isOne();
		assertThat(this.bench.summary().step("a").count()).isOne();
	}

	@Test
	void twoDetachedIterationsKeepTheirOwnSteps() {
		DetachedIteration first = this.bench.openDetached();
		DetachedIteration second = this.bench.openDetached();
		first.recordSince("a", this.clock.nanoTime());
		second.recordSince("b", this.clock.nanoTime());
		second.recordSince("b", this.clock.nanoTime());
		first.close();
		second.close();
		BenchRecord saved = RunRecord.load(this.bench.save()).bench("flow");
		List<List<SavedCall>> calls = saved.calls("b");
		assertThat(saved.iterations()).hasSize(2);
		assertThat(calls.get(0)).isEmpty();
		assertThat(calls.get(1)).hasSize(2);
		assertThat(saved.calls("a").get(0)).hasSize(1);
	}

	@Test
	void anOpenDetachedIterationIsSavedAsOpen() {
		DetachedIteration iteration = this.bench.openDetached();
		iteration.recordSince("a", this.clock.nanoTime());
		BenchRecord saved = RunRecord.load(this.bench.save()).bench("flow");
		assertThat(saved.iterations()).singleElement().satisfies((it) -> assertThat(it.isOpen()).isTrue());
	}

	@Test
	void anInvalidTopicIsRejected() {
		DetachedIteration iteration = this.bench.openDetached();
		assertThatIllegalArgumentException().isThrownBy(() -> iteration.recordSince("GLOBAL", this.clock.nanoTime()));
	}

	@Test
	void anAbandonedIterationIsForgottenWithItsLastReference() throws InterruptedException {
		WeakReference<DetachedIteration> abandoned = new WeakReference<>(this.bench.openDetached());
		assertThat(this.bench.openIterations()).isOne();
		// The map forgets the entry once the collector has queued its reference, which
		// may come after clearing it.
		for (int attempt = 0; attempt < 200
				&& (abandoned.get() != null || this.bench.openIterations() != 0); attempt++) {
			System.gc();
			Thread.sleep(5);
		}
		assertThat(abandoned.get()).isNull();
		assertThat(this.bench.openIterations()).isZero();
	}

	@Test
	void aDisabledBenchmarkerHandsOutAClosedIteration() {
		this.bench.disable();
		DetachedIteration iteration = this.bench.openDetached();
		iteration.recordSince("a", this.clock.nanoTime());
		iteration.close();
		this.bench.enable();
		assertThat(iteration.isOpen()).isFalse();
		assertThat(this.bench.iterationCount()).isZero();
		assertThat(this.bench.openIterations()).isZero();
	}

}
