package io.porterbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.summary.StepAccumulator;

/**
 * The closed iterations of one benchmarker: the last {@code capacity} in full, in a ring whose slots are reused, and
 * every one in the constant-space accumulators. Appends from all threads take one short lock; nothing is held across
 * calls.
 */
final class IterationStore {

	private final Object lock = new Object();

	private final IterationData[] ring;

	private final Map<String, StepAccumulator> accumulators = new LinkedHashMap<>();

	private StepAccumulator global = new StepAccumulator();

	private long closedCount;

	IterationStore(int capacity) {
		this.ring = new IterationData[capacity];
	}

	/**
	 * Stores a closed iteration and marks it closed on its thread, in one step for concurrent snapshots.
	 * @return the number of closed iterations, this one included
	 */
	long append(ThreadIteration iteration, double stopEpochSeconds, long globalNanos) {
		synchronized (this.lock) {
			long number = this.closedCount;
			int index = (int) (number % this.ring.length);
			IterationData slot = this.ring[index];
			if (slot == null) {
				slot = new IterationData();
				this.ring[index] = slot;
			}
			iteration.copyInto(slot, number, stopEpochSeconds, true, globalNanos);
			for (int i = 0; i < iteration.distinctCount(); i++) {
				accumulator(iteration.distinctTopic(i)).add(iteration.distinctSum(i));
			}
			this.global.add(globalNanos);
			iteration.markClosed();
			this.closedCount = number + 1;
			return this.closedCount;
		}
	}

	private StepAccumulator accumulator(String topic) {
		StepAccumulator accumulator = this.accumulators.get(topic);
		if (accumulator == null) {
			accumulator = new StepAccumulator();
			this.accumulators.put(topic, accumulator);
		}
		return accumulator;
	}

	long closedCount() {
		synchronized (this.lock) {
			return this.closedCount;
		}
	}

	RunSnapshot snapshot(String name, Iterable<ThreadIteration> threads) {
		synchronized (this.lock) {
			int retainedCount = (int) Math.min(this.closedCount, this.ring.length);
			List<IterationData> retained = new ArrayList<>(retainedCount);
			for (long number = this.closedCount - retainedCount; number < this.closedCount; number++) {
				retained.add(this.ring[(int) (number % this.ring.length)].copy());
			}
			List<IterationData> open = new ArrayList<>();
			for (ThreadIteration thread : threads) {
				IterationData copy = thread.copyIfOpen(this.closedCount + open.size());
				if (copy != null) {
					open.add(copy);
				}
			}
			return new RunSnapshot(name, this.closedCount, retained, open, accumulatorCopies(retainedCount));
		}
	}

	private Map<String, StepAccumulator> accumulatorCopies(int retainedCount) {
		if (retainedCount == this.closedCount) {
			return null;
		}
		Map<String, StepAccumulator> copies = new LinkedHashMap<>();
		this.accumulators.forEach((topic, accumulator) -> copies.put(topic, accumulator.copy()));
		copies.put(BenchSummary.GLOBAL, this.global.copy());
		return copies;
	}

	void reset() {
		synchronized (this.lock) {
			java.util.Arrays.fill(this.ring, null);
			this.accumulators.clear();
			this.global = new StepAccumulator();
			this.closedCount = 0;
		}
	}

}
