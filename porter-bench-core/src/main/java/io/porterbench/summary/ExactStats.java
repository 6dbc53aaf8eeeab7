package io.porterbench.summary;

import java.util.Arrays;

/**
 * Computes {@link StepStats} exactly from all values, as the original's {@code summurize}
 * does: numpy's linear interpolation for percentiles and Tukey fences ({@code 1.5 IQR},
 * lower fence at least 0) for the filtered mean.
 */
public final class ExactStats {

	private ExactStats() {
	}

	/**
	 * Statistics of values given in nanoseconds, reported in seconds.
	 * @param nanos the values; sorted in place
	 * @param count how many of the array's first elements are values
	 * @return the statistics, or {@link StepStats#empty()} for no values
	 */
	public static StepStats ofNanos(long[] nanos, int count) {
		if (count == 0) {
			return StepStats.empty();
		}
		double[] seconds = new double[count];
		for (int i = 0; i < count; i++) {
			seconds[i] = nanos[i] / 1e9;
		}
		return of(seconds);
	}

	/**
	 * Statistics of values in seconds.
	 * @param values the values; sorted in place
	 * @return the statistics, or {@link StepStats#empty()} for no values
	 */
	public static StepStats of(double[] values) {
		int n = values.length;
		if (n == 0) {
			return StepStats.empty();
		}
		double total = 0;
		for (double value : values) {
			total += value;
		}
		double mean = total / n;
		double squares = 0;
		for (double value : values) {
			squares += (value - mean) * (value - mean);
		}
		Arrays.sort(values);
		return new StepStats(n, total, mean, values[0], values[n - 1], quantileFiltered(values), Math.sqrt(squares / n),
				percentile(values, 50), percentile(values, 90), percentile(values, 99));
	}

	/**
	 * The percentile of sorted values by linear interpolation between closest ranks
	 * (numpy's default).
	 * @param sorted values in ascending order, at least one
	 * @param percent 0 to 100
	 * @return the percentile
	 */
	public static double percentile(double[] sorted, double percent) {
		double rank = percent / 100.0 * (sorted.length - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
	}

	/**
	 * The mean of the sorted values inside the Tukey fences
	 * {@code [max(q25 - 1.5 IQR, 0), q75 + 1.5 IQR]}.
	 * @param sorted values in ascending order, at least one
	 * @return the filtered mean
	 */
	public static double quantileFiltered(double[] sorted) {
		double q25 = percentile(sorted, 25);
		double q75 = percentile(sorted, 75);
		double iqr = q75 - q25;
		double lower = Math.max(q25 - 1.5 * iqr, 0);
		double upper = q75 + 1.5 * iqr;
		double sum = 0;
		int kept = 0;
		for (double value : sorted) {
			if (value >= lower && value <= upper) {
				sum += value;
				kept++;
			}
		}
		return (kept > 0) ? sum / kept : Double.NaN;
	}

}
