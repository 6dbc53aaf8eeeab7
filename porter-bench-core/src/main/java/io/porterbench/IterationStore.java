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
 * The accumulators are striped: each thread adds to the stripe it was given, under that
 * stripe's lock, so that threads closing iterations at the same time do not wait for each
 * other's statistics; only the copy into the ring takes the one shared lock, briefly. A
 * snapshot takes every stripe's lock and then the ring's, so it sees each iteration
 * either in the accumulators and the ring, or still open, never half-stored.
 */
final class IterationStore {

	private static final int MAX_STRIPES = 32;

	/**
	 * The ring's lock and count in one object, so that a close writes one shared cache
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
			this.stripes[i] = new Stripe();
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
	 * @return the number of closed iterations, this one included
	 */
	long append(ThreadIteration iteration, double stopEpochSeconds, long globalNanos) {
		Stripe stripe = this.stripes[iteration.stripe];
		synchronized (stripe) {
			TopicSums sums = iteration.topicSums();
			for (int t = 0; t < sums.count(); t++) {
				stripe.accumulator(sums.topic(t), this.topicOrder).add(sums.sum(t));
			}
			stripe.global.add(globalNanos);
			synchronized (this.ringLock) {
				RingState state = this.ringLock;
				long number = state.closedCount;
				int index = (int) (number % this.ring.length);
				IterationData slot = this.ring[index];
				if (slot == null) {
					slot = new IterationData();
					this.ring[index] = slot;
				}
				iteration.copyInto(slot, number, stopEpochSeconds, true, globalNanos);
				iteration.markClosed();
				state.closedCount = number + 1;
				return number + 1;
			}
		}
	}

	long closedCount() {
		synchronized (this.ringLock) {
			return this.ringLock.closedCount;
		}
	}

	RunSnapshot snapshot(String name, Iterable<ThreadIteration> threads) {
		return lockingStripes(0, () -> {
			synchronized (this.ringLock) {
				long closed = this.ringLock.closedCount;
				int retainedCount = (int) Math.min(closed, this.ring.length);
				List<IterationData> retained = new ArrayList<>(retainedCount);
				for (long number = closed - retainedCount; number < closed; number++) {
					retained.add(this.ring[(int) (number % this.ring.length)].copy());
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

		private final Map<String, StepAccumulator> accumulators = new LinkedHashMap<>();

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
