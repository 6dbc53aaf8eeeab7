package io.porterbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.TopicSums;
import io.porterbench.summary.StepAccumulator;

/**
 * The closed iterations of one benchmarker: the last {@code capacity} in full, in a ring
 * whose slots are reused, and every one in the constant-space accumulators. Nothing is
 * held across calls.
 *
 * <p>
 * Striped, so that threads closing iterations at the same time share no cache line: each
 * thread adds to the stripe it was given, under that stripe's lock, both the statistics
 * and the iteration itself, which waits in the stripe's few staging slots. Only when a
 * stripe's staging slots are full does its thread move them to the shared ring, in one
 * batch under the ring's lock (the slots' objects are swapped, not copied), so the shared
 * lines move between cores once every {@value #STAGED} closes of a thread, not on every
 * close. Memory stays bounded: the ring's {@code capacity} plus {@value #STAGED} slots a
 * stripe.
 *
 * <p>
 * The order of the closed iterations, and so their numbers, is the order in which they
 * reach the ring, the staged ones after the ring's in order of their close time: a
 * thread's own iterations are always in the order it closed them; iterations of several
 * threads are ordered a batch at a time. A snapshot takes every stripe's lock and then
 * the ring's, so it sees each iteration either in the accumulators and the ring or a
 * stripe's staging, or still open, never half-stored.
 */
final class IterationStore {

	private static final int MAX_STRIPES = 32;

	/** Closed iterations a stripe holds before its thread moves them to the ring. */
	static final int STAGED = 32;

	/**
	 * The ring's lock and count in one object, so that a move writes one shared cache
	 * line, not two.
	 */
	private final RingState ringLock = new RingState();

	private final IterationData[] ring;

	private final Stripe[] stripes;

	private final AtomicInteger nextStripe = new AtomicInteger();

	/** Topics in order of first appearance over all stripes, for the summaries. */
	private final Set<String> topicOrder = new LinkedHashSet<>();

	IterationStore(int capacity) {
		this(capacity, Math.min(MAX_STRIPES, 2 * Runtime.getRuntime().availableProcessors()));
	}

	IterationStore(int capacity, int stripeCount) {
		this.ring = new IterationData[capacity];
		this.stripes = new Stripe[Math.max(1, stripeCount)];
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new Stripe(Math.min(STAGED, capacity));
		}
	}

	/**
	 * The stripe for a new thread, in turn, so that the first threads never share one.
	 * @return the stripe's index
	 */
	int assignStripe() {
		return Math.floorMod(this.nextStripe.getAndIncrement(), this.stripes.length);
	}

	/**
	 * Stores a closed iteration and marks it closed on its thread, in one step for
	 * concurrent snapshots.
	 * @param iteration the thread's iteration
	 * @param stopEpochSeconds when it ended
	 * @param stopNanos when it ended, on the benchmarker's clock: its place among the
	 * staged iterations
	 * @param globalNanos its GLOBAL time
	 * @param counted whether the caller needs the number of closed iterations: the
	 * iteration and the stripe's staged ones then go to the ring at once
	 * @return the number of closed iterations, this one included, when {@code counted};
	 * otherwise -1
	 */
	long append(ThreadIteration iteration, double stopEpochSeconds, long stopNanos, long globalNanos, boolean counted) {
		Stripe stripe = this.stripes[iteration.stripe];
		synchronized (stripe) {
			TopicSums sums = iteration.topicSums();
			for (int t = 0; t < sums.count(); t++) {
				stripe.accumulator(sums.topic(t), this.topicOrder).add(sums.sum(t));
			}
			stripe.global.add(globalNanos);
			int index = stripe.stagedCount;
			IterationData slot = stripe.staged[index];
			if (slot == null) {
				slot = new IterationData();
				stripe.staged[index] = slot;
			}
			// numbered when it reaches the ring or a snapshot
			iteration.copyInto(slot, 0, stopEpochSeconds, true, globalNanos);
			stripe.stagedNanos[index] = stopNanos;
			stripe.stagedCount = index + 1;
			iteration.markClosed();
			if (counted || stripe.stagedCount == stripe.staged.length) {
				return moveToRing(stripe);
			}
			return -1;
		}
	}

	/**
	 * Moves a stripe's staged iterations to the ring; called holding the stripe's lock.
	 */
	private long moveToRing(Stripe stripe) {
		synchronized (this.ringLock) {
			RingState state = this.ringLock;
			long number = state.closedCount;
			IterationData[] ring = this.ring;
			for (int i = 0; i < stripe.stagedCount; i++) {
				int index = (int) (number % ring.length);
				IterationData moved = stripe.staged[i];
				moved.renumber(number);
				// the ring's old object becomes the staging slot: nothing is copied or
				// allocated
				stripe.staged[i] = ring[index];
				ring[index] = moved;
				number++;
			}
			stripe.stagedCount = 0;
			state.closedCount = number;
			return number;
		}
	}

	long closedCount() {
		return lockingStripes(0, () -> {
			synchronized (this.ringLock) {
				return this.ringLock.closedCount + stagedCount();
			}
		});
	}

	/** Called holding every stripe's lock. */
	private long stagedCount() {
		long staged = 0;
		for (Stripe stripe : this.stripes) {
			staged += stripe.stagedCount;
		}
		return staged;
	}

	RunSnapshot snapshot(String name, Iterable<ThreadIteration> threads) {
		return lockingStripes(0, () -> {
			synchronized (this.ringLock) {
				long inRing = this.ringLock.closedCount;
				List<IterationData> staged = stagedInCloseOrder();
				long closed = inRing + staged.size();
				int retainedCount = (int) Math.min(closed, this.ring.length);
				List<IterationData> retained = new ArrayList<>(retainedCount);
				for (long number = closed - retainedCount; number < closed; number++) {
					IterationData copy;
					if (number < inRing) {
						copy = this.ring[(int) (number % this.ring.length)].copy();
					}
					else {
						copy = staged.get((int) (number - inRing)).copy();
						copy.renumber(number);
					}
					retained.add(copy);
				}
				List<IterationData> open = new ArrayList<>();
				for (ThreadIteration thread : threads) {
					IterationData copy = thread.copyIfOpen(closed + open.size());
					if (copy != null) {
						open.add(copy);
					}
				}
				return new RunSnapshot(name, closed, retained, open, accumulatorCopies(closed, retainedCount));
			}
		});
	}

	/**
	 * The stripes' staged iterations by close time, ties in stripe and staging order;
	 * called holding every lock.
	 */
	private List<IterationData> stagedInCloseOrder() {
		List<long[]> keys = new ArrayList<>();
		for (int s = 0; s < this.stripes.length; s++) {
			Stripe stripe = this.stripes[s];
			for (int i = 0; i < stripe.stagedCount; i++) {
				keys.add(new long[] { stripe.stagedNanos[i], s, i });
			}
		}
		keys.sort((a, b) -> (a[0] != b[0]) ? Long.compare(a[0], b[0])
				: (a[1] != b[1]) ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
		List<IterationData> staged = new ArrayList<>(keys.size());
		for (long[] key : keys) {
			staged.add(this.stripes[(int) key[1]].staged[(int) key[2]]);
		}
		return staged;
	}

	/**
	 * Runs the action holding the locks of the stripes from {@code from} on, always taken
	 * in index order.
	 */
	private <T> T lockingStripes(int from, java.util.function.Supplier<T> action) {
		if (from == this.stripes.length) {
			return action.get();
		}
		synchronized (this.stripes[from]) {
			return lockingStripes(from + 1, action);
		}
	}

	/**
	 * Merges the stripes' accumulators, in order of first appearance; called holding
	 * every lock.
	 */
	private Map<String, StepAccumulator> accumulatorCopies(long closed, int retainedCount) {
		if (retainedCount == closed) {
			return null;
		}
		Map<String, StepAccumulator> copies = new LinkedHashMap<>();
		synchronized (this.topicOrder) {
			for (String topic : this.topicOrder) {
				StepAccumulator merged = new StepAccumulator();
				for (Stripe stripe : this.stripes) {
					StepAccumulator accumulator = stripe.accumulators.get(topic);
					if (accumulator != null) {
						merged.addAll(accumulator);
					}
				}
				copies.put(topic, merged);
			}
		}
		StepAccumulator global = new StepAccumulator();
		for (Stripe stripe : this.stripes) {
			global.addAll(stripe.global);
		}
		copies.put(BenchSummary.GLOBAL, global);
		return copies;
	}

	void reset() {
		lockingStripes(0, () -> {
			synchronized (this.ringLock) {
				Arrays.fill(this.ring, null);
				for (Stripe stripe : this.stripes) {
					stripe.stagedCount = 0;
					stripe.accumulators.clear();
					stripe.global = new StepAccumulator();
				}
				synchronized (this.topicOrder) {
					this.topicOrder.clear();
				}
				this.ringLock.closedCount = 0;
				return null;
			}
		});
	}

	/**
	 * The number of closed iterations; its own monitor guards it and the ring.
	 */
	private static final class RingState {

		long closedCount;

	}

	/**
	 * The statistics that the threads given one stripe add to; guarded by its own
	 * monitor.
	 */
	private static final class Stripe {

		private final IterationData[] staged;

		private final long[] stagedNanos;

		private int stagedCount;

		private final Map<String, StepAccumulator> accumulators = new LinkedHashMap<>();

		Stripe(int stagedSlots) {
			this.staged = new IterationData[stagedSlots];
			this.stagedNanos = new long[stagedSlots];
		}

		private StepAccumulator global = new StepAccumulator();

		StepAccumulator accumulator(String topic, Set<String> topicOrder) {
			StepAccumulator accumulator = this.accumulators.get(topic);
			if (accumulator == null) {
				accumulator = new StepAccumulator();
				this.accumulators.put(topic, accumulator);
				synchronized (topicOrder) {
					topicOrder.add(topic);
				}
			}
			return accumulator;
		}

	}

}
