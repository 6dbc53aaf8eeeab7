package io.porterbench.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything saved for one benchmarker of a run. A file that is missing or could not be
 * read gives an empty part here and a line in {@link RunRecord#problems()}.
 *
 * <p>
 * Besides the raw parts, it offers the per-iteration tables of the original's
 * {@code get_absolutes}, {@code get_calls} and {@code get_infos} in column form:
 * {@link #topics()} are the columns (every topic in the order first seen),
 * {@link #series(String)} and {@link #calls(String)} one column each, with a row per
 * iteration and {@code NaN} or an empty list where the topic did not run; the info
 * columns are the {@link SavedIteration} accessors.
 *
 * @param name the benchmarker's name (the file name minus its suffix)
 * @param iterations the DATA file's iterations, in file order
 * @param summary the SUMMARY file's steps, in file order
 * @param memory the MEMORY file's iterations, in file order
 */
public record BenchRecord(String name, List<SavedIteration> iterations, Map<String, SavedStepSummary> summary,
		List<SavedMemoryIteration> memory) {

	/**
	 * A record; {@code null} parts become empty.
	 * @param name the benchmarker's name
	 * @param iterations the DATA file's iterations
	 * @param summary the SUMMARY file's steps
	 * @param memory the MEMORY file's iterations
	 */
	public BenchRecord {
		Objects.requireNonNull(name, "name");
		iterations = (iterations != null) ? iterations : List.of();
		summary = (summary != null) ? summary : Map.of();
		memory = (memory != null) ? memory : List.of();
	}

	/**
	 * Every time topic of the iterations (the columns of the original's absolutes table),
	 * in the order first seen: user steps, {@code gstop}, memory steps and
	 * {@code GLOBAL}.
	 * @return the topics, unmodifiable
	 */
	public List<String> topics() {
		Set<String> topics = new LinkedHashSet<>();
		for (SavedIteration iteration : this.iterations) {
			topics.addAll(iteration.absolutes().keySet());
		}
		return List.copyOf(topics);
	}

	/**
	 * One topic's total time per iteration (a column of the original's absolutes table).
	 * @param topic the topic
	 * @return seconds, one element per iteration in file order, {@code NaN} where the
	 * topic did not run
	 */
	public double[] series(String topic) {
		double[] series = new double[this.iterations.size()];
		Arrays.fill(series, Double.NaN);
		for (int i = 0; i < series.length; i++) {
			Double value = this.iterations.get(i).absolutes().get(topic);
			if (value != null) {
				series[i] = value;
			}
		}
		return series;
	}

	/**
	 * One topic's calls per iteration (a column of the original's calls table).
	 * @param topic the topic
	 * @return one list per iteration in file order, empty where the topic did not run;
	 * unmodifiable
	 */
	public List<List<SavedCall>> calls(String topic) {
		List<List<SavedCall>> calls = new ArrayList<>(this.iterations.size());
		for (SavedIteration iteration : this.iterations) {
			calls.add(iteration.calls().getOrDefault(topic, List.of()));
		}
		return Collections.unmodifiableList(calls);
	}

	/**
	 * Every topic of the memory samples ({@code gstep}, steps, {@code gstop}), in the
	 * order first seen.
	 * @return the topics, unmodifiable
	 */
	public List<String> memoryTopics() {
		Set<String> topics = new LinkedHashSet<>();
		for (SavedMemoryIteration iteration : this.memory) {
			topics.addAll(iteration.samples().keySet());
		}
		return List.copyOf(topics);
	}

	/**
	 * Whether nothing was loaded for this benchmarker.
	 * @return true when it has no iterations, no summary and no memory samples
	 */
	public boolean isEmpty() {
		return this.iterations.isEmpty() && this.summary.isEmpty() && this.memory.isEmpty();
	}

}
