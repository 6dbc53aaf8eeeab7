package io.porterbench.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.porterbench.record.RunFiles;
import io.porterbench.summary.ExactStats;
import io.porterbench.summary.StepAccumulator;
import io.porterbench.summary.StepStats;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.TopicSums;

/**
 * Turns a {@link RunSnapshot} into per-step statistics, in order of first appearance with
 * {@code GLOBAL} last.
 *
 * <p>
 * A step's value in an iteration is the sum of its calls there; a step counts only in the
 * iterations where it occurs; open iterations count with their steps but have no
 * {@code GLOBAL}, as in the original. While every closed iteration is retained the
 * figures are exact; after that the closed iterations come from the accumulators.
 */
public final class SummaryCalculator {

	/** How many topics get lists sized for every remaining iteration. */
	private static final int PRESIZED_TOPICS = 8;

	private SummaryCalculator() {
	}

	/**
	 * The statistics of every step of a snapshot.
	 * @param snapshot the snapshot
	 * @return topic to statistics, {@code GLOBAL} last; empty when nothing was recorded
	 */
	public static Map<String, StepStats> steps(RunSnapshot snapshot) {
		return snapshot.isComplete() ? exact(snapshot) : accumulated(snapshot);
	}

	private static Map<String, StepStats> exact(RunSnapshot snapshot) {
		Map<String, ValueList> values = new LinkedHashMap<>();
		int remaining = snapshot.retained().size() + snapshot.open().size();
		ValueList global = new ValueList(snapshot.retained().size());
		// one grouping object for the whole snapshot, not one per iteration
		TopicSums scratch = new TopicSums();
		for (IterationData iteration : snapshot.retained()) {
			addTopicSums(iteration.topicSums(scratch), values, remaining--);
			global.add(iteration.globalNanos());
		}
		for (IterationData iteration : snapshot.open()) {
			addTopicSums(iteration.topicSums(scratch), values, remaining--);
		}
		Map<String, StepStats> steps = new LinkedHashMap<>();
		values.forEach((topic, list) -> steps.put(topic, ExactStats.ofNanos(list.values, list.size)));
		if (global.size > 0) {
			steps.put(RunFiles.GLOBAL, ExactStats.ofNanos(global.values, global.size));
		}
		return steps;
	}

	private static Map<String, StepStats> accumulated(RunSnapshot snapshot) {
		Map<String, StepAccumulator> accumulators = new LinkedHashMap<>(snapshot.accumulators());
		StepAccumulator global = accumulators.remove(RunFiles.GLOBAL);
		// a scratch grouping: the DATA file's helper may be reading the same iterations
		TopicSums scratch = new TopicSums();
		for (IterationData iteration : snapshot.open()) {
			TopicSums sums = iteration.topicSums(scratch);
			for (int t = 0; t < sums.count(); t++) {
				accumulators.computeIfAbsent(sums.topic(t), (key) -> new StepAccumulator()).add(sums.sum(t));
			}
		}
		Map<String, StepStats> steps = new LinkedHashMap<>();
		accumulators.forEach((topic, accumulator) -> steps.put(topic, accumulator.snapshot()));
		if (global != null && global.count() > 0) {
			steps.put(RunFiles.GLOBAL, global.snapshot());
		}
		return steps;
	}

	/**
	 * Adds one iteration's per-topic sums to the lists, one value per topic.
	 * @param sums the iteration's sums
	 * @param values topic to values, in order of first appearance
	 * @param remaining the iterations left, this one included: the most values a topic
	 * first seen now can get
	 */
	static void addTopicSums(TopicSums sums, Map<String, ValueList> values, int remaining) {
		for (int t = 0; t < sums.count(); t++) {
			ValueList list = values.get(sums.topic(t));
			if (list == null) {
				// the first topics usually occur in every iteration: room for all of them
				// saves copying lists of a large run while they grow, and the bound on
				// how many topics get it bounds the memory to a few times GLOBAL's list
				list = new ValueList((values.size() < PRESIZED_TOPICS) ? remaining : 16);
				values.put(sums.topic(t), list);
			}
			list.add(sums.sum(t));
		}
	}

	/** A growable list of nanosecond values. */
	static final class ValueList {

		long[] values;

		int size;

		ValueList(int capacity) {
			this.values = new long[Math.max(capacity, 16)];
		}

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = java.util.Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

	}

}
