package io.porterbench.dashboard.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Hodges-Lehmann (Moses) confidence interval of the shift between two samples of log
 * times, that is of the ratio of the new times to the base times: the interval that
 * inverts the same Mann-Whitney U test that gives the p-value.
 *
 * <p>
 * Its ends are order statistics of the {@code m * n} pairwise differences
 * {@code log(y_j) - log(x_i)}. They are never all enumerated (10<sup>10</sup> of them for
 * two runs of 100,000 iterations): the k-th smallest is found by narrowing an interval of
 * values (interpolating on the counts, bisecting when that is slow), each step counting
 * the differences at or below a value with one pass over the two sorted samples, until
 * only about {@code (m+n)/8} differences lie in the interval; those are listed and the
 * one at the right rank is selected, so the result is exactly the k-th computed
 * difference. For large samples the search starts from two counts at quantiles of a
 * random sample of differences, which leaves five passes for the steps of two runs of
 * 100,000 iterations. The searches for the interval's two ends take their passes
 * together, each pass counting at one value of each.
 */
final class ShiftInterval {

	/**
	 * Times at or below 0 (a clock that did not move) count as one picosecond, below any
	 * clock's resolution.
	 */
	private static final double FLOOR_SECONDS = 1e-12;

	private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

	/**
	 * Sample values per pair left for the final selection: selecting among (m+n)/8 pairs
	 * costs less than one counting pass, and narrowing that far takes no more passes than
	 * narrowing to 2(m+n) (measured on two steps of 100,000 iterations: 38 ms against
	 * 47).
	 */
	private static final long VALUES_PER_BAND_PAIR = 8;

	private static final long MIN_BAND = 4096;

	private static final int SELECT_SORT_BELOW = 64;

	private static final int SELECT_MAX_ROUNDS = 64;

	/** Random differences drawn to bracket the k-th before counting. */
	private static final int SAMPLES = 1 << 14;

	/** Sampling pays when the pairs are this many bands or more. */
	private static final long SAMPLED_BANDS = 64;

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
		double[] ends = kthDifferences(x, y, k, pairs - k + 1);
		return new double[] { Math.expm1(ends[0]) + 0.0, Math.expm1(ends[1]) + 0.0 };
	}

	/**
	 * The rank {@code C} of the lower end, from the normal approximation of the U
	 * statistic (without the correction for ties, which only narrows the interval):
	 * {@code mn/2 - z(1 - alpha/2) * sqrt(mn(m+n+1)/12)}, at least 1, so that small
	 * samples get the whole range of differences rather than no interval.
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
		KthSearch search = new KthSearch(x, y, k);
		for (double probe = search.nextProbe(); !Double.isNaN(probe); probe = search.nextProbe()) {
			search.narrow(probe, countAtMost(x, y, probe));
		}
		return search.result();
	}

	/**
	 * The k1-th and the k2-th smallest of the differences, each exactly as
	 * {@link #kthDifference} finds it: the two searches probe in turns and share each
	 * counting pass over the samples, which is most of the work.
	 * @param x ascending
	 * @param y ascending
	 * @param k1 the first rank, from 1 to {@code x.length * y.length}
	 * @param k2 the second rank, in the same range
	 * @return the two differences
	 */
	static double[] kthDifferences(double[] x, double[] y, long k1, long k2) {
		KthSearch first = new KthSearch(x, y, k1);
		KthSearch second = new KthSearch(x, y, k2);
		double probe1 = first.nextProbe();
		double probe2 = second.nextProbe();
		while (!Double.isNaN(probe1) || !Double.isNaN(probe2)) {
			if (Double.isNaN(probe2)) {
				first.narrow(probe1, countAtMost(x, y, probe1));
			}
			else if (Double.isNaN(probe1)) {
				second.narrow(probe2, countAtMost(x, y, probe2));
			}
			else {
				long[] counts = countAtMost(x, y, probe1, probe2);
				first.narrow(probe1, counts[0]);
				second.narrow(probe2, counts[1]);
			}
			probe1 = first.nextProbe();
			probe2 = second.nextProbe();
		}
		return new double[] { first.result(), second.result() };
	}

	/**
	 * Two values that bracket the k-th difference unless the sample is off by more than
	 * four standard deviations: the order statistics of {@link #SAMPLES} random
	 * differences (a fixed seed, so that a comparison always takes the same path) around
	 * the k-th one's fraction.
	 */
	private static double[] sampledBracket(double[] x, double[] y, long k) {
		SplittableRandom random = new SplittableRandom(k);
		double[] sample = new double[SAMPLES];
		for (int s = 0; s < SAMPLES; s++) {
			sample[s] = y[random.nextInt(y.length)] - x[random.nextInt(x.length)];
		}
		DoubleSort.sort(sample);
		double fraction = (double) k / ((double) x.length * y.length);
		double spread = 4 * Math.sqrt(SAMPLES * fraction * (1 - fraction)) + 2;
		int below = (int) Math.max(0, Math.floor(fraction * SAMPLES - spread));
		int above = (int) Math.min(SAMPLES - 1, Math.ceil(fraction * SAMPLES + spread));
		return new double[] { sample[below], sample[above] };
	}

	/**
	 * The value at an index of the sorted values, found without sorting them all (Hoare's
	 * selection, falling back to a sort of what is left when the partitions shrink
	 * slowly): the same value a sort gives, in linear time.
	 * @param values the values, reordered
	 * @param index the index in sorted order
	 * @return the value
	 */
	static double select(double[] values, int index) {
		for (double value : values) {
			if (Double.isNaN(value)) {
				// no order to partition on: the sort's order
				Arrays.sort(values);
				return values[index];
			}
		}
		int from = 0;
		int to = values.length - 1;
		int rounds = 0;
		while (to - from > SELECT_SORT_BELOW) {
			if (++rounds > SELECT_MAX_ROUNDS) {
				break;
			}
			int middle = (from + to) >>> 1;
			double pivot = medianOfThree(values[from], values[middle], values[to]);
			int i = from;
			int j = to;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					double swap = values[i];
					values[i++] = values[j];
					values[j--] = swap;
				}
			}
			// now values[from..j] <= pivot <= values[i..to], and values between j and i
			// equal the pivot
			if (index <= j) {
				to = j;
			}
			else if (index >= i) {
				from = i;
			}
			else {
				return values[index];
			}
		}
		Arrays.sort(values, from, to + 1);
		return values[index];
	}

	private static double medianOfThree(double a, double b, double c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}

	/**
	 * The differences in {@code (low, high]}: for each j the matching i form a range that
	 * only moves right.
	 */
	private static double[] between(double[] x, double[] y, double low, double high, int size) {
		double[] between = new double[size];
		int at = 0;
		int first = 0;
		int last = 0;
		for (double yj : y) {
			while (first < x.length && yj - x[first] > high) {
				first++;
			}
			while (last < x.length && yj - x[last] > low) {
				last++;
			}
			for (int i = first; i < last; i++) {
				between[at++] = yj - x[i];
			}
		}
		return between;
	}

	/**
	 * How many differences {@code y[j] - x[i]} are at most d. For each j the matching i
	 * form a suffix of x, and the suffix only shrinks as j grows, so one pointer walks x
	 * once.
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

	/**
	 * {@link #countAtMost(double[], double[], double)} at two values in one pass.
	 */
	static long[] countAtMost(double[] x, double[] y, double d1, double d2) {
		long count1 = 0;
		long count2 = 0;
		int i1 = 0;
		int i2 = 0;
		for (double yj : y) {
			while (i1 < x.length && yj - x[i1] > d1) {
				i1++;
			}
			while (i2 < x.length && yj - x[i2] > d2) {
				i2++;
			}
			count1 += x.length - i1;
			count2 += x.length - i2;
		}
		return new long[] { count1, count2 };
	}

	private static double[] logs(double[] sorted) {
		double[] logs = new double[sorted.length];
		for (int i = 0; i < sorted.length; i++) {
			logs[i] = Math.log(Math.max(sorted[i], FLOOR_SECONDS));
		}
		return logs;
	}

	/**
	 * The search for one k-th difference: an interval of values {@code (low, high]} with
	 * {@code count(low) < k <= count(high)}, narrowed by probes until few pairs lie
	 * between, whose counts the caller supplies.
	 */
	private static final class KthSearch {

		private final double[] x;

		private final double[] y;

		private final long k;

		private final long band;

		private final double[] sampledProbes;

		private int sampledTaken;

		private double low;

		private double high;

		private long countLow;

		private long countHigh;

		private long pairsBefore;

		private boolean lastProbeSampled;

		private boolean bisect;

		private boolean aimBelow = true;

		private boolean tieAtHigh;

		KthSearch(double[] x, double[] y, long k) {
			this.x = x;
			this.y = y;
			this.k = k;
			this.low = Math.nextDown(y[0] - x[x.length - 1]);
			this.high = y[y.length - 1] - x[0];
			this.countHigh = (long) x.length * y.length;
			this.band = Math.max(((long) x.length + y.length) / VALUES_PER_BAND_PAIR, MIN_BAND);
			// Two counts at the quantiles of a random sample of differences that almost
			// surely bracket the k-th leave one or two interpolations. Either count
			// narrows the interval whatever it is, so the result stays exact.
			this.sampledProbes = ((double) x.length * y.length > (double) this.band * SAMPLED_BANDS)
					? sampledBracket(x, y, k) : new double[0];
		}

		/**
		 * The next value to count the differences at, or NaN when the search is done.
		 */
		double nextProbe() {
			while (this.sampledTaken < this.sampledProbes.length) {
				double probe = this.sampledProbes[this.sampledTaken++];
				if (probe > this.low && probe < this.high) {
					this.lastProbeSampled = true;
					return probe;
				}
			}
			if (this.tieAtHigh || this.countHigh - this.countLow <= this.band) {
				return Double.NaN;
			}
			this.lastProbeSampled = false;
			this.pairsBefore = this.countHigh - this.countLow;
			double middle = this.low + (this.high - this.low) / 2;
			if (!this.bisect) {
				// The count is nearly a smooth distribution function: aim just below k,
				// then just above, so that two probes usually bracket the k-th difference
				// within the band. (The side alternates between interpolations, not
				// probes: a bisection comes between two interpolations when the first
				// did not halve.)
				long target = this.aimBelow ? this.k - this.band / 4 : this.k + this.band / 4;
				this.aimBelow = !this.aimBelow;
				target = Math.max(this.countLow + 1, Math.min(this.countHigh - 1, target));
				middle = this.low + (this.high - this.low)
						* ((double) (target - this.countLow) / (this.countHigh - this.countLow));
			}
			if (!(middle > this.low && middle < this.high)) {
				middle = this.low + (this.high - this.low) / 2;
				if (!(middle > this.low && middle < this.high)) {
					// Adjacent doubles: every pair between is a tie at high.
					this.tieAtHigh = true;
					return Double.NaN;
				}
			}
			return middle;
		}

		/**
		 * Narrows the interval by the count of differences at or below the last probe.
		 */
		void narrow(double probe, long count) {
			if (count >= this.k) {
				this.high = probe;
				this.countHigh = count;
			}
			else {
				this.low = probe;
				this.countLow = count;
			}
			if (!this.lastProbeSampled) {
				// Interpolation that does not halve the pairs between gives way to one
				// bisection.
				this.bisect = !this.bisect && this.countHigh - this.countLow > this.pairsBefore / 2;
			}
		}

		/** The k-th difference, once {@link #nextProbe()} gave NaN. */
		double result() {
			if (this.tieAtHigh) {
				return this.high + 0.0;
			}
			double[] between = between(this.x, this.y, this.low, this.high, (int) (this.countHigh - this.countLow));
			return select(between, (int) (this.k - this.countLow - 1)) + 0.0;
		}

	}

}
