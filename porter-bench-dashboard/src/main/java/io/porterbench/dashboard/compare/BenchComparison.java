package io.porterbench.dashboard.compare;

import java.util.List;

/**
 * The steps of one benchmarker compared: the baseline's steps in order, then those only
 * the new run has, {@code GLOBAL} last.
 *
 * @param name the benchmarker
 * @param steps one comparison per step of either side
 */
public record BenchComparison(String name, List<StepComparison> steps) {

	/**
	 * A benchmarker's comparison.
	 * @param name the benchmarker
	 * @param steps its steps
	 */
	public BenchComparison {
		steps = List.copyOf(steps);
	}

	/**
	 * How many steps have a verdict.
	 * @param verdict the verdict
	 * @return the number of steps with it
	 */
	public long count(Verdict verdict) {
		return this.steps.stream().filter((step) -> step.verdict() == verdict).count();
	}

}
