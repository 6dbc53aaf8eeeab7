package io.porterbench.dashboard.plot;

/**
 * The statistics of one step of a saved run, in seconds. The original's files hold only
 * mean, min, max and quantile-filtered mean; the other figures are {@code null} for them.
 *
 * @param step the step's topic ({@code GLOBAL} is the iteration total)
 * @param count the number of iterations in which the step occurs, or {@code null}
 * @param mean the arithmetic mean
 * @param min the smallest value
 * @param max the largest value
 * @param quantileFiltered the mean inside the Tukey fences
 * @param std the population standard deviation, or {@code null}
 * @param p50 the median, or {@code null}
 * @param p90 the 90th percentile, or {@code null}
 * @param p99 the 99th percentile, or {@code null}
 */
public record StepRow(String step, Long count, double mean, double min, double max, double quantileFiltered, Double std,
		Double p50, Double p90, Double p99) {

	/** The topic of an iteration's total time. */
	public static final String GLOBAL = "GLOBAL";

	/**
	 * Whether this row is the iteration total.
	 * @return true for {@code GLOBAL}
	 */
	public boolean isGlobal() {
		return GLOBAL.equals(this.step);
	}

}
