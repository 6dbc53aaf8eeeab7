package io.porterbench.dashboard.compare;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftIntervalTests {

	@Test
	void theKthDifferenceIsExactlyTheOneASortOfAllPairsGives() {
		Random random = new Random(42);
		for (int round = 0; round < 50; round++) {
			double[] x = random.doubles(1 + random.nextInt(30), -3, 3).sorted().toArray();
			double[] y = random.doubles(1 + random.nextInt(30), -3, 3).sorted().toArray();
			if (round % 5 == 0) {
				// ties, within and across the samples
				x = Arrays.stream(x).map(Math::rint).sorted().toArray();
				y = Arrays.stream(y).map(Math::rint).sorted().toArray();
			}
			double[] all = sortedDifferences(x, y);
			for (int k = 1; k <= all.length; k++) {
				assertThat(ShiftInterval.kthDifference(x, y, k)).as("k=%d of %d", k, all.length)
					.isEqualTo(all[k - 1] + 0.0);
			}
		}
	}

	@Test
	void largeSamplesNarrowTheValuesBeforeSortingAndStayExact() {
		Random random = new Random(43);
		for (boolean ties : new boolean[] { false, true }) {
			double[] x = sortedSample(random, 1500, 0.01, ties ? 8 : 0);
			double[] y = sortedSample(random, 1000, 0.011, ties ? 8 : 0);
			double[] all = sortedDifferences(x, y);
			for (long k : new long[] { 1, 2, 17, 4_000, 700_000, 750_000, 750_001, 1_499_999, 1_500_000 }) {
				assertThat(ShiftInterval.kthDifference(x, y, k)).as("k=%d, ties %s", k, ties)
					.isEqualTo(all[(int) k - 1] + 0.0);
			}
		}
	}

	@Test
	void twoSearchesSharingTheirCountsFindWhatEachFindsAlone() {
		Random random = new Random(45);
		for (boolean ties : new boolean[] { false, true }) {
			double[] x = sortedSample(random, 1200, 0.01, ties ? 5 : 0);
			double[] y = sortedSample(random, 900, 0.012, ties ? 5 : 0);
			long pairs = (long) x.length * y.length;
			long[][] ranks = { { 1, pairs }, { 500_000, pairs - 500_000 + 1 }, { 17, 17 }, { pairs, 3 },
					{ 540_000, 540_001 }, { 2, 1_000_000 } };
			for (long[] k : ranks) {
				assertThat(ShiftInterval.kthDifferences(x, y, k[0], k[1])).as("k %s, ties %s", Arrays.toString(k), ties)
					.containsExactly(ShiftInterval.kthDifference(x, y, k[0]), ShiftInterval.kthDifference(x, y, k[1]));
			}
		}
	}

	@Test
	void countingAtTwoValuesGivesTheCountsAtEach() {
		Random random = new Random(46);
		double[] x = random.doubles(300, -1, 1).sorted().toArray();
		double[] y = random.doubles(200, -1, 1).sorted().toArray();
		for (int round = 0; round < 50; round++) {
			double d1 = random.nextDouble() * 4 - 2;
			double d2 = (round % 5 == 0) ? d1 : random.nextDouble() * 4 - 2;
			assertThat(ShiftInterval.countAtMost(x, y, d1, d2)).containsExactly(ShiftInterval.countAtMost(x, y, d1),
					ShiftInterval.countAtMost(x, y, d2));
		}
	}

	@Test
	void selectingAnIndexGivesTheValueASortPutsThere() {
		Random random = new Random(44);
		for (int round = 0; round < 300; round++) {
			int size = 1 + random.nextInt((round % 3 == 0) ? 20 : 5000);
			int kind = round % 5;
			double[] values = random.doubles(size).map((v) -> switch (kind) {
				case 0 -> v;
				case 1 -> Math.rint(v * 4);
				case 2 -> (v < 0.5) ? -0.0 : 0.0;
				case 3 -> (v < 0.01) ? Double.NaN : v - 0.5;
				default -> (v < 0.02) ? Double.POSITIVE_INFINITY : Math.log(v);
			}).toArray();
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int index = random.nextInt(size);
			assertThat(ShiftInterval.select(values.clone(), index) + 0.0).as("round %d, index %d", round, index)
				.isEqualTo(sorted[index] + 0.0);
		}
	}

	@Test
	void theRankFollowsTheNormalApproximationAndNeverFallsBelowOne() {
		// m = n = 200, alpha = 0.01: 20000 - 2.5758293 * sqrt(40000 * 401 / 12) = 20000 -
		// 2978.03 = 17021.97
		assertThat(ShiftInterval.rank(200, 200, 0.01)).isEqualTo(17021);
		assertThat(ShiftInterval.rank(5, 5, 0.01)).isEqualTo(1);
		assertThat(ShiftInterval.rank(1, 1, 0.01)).isEqualTo(1);
	}

	@Test
	void theIntervalOfASampleWithItselfHoldsZero() {
		double[] x = new Random(7).doubles(100, 0.009, 0.011).sorted().toArray();
		double[] interval = ShiftInterval.ofChange(x, x, 0.01);
		assertThat(interval[0]).isNegative();
		assertThat(interval[1]).isPositive();
	}

	/**
	 * Uniform draws from [0, 1), ascending: as logs of times from {@code offset} on, or,
	 * with {@code tieLevels} above 0, rounded to that many steps so that values repeat.
	 */
	private static double[] sortedSample(Random random, int size, double offset, int tieLevels) {
		return random.doubles(size, 0, 1)
			.map((v) -> (tieLevels > 0) ? Math.rint(v * tieLevels) : Math.log(offset + v))
			.sorted()
			.toArray();
	}

	/** Every difference {@code y[j] - x[i]}, ascending. */
	private static double[] sortedDifferences(double[] x, double[] y) {
		double[] all = new double[x.length * y.length];
		int at = 0;
		for (double yj : y) {
			for (double xi : x) {
				all[at++] = yj - xi;
			}
		}
		Arrays.sort(all);
		return all;
	}

}
