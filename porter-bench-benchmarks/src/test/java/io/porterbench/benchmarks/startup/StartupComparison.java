package io.porterbench.benchmarks.startup;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * One measure compared over paired starts with and without porter-bench: the two medians,
 * their difference, the spread of the differences within pairs (pairs are started back to
 * back, so a change of the machine's load moves both of a pair alike), and the
 * Hodges-Lehmann estimate of the paired difference with its 95 % confidence interval.
 *
 * <p>
 * The estimate is the median of the Walsh averages {@code (d_i + d_j) / 2},
 * {@code i <= j}, of the {@code n} differences; the interval's ends are the {@code k}th
 * smallest and largest of those {@code N = n(n+1)/2} averages, with
 * {@code k = floor(N/2 - z(0.975) * sqrt(n(n+1)(2n+1)/24))}, at least 1: the interval
 * that inverts Wilcoxon's signed-rank test in its normal approximation.
 *
 * @param name what was measured
 * @param medianWith the median with porter-bench
 * @param medianWithout the median without
 * @param pairedMedian the median of the differences within pairs
 * @param pairedLow the first quartile of those differences
 * @param pairedHigh the third quartile of those differences
 * @param pairedMin the smallest of those differences
 * @param pairedMax the largest of those differences
 * @param shift the Hodges-Lehmann estimate of the paired difference
 * @param shiftLow the lower end of its 95 % confidence interval
 * @param shiftHigh the upper end of its 95 % confidence interval
 */
record StartupComparison(String name, double medianWith, double medianWithout, double pairedMedian, double pairedLow,
		double pairedHigh, long pairedMin, long pairedMax, double shift, double shiftLow, double shiftHigh) {

	private static final double Z_975 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

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
		double[] walsh = walshAverages(sorted);
		int k = intervalRank(sorted.length);
		return new StartupComparison(name, median(with), median(without), quantile(sorted, 0.5), quantile(sorted, 0.25),
				quantile(sorted, 0.75), sorted[0], sorted[sorted.length - 1], median(walsh), walsh[k - 1],
				walsh[walsh.length - k]);
	}

	/**
	 * Every average of two differences, each with itself included, ascending.
	 * @param differences the differences
	 * @return the {@code n(n+1)/2} averages, sorted
	 */
	static double[] walshAverages(long[] differences) {
		int n = differences.length;
		double[] averages = new double[n * (n + 1) / 2];
		int next = 0;
		for (int i = 0; i < n; i++) {
			for (int j = i; j < n; j++) {
				averages[next++] = (differences[i] + differences[j]) / 2.0;
			}
		}
		Arrays.sort(averages);
		return averages;
	}

	/**
	 * The rank, from each end of the sorted Walsh averages, of the 95 % interval's ends.
	 * @param n the number of pairs
	 * @return the rank, from 1
	 */
	static int intervalRank(int n) {
		double averages = n * (n + 1) / 2.0;
		double deviation = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24.0);
		return (int) Math.max(1, Math.floor(averages / 2 - Z_975 * deviation));
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
						+ " within pairs median %+.0f %s, quartiles %+.0f to %+.0f, range %+d to %+d;"
						+ " Hodges-Lehmann %+.0f %s, 95 %% interval %+.0f to %+.0f",
				this.name, this.medianWith, unit, this.medianWithout, unit, difference(), unit, this.pairedMedian, unit,
				this.pairedLow, this.pairedHigh, this.pairedMin, this.pairedMax, this.shift, unit, this.shiftLow,
				this.shiftHigh);
	}

}
