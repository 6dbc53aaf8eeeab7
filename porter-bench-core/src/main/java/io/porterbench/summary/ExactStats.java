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
		// the sums in the values' own order, as of(double[]) adds them; then the values
		// sorted as integers, which
		// orders their quotients by 1e9 the same way and, for the short non-negative
		// durations a run holds, in a few
		// linear passes instead of a comparison sort
		double total = 0;
		for (int i = 0; i < count; i++) {
			total += nanos[i] / 1e9;
		}
		double mean = total / count;
		double squares = 0;
		for (int i = 0; i < count; i++) {
			double value = nanos[i] / 1e9;
			squares += (value - mean) * (value - mean);
		}
		sort(nanos, count);
		double[] sorted = new double[count];
		for (int i = 0; i < count; i++) {
			sorted[i] = nanos[i] / 1e9;
		}
		return new StepStats(count, total, mean, sorted[0], sorted[count - 1], quantileFiltered(sorted),
				Math.sqrt(squares / count), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99));
	}

	private static final int RADIX_BITS = 11;

	private static final int RADIX_MIN_COUNT = 1024;

	/**
	 * Sorts the first {@code count} values: a least-significant-digit radix sort when
	 * they are many and none is negative, {@link Arrays#sort(long[], int, int)}
	 * otherwise.
	 */
	static void sort(long[] values, int count) {
		long max = 0;
		for (int i = 0; i < count; i++) {
			max |= values[i];
		}
		if (count < RADIX_MIN_COUNT || max < 0) {
			Arrays.sort(values, 0, count);
			return;
		}
		int bits = 64 - Long.numberOfLeadingZeros(max);
		int[] counts = new int[1 << RADIX_BITS];
		long[] from = values;
		long[] to = new long[count];
		for (int shift = 0; shift < bits; shift += RADIX_BITS) {
			Arrays.fill(counts, 0);
			for (int i = 0; i < count; i++) {
				counts[(int) (from[i] >>> shift) & ((1 << RADIX_BITS) - 1)]++;
			}
			int position = 0;
			for (int digit = 0; digit < counts.length; digit++) {
				int n = counts[digit];
				counts[digit] = position;
				position += n;
			}
			for (int i = 0; i < count; i++) {
				long value = from[i];
				to[counts[(int) (value >>> shift) & ((1 << RADIX_BITS) - 1)]++] = value;
			}
			long[] swap = from;
			from = to;
			to = swap;
		}
		if (from != values) {
			System.arraycopy(from, 0, values, 0, count);
		}
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
