package io.porterbench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.porterbench.record.RunFiles;
import io.porterbench.summary.StepStats;

/**
 * An immutable snapshot of one benchmarker's statistics over all its iterations, closed
 * and open.
 *
 * @param name the benchmarker's name
 * @param iterations the number of closed iterations since creation or the last reset
 * @param openIterations the number of iterations open at the time of the snapshot, over
 * all threads
 * @param steps statistics per topic, in order of first appearance, {@code GLOBAL} last
 * @param memory the memory figures of the run, empty when memory tracking never took a
 * sample
 */
public record BenchSummary(String name, long iterations, int openIterations, Map<String, StepStats> steps,
		Optional<MemoryStats> memory) {

	/** The topic of an iteration's total time. */
	public static final String GLOBAL = RunFiles.GLOBAL;

	public BenchSummary {
		steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
	}

	/**
	 * The statistics of one step.
	 * @param topic the step's topic
	 * @return its statistics, or {@link StepStats#empty()} when it never ran
	 */
	public StepStats step(String topic) {
		return this.steps.getOrDefault(topic, StepStats.empty());
	}

	/**
	 * Memory figures of a run, in bytes.
	 *
	 * @param samples the number of memory samples taken
	 * @param lastRss the resident set size at the last sample
	 * @param peakRss the largest resident set size seen, by a sample or by the peak
	 * poller
	 * @param peakHeapUsed the largest JVM heap use seen by a sample
	 */
	public record MemoryStats(long samples, long lastRss, long peakRss, long peakHeapUsed) {
	}

}
