package io.porterbench.dashboard.compare;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Hodges-Lehmann (Moses) confidence interval of the shift between two samples of log times, that is of the ratio
 * of the new times to the base times: the interval that inverts the same Mann-Whitney U test that gives the p-value.
 *
 * <p>Its ends are order statistics of the {@code m * n} pairwise differences {@code log(y_j) - log(x_i)}. They are
 * never enumerated (10<sup>10</sup> of them for two runs of 100,000 iterations): the k-th smallest is found by
 * bisecting over the doubles themselves, each step counting the differences at or below a value with one pass over
 * the two sorted samples, so that the result is exactly the k-th computed difference after at most 64 passes.
 */
final class ShiftInterval {

	/** Times at or below 0 (a clock that did not move) count as one picosecond, below any clock's resolution. */
	private static final double FLOOR_SECONDS = 1e-12;

	private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

	private ShiftInterval() {
	}

	/**
	 * The interval of the change {@code new / base - 1} at level {@code 1 - alpha}.
	 * @param sortedBase the base times, ascending, at least one
	 * @param sortedNew the new times, ascending, at least one
	 * @param alpha the significance level; the interval's level is {@code 1 - alpha}
	 * @return the lower and upper ends as fractions
	 */
	static double[] ofChange(double[] sortedBase, double[] sortedNew, double alpha) {
		double[] x = logs(sortedBase);
		double[] y = logs(sortedNew);
		long m = x.length;
		long n = y.length;
		long pairs = m * n;
		long k = rank(m, n, alpha);
		double low = kthDifference(x, y, k);
		double high = kthDifference(x, y, pairs - k + 1);
		return new double[] { Math.expm1(low) + 0.0, Math.expm1(high) + 0.0 };
	}

	/**
	 * The rank {@code C} of the lower end, from the normal approximation of the U statistic (without the correction
	 * for ties, which only narrows the interval): {@code mn/2 - z(1 - alpha/2) * sqrt(mn(m+n+1)/12)}, at least 1, so
	 * that small samples get the whole range of differences rather than no interval.
	 */
	static long rank(long m, long n, double alpha) {
		double pairs = (double) m * n;
		double z = STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
		double c = Math.floor(pairs / 2 - z * Math.sqrt(pairs * (m + n + 1) / 12.0));
		long half = (long) Math.ceil(pairs / 2);
		return Math.max(1, Math.min(half, (long) c));
	}

	/**
	 * The k-th smallest of the differences {@code y[j] - x[i]}.
	 * @param x ascending
	 * @param y ascending
	 * @param k from 1 to {@code x.length * y.length}
	 * @return the difference
	 */
	static double kthDifference(double[] x, double[] y, long k) {
		long low = sortable(y[0] - x[x.length - 1]);
		long high = sortable(y[y.length - 1] - x[0]);
		while (low < high) {
			long middle = (low >> 1) + (high >> 1) + (low & high & 1);
			if (countAtMost(x, y, unsortable(middle)) >= k) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return unsortable(low);
	}

	/**
	 * How many differences {@code y[j] - x[i]} are at most d. For each j the matching i form a suffix of x, and the
	 * suffix only shrinks as j grows, so one pointer walks x once.
	 */
	static long countAtMost(double[] x, double[] y, double d) {
		long count = 0;
		int i = 0;
		for (double yj : y) {
			while (i < x.length && yj - x[i] > d) {
				i++;
			}
			count += x.length - i;
		}
		return count;
	}

	private static double[] logs(double[] sorted) {
		double[] logs = new double[sorted.length];
		for (int i = 0; i < sorted.length; i++) {
			logs[i] = Math.log(Math.max(sorted[i], FLOOR_SECONDS));
		}
		return logs;
	}

	/** Maps doubles to longs in the same order, so that bisecting the longs bisects the doubles. */
	private static long sortable(double value) {
		long bits = Double.doubleToLongBits(value);
		return (bits < 0) ? bits ^ Long.MAX_VALUE : bits;
	}

	private static double unsortable(long sortable) {
		return Double.longBitsToDouble((sortable < 0) ? sortable ^ Long.MAX_VALUE : sortable);
	}

}
