package io.porterbench.benchmarks.startup;

import java.util.Arrays;
import java.util.Locale;

/**
 * One measure compared over paired starts with and without porter-bench: the two medians,
 * their difference, and the spread of the differences within pairs (pairs are started
 * back to back, so a change of the machine's load moves both of a pair alike).
 *
 * @param name what was measured
 * @param medianWith the median with porter-bench
 * @param medianWithout the median without
 * @param pairedMedian the median of the differences within pairs
 * @param pairedLow the first quartile of those differences
 * @param pairedHigh the third quartile of those differences
 * @param pairedMin the smallest of those differences
 * @param pairedMax the largest of those differences
 */
record StartupComparison(String name, double medianWith, double medianWithout, double pairedMedian, double pairedLow,
		double pairedHigh, long pairedMin, long pairedMax) {

	/**
	 * Compares paired measures: {@code with[i]} and {@code without[i]} were taken back to
	 * back.
	 * @param name what was measured
	 * @param with the measures with porter-bench
	 * @param without the measures without, in the same order
	 * @return the comparison
	 */
	static StartupComparison of(String name, long[] with, long[] without) {
		if (with.length != without.length || with.length == 0) {
			throw new IllegalArgumentException("Paired measures need as many starts with porter-bench as without, "
					+ "at least one: " + with.length + " and " + without.length);
		}
		long[] differences = new long[with.length];
		for (int i = 0; i < with.length; i++) {
			differences[i] = with[i] - without[i];
		}
		long[] sorted = differences.clone();
		Arrays.sort(sorted);
		return new StartupComparison(name, median(with), median(without), quantile(sorted, 0.5), quantile(sorted, 0.25),
				quantile(sorted, 0.75), sorted[0], sorted[sorted.length - 1]);
	}

	/**
	 * The median: the middle value, or the mean of the two middle values.
	 * @param values the values, in any order
	 * @return their median
	 */
	static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return quantile(sorted, 0.5);
	}

	/**
	 * A quantile by linear interpolation between the closest ranks (the method of R's
	 * default, type 7).
	 */
	static double quantile(long[] sorted, double p) {
		double rank = p * (sorted.length - 1);
		int below = (int) Math.floor(rank);
		int above = (int) Math.ceil(rank);
		return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
	}

	/**
	 * The difference of the medians, with porter-bench less without.
	 * @return the difference
	 */
	double difference() {
		return this.medianWith - this.medianWithout;
	}

	/**
	 * One line for the report.
	 * @param unit the unit of the measures
	 * @return the line
	 */
	String describe(String unit) {
		return String.format(Locale.ROOT,
				"%s: median %.0f %s with porter-bench, %.0f %s without, difference %+.0f %s;"
						+ " within pairs median %+.0f %s, quartiles %+.0f to %+.0f, range %+d to %+d",
				this.name, this.medianWith, unit, this.medianWithout, unit, difference(), unit, this.pairedMedian, unit,
				this.pairedLow, this.pairedHigh, this.pairedMin, this.pairedMax);
	}

}
