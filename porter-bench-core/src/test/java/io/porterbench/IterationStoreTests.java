package io.porterbench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's window with iterations staged per stripe: nothing staged is lost, numbers
 * stay consecutive, and each thread's iterations keep their order.
 */
class IterationStoreTests {

	@Test
	void oneThreadKeepsTheLastIterationsInOrderWithTheStagedOnesIncluded() {
		MockBenchClock clock = new MockBenchClock();
		try (BenchDict dict = BenchDict.builder().clock(clock).retainedIterations(100).build()) {
			Benchmarker bench = dict.get("one");
			int closes = 1_000 + IterationStore.STAGED / 2;
			for (int i = 0; i < closes; i++) {
				bench.gstep();
				clock.addNanos(1_000);
				bench.step("work", i);
				bench.gstop();
			}
			assertThat(bench.iterationCount()).isEqualTo(closes);
			RunSnapshot snapshot = bench.snapshot();
			assertThat(snapshot.closedCount()).isEqualTo(closes);
			assertThat(snapshot.retained()).hasSize(100);
			for (int k = 0; k < 100; k++) {
				IterationData iteration = snapshot.retained().get(k);
				long number = closes - 100 + k;
				assertThat(iteration.number()).isEqualTo(number);
				assertThat(iteration.extra(0)).isEqualTo((int) number);
			}
		}
	}

	@Test
	void iterationsOfManyThreadsAreAllCountedNumberedOnceAndInEachThreadsOrder() throws Exception {
		int threads = 6;
		int closesPerThread = 2_000 + 7;
		try (BenchDict dict = BenchDict.builder().retainedIterations(threads * closesPerThread).build()) {
			Benchmarker bench = dict.get("many");
			CountDownLatch start = new CountDownLatch(1);
			List<Thread> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String topic = "thread" + t;
				Thread worker = new Thread(() -> {
					awaitQuietly(start);
					for (int i = 0; i < closesPerThread; i++) {
						bench.gstep();
						bench.step(topic, i);
						bench.gstop();
					}
				});
				workers.add(worker);
				worker.start();
			}
			start.countDown();
			for (Thread worker : workers) {
				worker.join();
			}
			RunSnapshot snapshot = bench.snapshot();
			assertThat(snapshot.closedCount()).isEqualTo((long) threads * closesPerThread);
			assertThat(bench.iterationCount()).isEqualTo((long) threads * closesPerThread);
			assertThat(snapshot.retained()).hasSize(threads * closesPerThread);
			Map<String, Integer> next = new HashMap<>();
			for (int k = 0; k < snapshot.retained().size(); k++) {
				IterationData iteration = snapshot.retained().get(k);
				assertThat(iteration.number()).isEqualTo(k);
				String topic = iteration.topic(0);
				int expected = next.getOrDefault(topic, 0);
				assertThat(iteration.extra(0)).as("%s's iteration at %d", topic, k).isEqualTo(expected);
				next.put(topic, expected + 1);
			}
			assertThat(next).hasSize(threads)
				.allSatisfy((topic, count) -> assertThat(count).isEqualTo(closesPerThread));
		}
	}

	@Test
	void threadsThatTakeTurnsKeepTheLastIterationsInOrderAsEachThreadsOwnSlotsAreReused() throws Exception {
		// each phase runs on a new thread, so on a stripe of its own until the stripes
		// wrap around; the window is smaller than a phase, so slots are reused and a
		// quiet
		// stripe's iterations fall out of it
		int phases = 12;
		int closesPerPhase = 150 + IterationStore.STAGED / 3;
		try (BenchDict dict = BenchDict.builder().retainedIterations(100).build()) {
			Benchmarker bench = dict.get("turns");
			int closed = 0;
			for (int phase = 0; phase < phases; phase++) {
				int first = closed;
				Thread worker = new Thread(() -> {
					for (int i = 0; i < closesPerPhase; i++) {
						bench.gstep();
						bench.step("work", first + i);
						bench.gstop();
					}
				});
				worker.start();
				worker.join();
				closed += closesPerPhase;
				if (phase % 3 == 2) {
					assertLastIterationsInOrder(bench.snapshot(), closed, 100);
				}
			}
			assertLastIterationsInOrder(bench.snapshot(), closed, 100);
			assertThat(bench.iterationCount()).isEqualTo(closed);
			assertThat(bench.summary().steps().get("work").count()).isEqualTo(closed);
		}
	}

	@Test
	void theFirstThirtyTwoThreadsEachGetAStripeOfTheirOwnWhateverTheNumberOfCores() {
		IterationStore store = new IterationStore(100);
		Set<Integer> stripes = new HashSet<>();
		for (int thread = 0; thread < 32; thread++) {
			stripes.add(store.assignStripe());
		}
		assertThat(stripes).hasSize(32);
		// the 33rd thread shares a stripe with the first
		assertThat(store.assignStripe()).isEqualTo(0);
	}

	@Test
	void aStripeReusesItsOwnSlotsAndASnapshotReleasesTheIterationsOfStripesThatWentQuiet() {
		// not a power of two, so that a ring grown by doubling would overshoot it
		int window = 70;
		int stripes = 4;
		IterationStore store = new IterationStore(window, stripes);
		long nanos = 0;
		for (int turn = 0; turn < 3 * stripes; turn++) {
			ThreadIteration thread = new ThreadIteration();
			thread.stripe = store.assignStripe();
			for (int i = 0; i < 5 * window; i++) {
				nanos += 1_000;
				thread.open(nanos, nanos / 1e9);
				thread.add("work", 400, null);
				thread.add(Benchmarker.GSTOP, 600, null);
				thread.computeTopicSums();
				store.append(thread, (nanos + 1_000) / 1e9, nanos + 1_000, 1_000, false);
			}
			// a stripe never holds more than the window and one batch: it reuses its
			// oldest slots once they leave the window
			int stripesUsed = Math.min(turn + 1, stripes);
			assertThat(store.heldIterations()).isLessThanOrEqualTo(stripesUsed * (window + IterationStore.STAGED));
		}
		RunSnapshot snapshot = store.snapshot("quiet", List.of());
		assertThat(snapshot.closedCount()).isEqualTo(3L * stripes * 5 * window);
		assertThat(snapshot.retained()).hasSize(window);
		// what the stripes that went quiet held is released: only the window and the
		// iterations still waiting for their numbers remain
		assertThat(store.heldIterations()).isLessThanOrEqualTo(window + stripes * IterationStore.STAGED);
	}

	private static void assertLastIterationsInOrder(RunSnapshot snapshot, long closed, int window) {
		assertThat(snapshot.closedCount()).isEqualTo(closed);
		assertThat(snapshot.retained()).hasSize(window);
		for (int k = 0; k < window; k++) {
			IterationData iteration = snapshot.retained().get(k);
			long number = closed - window + k;
			assertThat(iteration.number()).isEqualTo(number);
			assertThat(iteration.extra(0)).isEqualTo((int) number);
		}
	}

	@Test
	void aWindowSmallerThanTheStagingStillHoldsTheLastIterations() {
		MockBenchClock clock = new MockBenchClock();
		try (BenchDict dict = BenchDict.builder().clock(clock).retainedIterations(3).build()) {
			Benchmarker bench = dict.get("small");
			for (int i = 0; i < 10; i++) {
				bench.gstep();
				clock.addNanos(10);
				bench.step("work", i);
				bench.gstop();
			}
			RunSnapshot snapshot = bench.snapshot();
			assertThat(snapshot.retained()).extracting((iteration) -> iteration.extra(0)).containsExactly(7, 8, 9);
			assertThat(snapshot.retained()).extracting(IterationData::number).containsExactly(7L, 8L, 9L);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
