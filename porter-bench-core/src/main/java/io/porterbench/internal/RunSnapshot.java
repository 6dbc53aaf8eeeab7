package io.porterbench.internal;

import java.util.List;
import java.util.Map;

/**
 * A consistent copy of one benchmarker's state for summaries and saves: the retained
 * closed iterations, the iterations open on any thread, and, once older iterations have
 * left the window, the all-iteration accumulators.
 *
 * @param name the benchmarker's name
 * @param closedCount the number of closed iterations since creation or reset
 * @param retained the closed iterations still held in full, oldest first
 * @param open the iterations open at the time of the copy, numbered after the closed ones
 * @param accumulators copies of the all-iteration accumulators per topic ({@code GLOBAL}
 * included), or {@code null} while every closed iteration is retained and the figures can
 * be computed exactly
 */
public record RunSnapshot(String name, long closedCount, List<IterationData> retained, List<IterationData> open,
		Map<String, io.porterbench.summary.StepAccumulator> accumulators) {

	/**
	 * Whether every closed iteration is still held in full.
	 * @return true when nothing left the retained window
	 */
	public boolean isComplete() {
		return this.accumulators == null;
	}

}
