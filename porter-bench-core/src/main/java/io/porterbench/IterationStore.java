package io.porterbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.porterbench.internal.CacheLinePadding;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.TopicSums;
import io.porterbench.summary.StepAccumulator;

/**
 * The closed iterations of one benchmarker: the last {@code capacity} in full, and every
 * one in the constant-space accumulators. Nothing is held across calls.
 *
 * <p>
 * Striped, so that threads closing iterations at the same time share no cache line: each
 * thread is given a stripe (its own, for the first {@value #STRIPES} threads), and under
 * that stripe's lock adds to the stripe's statistics and copies the iteration into a slot
 * of the stripe's own queue. A stripe's slots are allocated by its own threads and only
 * ever reused by them, so the lines a close writes stay in the closing core's cache:
 * slots handed from one thread to another would have to travel between cores on every
 * close, which cost more than everything else the close does.
 *
 * <p>
 * The order of the closed iterations, and so their numbers, is given in batches: a
 * stripe's newest iterations wait unnumbered until {@value #STAGED} have closed (or a
 * caller needs the count), and then take the next numbers under the one shared lock, so
 * the shared line moves between cores once every {@value #STAGED} closes of a thread. A
 * thread's own iterations are always in the order it closed them; iterations of several
 * threads are ordered a batch at a time, and the unnumbered ones come last, in order of
 * their close time. A snapshot takes every stripe's lock and then the shared one, so it
 * sees each iteration either stored or still open, never half-stored.
 *
 * <p>
 * Memory stays bounded: a stripe reuses its oldest slot once that iteration has fallen
 * out of the last {@code capacity}, so it never holds more than {@code capacity + }
 * {@value #STAGED} iterations; a snapshot releases the iterations no longer retained, so
 * those of a stripe whose threads went quiet are freed by the next save. Slots outside a
 * queue's live part are always empty.
 */
final class IterationStore {

	/**
	 * Stripes per store: the first 32 threads that close iterations get one each,
	 * whatever the number of cores. A stripe that no thread uses is one padded object;
	 * two threads on one stripe wait for each other whenever one is descheduled holding
	 * its lock, which with more threads than cores happens often (eight threads on two
	 * cores, four stripes: 1.34x one Micrometer timer against 1.12x with a stripe each,
	 * docs/performance-round-2.md 1j).
	 */
	private static final int STRIPES = 32;

	/** Closed iterations a stripe holds unnumbered before its thread numbers them. */
	static final int STAGED = 32;

	private static final long UNNUMBERED = -1;

	private static final int FIRST_SLOTS = 64;

	/** The number of closed iterations that have a number; its monitor is the lock. */
	private final RingState numbering = new RingState();

	private final int capacity;

	private final Stripe[] stripes;

	private final AtomicInteger nextStripe = new AtomicInteger();

	/** Topics in order of first appearance over all stripes, for the summaries. */
	private final Set<String> topicOrder = new LinkedHashSet<>();

	IterationStore(int capacity) {
		this(capacity, STRIPES);
	}

	IterationStore(int capacity, int stripeCount) {
		this.capacity = capacity;
		this.stripes = new Stripe[Math.max(1, stripeCount)];
		int staged = Math.max(1, Math.min(STAGED, capacity));
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new Stripe(staged);
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
	 * unnumbered iterations
	 * @param globalNanos its GLOBAL time
	 * @param counted whether the caller needs the number of closed iterations: the
	 * stripe's iterations are then numbered at once
	 * @return the number of closed iterations, this one included, when {@code counted};
	 * otherwise -1
	 */
	long append(ThreadIteration iteration, double stopEpochSeconds, long stopNanos, long globalNanos, boolean counted) {
		Stripe stripe = this.stripes[iteration.stripe];
		synchronized (stripe) {
			if (!stripe.isAllocated()) {
				stripe.allocate();
			}
			TopicSums sums = iteration.topicSums();
			for (int t = 0; t < sums.count(); t++) {
				stripe.accumulator(sums.topic(t), this.topicOrder).add(sums.sum(t));
			}
			stripe.global.add(globalNanos);
			// a racy read can only be too low, which keeps a slot that could have been
			// reused
			int index = stripe.claimSlot(this.numbering.closedCount - this.capacity);
			IterationData slot = stripe.slots[index];
			if (slot == null) {
				slot = new IterationData();
				stripe.slots[index] = slot;
			}
			iteration.copyInto(slot, 0, stopEpochSeconds, true, globalNanos);
			stripe.numbers[index] = UNNUMBERED;
			stripe.closeNanos[index] = stopNanos;
			stripe.unnumbered++;
			iteration.markClosed();
			if (counted || stripe.unnumbered == stripe.stagedLimit) {
				return number(stripe);
			}
			return -1;
		}
	}

	/**
	 * Gives a stripe's unnumbered iterations the next numbers; called holding the
	 * stripe's lock.
	 */
	private long number(Stripe stripe) {
		synchronized (this.numbering) {
			long number = this.numbering.closedCount;
			for (int k = stripe.size - stripe.unnumbered; k < stripe.size; k++) {
				int index = stripe.indexOf(k);
				stripe.numbers[index] = number;
				stripe.slots[index].renumber(number);
				number++;
			}
			stripe.unnumbered = 0;
			this.numbering.closedCount = number;
			return number;
		}
	}

	long closedCount() {
		return lockingStripes(0, () -> {
			synchronized (this.numbering) {
				return this.numbering.closedCount + unnumberedCount();
			}
		});
	}

	/** Called holding every stripe's lock. */
	private long unnumberedCount() {
		long unnumbered = 0;
		for (Stripe stripe : this.stripes) {
			unnumbered += stripe.unnumbered;
		}
		return unnumbered;
	}

	RunSnapshot snapshot(String name, Iterable<ThreadIteration> threads) {
		return lockingStripes(0, () -> {
			synchronized (this.numbering) {
				long numbered = this.numbering.closedCount;
				List<IterationData> unnumbered = unnumberedInCloseOrder();
				long closed = numbered + unnumbered.size();
				int retainedCount = (int) Math.min(closed, this.capacity);
				long first = closed - retainedCount;
				IterationData[] retained = new IterationData[retainedCount];
				for (Stripe stripe : this.stripes) {
					stripe.release(first);
					for (int k = 0; k < stripe.size - stripe.unnumbered; k++) {
						IterationData stored = stripe.slots[stripe.indexOf(k)];
						retained[(int) (stored.number() - first)] = stored.copy();
					}
				}
				for (int k = 0; k < unnumbered.size(); k++) {
					long number = numbered + k;
					if (number >= first) {
						IterationData copy = unnumbered.get(k).copy();
						copy.renumber(number);
						retained[(int) (number - first)] = copy;
					}
				}
				List<IterationData> open = new ArrayList<>();
				for (ThreadIteration thread : threads) {
					IterationData copy = thread.copyIfOpen(closed + open.size());
					if (copy != null) {
						open.add(copy);
					}
				}
				return new RunSnapshot(name, closed, Arrays.asList(retained), open,
						accumulatorCopies(closed, retainedCount));
			}
		});
	}

	/**
	 * The stripes' unnumbered iterations by close time, ties in stripe and close order;
	 * called holding every lock.
	 */
	private List<IterationData> unnumberedInCloseOrder() {
		List<long[]> keys = new ArrayList<>();
		for (int s = 0; s < this.stripes.length; s++) {
			Stripe stripe = this.stripes[s];
			for (int k = stripe.size - stripe.unnumbered; k < stripe.size; k++) {
				keys.add(new long[] { stripe.closeNanos[stripe.indexOf(k)], s, k });
			}
		}
		keys.sort((a, b) -> (a[0] != b[0]) ? Long.compare(a[0], b[0])
				: (a[1] != b[1]) ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
		List<IterationData> unnumbered = new ArrayList<>(keys.size());
		for (long[] key : keys) {
			Stripe stripe = this.stripes[(int) key[1]];
			unnumbered.add(stripe.slots[stripe.indexOf((int) key[2])]);
		}
		return unnumbered;
	}

	/**
	 * Runs the action holding the locks of the stripes from {@code from} on, always taken
	 * in index order.
	 */
	private <T> T lockingStripes(int from, Supplier<T> action) {
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
					StepAccumulator accumulator = stripe.isAllocated() ? stripe.accumulators.get(topic) : null;
					if (accumulator != null) {
						merged.addAll(accumulator);
					}
				}
				copies.put(topic, merged);
			}
		}
		StepAccumulator global = new StepAccumulator();
		for (Stripe stripe : this.stripes) {
			if (stripe.isAllocated()) {
				global.addAll(stripe.global);
			}
		}
		copies.put(BenchSummary.GLOBAL, global);
		return copies;
	}

	/**
	 * The closed iterations the stripes hold now, retained or waiting to be reused: what
	 * the store's memory grows with.
	 * @return the count over all stripes
	 */
	int heldIterations() {
		return lockingStripes(0, () -> {
			int held = 0;
			for (Stripe stripe : this.stripes) {
				held += stripe.size;
			}
			return held;
		});
	}

	void reset() {
		lockingStripes(0, () -> {
			synchronized (this.numbering) {
				for (Stripe stripe : this.stripes) {
					stripe.clear();
				}
				synchronized (this.topicOrder) {
					this.topicOrder.clear();
				}
				this.numbering.closedCount = 0;
				return null;
			}
		});
	}

	/**
	 * The number of closed iterations that have a number; its own monitor guards it.
	 * Volatile so that a stripe can read it without the lock to decide whether its oldest
	 * slot is free.
	 */
	private static final class RingState {

		volatile long closedCount;

	}

	/**
	 * The statistics and the queue of closed iterations that the threads given one stripe
	 * add to, oldest first; guarded by its own monitor. Its mutable parts are allocated
	 * by the first thread that stores into it, among that thread's own objects.
	 */
	private abstract static class StripeFields extends CacheLinePadding {

		/** Unnumbered iterations that make the thread number them. */
		final int stagedLimit;

		/** The queue's slots, a ring: the oldest at {@link #head}. */
		IterationData[] slots;

		/** Each slot's number, {@link #UNNUMBERED} until numbered. */
		long[] numbers;

		/** Each slot's close time, which orders the unnumbered ones. */
		long[] closeNanos;

		int head;

		int size;

		/** The newest iterations of the queue that have no number yet. */
		int unnumbered;

		Map<String, StepAccumulator> accumulators;

		StepAccumulator global;

		StripeFields(int stagedLimit) {
			this.stagedLimit = stagedLimit;
		}

		/** Whether a thread has stored into this stripe since creation or a reset. */
		boolean isAllocated() {
			return this.global != null;
		}

		/** Called by the first thread that stores into this stripe, holding its lock. */
		void allocate() {
			this.slots = new IterationData[FIRST_SLOTS];
			this.numbers = new long[FIRST_SLOTS];
			this.closeNanos = new long[FIRST_SLOTS];
			this.head = 0;
			this.size = 0;
			this.unnumbered = 0;
			this.accumulators = new LinkedHashMap<>();
			this.global = new StepAccumulator();
		}

		/** Forgets everything, so that the next thread that stores allocates again. */
		void clear() {
			this.slots = null;
			this.numbers = null;
			this.closeNanos = null;
			this.head = 0;
			this.size = 0;
			this.unnumbered = 0;
			this.accumulators = null;
			this.global = null;
		}

		/** The slot index of the queue's {@code k}th iteration, oldest first. */
		int indexOf(int k) {
			int index = this.head + k;
			return (index < this.slots.length) ? index : index - this.slots.length;
		}

		/**
		 * Makes room for one more iteration at the queue's end, reusing the oldest
		 * iteration's slot when that iteration, numbered below {@code freeBelow}, has
		 * left the window, and growing the ring only when it is full.
		 * @return the new iteration's slot index
		 */
		int claimSlot(long freeBelow) {
			IterationData reused = null;
			// the oldest is numbered unless every iteration of the queue waits for its
			// number
			if (this.size > this.unnumbered && this.numbers[this.head] < freeBelow) {
				reused = this.slots[this.head];
				this.slots[this.head] = null;
				this.head = indexOf(1);
				this.size--;
			}
			if (this.size == this.slots.length) {
				grow();
			}
			int index = indexOf(this.size);
			this.size++;
			if (reused != null) {
				this.slots[index] = reused;
			}
			return index;
		}

		private void grow() {
			int length = this.slots.length * 2;
			IterationData[] slots = new IterationData[length];
			long[] numbers = new long[length];
			long[] closeNanos = new long[length];
			for (int k = 0; k < this.size; k++) {
				int index = indexOf(k);
				slots[k] = this.slots[index];
				numbers[k] = this.numbers[index];
				closeNanos[k] = this.closeNanos[index];
			}
			this.slots = slots;
			this.numbers = numbers;
			this.closeNanos = closeNanos;
			this.head = 0;
		}

		/**
		 * Drops the iterations numbered below {@code first}, which no snapshot needs
		 * again, so that a quiet stripe does not keep them; called holding every lock.
		 */
		void release(long first) {
			if (!isAllocated()) {
				return;
			}
			while (this.size > this.unnumbered && this.numbers[this.head] < first) {
				this.slots[this.head] = null;
				this.head = indexOf(1);
				this.size--;
			}
		}

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

	/**
	 * A stripe, padded after its fields too: the object after it may be another stripe,
	 * whose monitor another thread takes.
	 */
	@SuppressWarnings("unused")
	private static final class Stripe extends StripeFields {

		private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;

		Stripe(int stagedLimit) {
			super(stagedLimit);
		}

	}

}
