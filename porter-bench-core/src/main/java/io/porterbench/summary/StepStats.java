package io.porterbench.summary;

/**
 * Statistics of one step over the iterations in which it occurs: the per-iteration sum of
 * its calls is one value.
 *
 * <p>
 * All durations are in seconds. {@code mean}, {@code min}, {@code max} and
 * {@code quantileFiltered} are the original's four figures; {@code quantileFiltered} is
 * the mean of the values inside the Tukey fences
 * {@code [max(q25 - 1.5 IQR, 0), q75 + 1.5 IQR]} with linear-interpolation percentiles.
 * {@code std} is the population standard deviation (numpy's default). Percentiles are
 * exact while every iteration is retained, and come from a histogram with two significant
 * digits once older iterations have left the retained window.
 *
 * @param count the number of iterations in which the step occurs
 * @param total the sum over those iterations, seconds
 * @param mean the arithmetic mean, seconds
 * @param min the smallest value, seconds
 * @param max the largest value, seconds
 * @param quantileFiltered the mean inside the Tukey fences, seconds
 * @param std the population standard deviation, seconds
 * @param p50 the median, seconds
 * @param p90 the 90th percentile, seconds
 * @param p99 the 99th percentile, seconds
 */
public record StepStats(long count, double total, double mean, double min, double max, double quantileFiltered,
		double std, double p50, double p90, double p99) {

	private static final StepStats EMPTY = new StepStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/**
	 * Statistics of a step that never ran.
	 * @return all figures zero
	 */
	public static StepStats empty() {
		return EMPTY;
	}

}
