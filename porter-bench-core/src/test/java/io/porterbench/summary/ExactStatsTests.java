package io.porterbench.summary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The worked examples of the original's {@code summurize}, measured by running it (spec
 * 3.4).
 */
class ExactStatsTests {

	@Test
	void outlierIsFilteredByTheTukeyFences() {
		StepStats stats = ExactStats.of(new double[] { 1, 1, 1, 1, 100 });
		assertThat(stats.mean()).isCloseTo(20.8, within(1e-9));
		assertThat(stats.min()).isCloseTo(1, within(1e-9));
		assertThat(stats.max()).isCloseTo(100, within(1e-9));
		assertThat(stats.quantileFiltered()).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void evenlySpreadValuesAreAllKept() {
		StepStats stats = ExactStats.of(new double[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 });
		assertThat(stats.mean()).isCloseTo(5.5, within(1e-9));
		assertThat(stats.quantileFiltered()).isCloseTo(5.5, within(1e-9));
		assertThat(stats.count()).isEqualTo(10);
		assertThat(stats.total()).isCloseTo(55, within(1e-9));
	}

	@Test
	void percentilesInterpolateLinearlyLikeNumpy() {
		double[] sorted = { 1, 2, 3, 4 };
		assertThat(ExactStats.percentile(sorted, 50)).isCloseTo(2.5, within(1e-12));
		assertThat(ExactStats.percentile(sorted, 25)).isCloseTo(1.75, within(1e-12));
		assertThat(ExactStats.percentile(sorted, 90)).isCloseTo(3.7, within(1e-12));
		assertThat(ExactStats.percentile(sorted, 100)).isCloseTo(4, within(1e-12));
	}

	@Test
	void standardDeviationIsThePopulationOne() {
		assertThat(ExactStats.of(new double[] { 2, 4, 4, 4, 5, 5, 7, 9 }).std()).isCloseTo(2.0, within(1e-12));
	}

	@Test
	void lowerFenceIsNeverBelowZero() {
		StepStats stats = ExactStats.of(new double[] { 0, 0, 0, 10, 10, 10 });
		assertThat(stats.quantileFiltered()).isCloseTo(5, within(1e-12));
	}

	@Test
	void noValuesGiveEmptyStatistics() {
		assertThat(ExactStats.of(new double[0])).isEqualTo(StepStats.empty());
	}

	@Test
	void accumulatorAgreesWithExactFiguresWithinTheHistogramPrecision() {
		StepAccumulator accumulator = new StepAccumulator();
		double[] values = new double[1000];
		for (int i = 0; i < values.length; i++) {
			long nanos = 1_000_000L + (i % 100) * 10_000L;
			accumulator.add(nanos);
			values[i] = nanos / 1e9;
		}
		StepStats exact = ExactStats.of(values);
		StepStats approximate = accumulator.snapshot();
		assertThat(approximate.count()).isEqualTo(exact.count());
		assertThat(approximate.mean()).isCloseTo(exact.mean(), within(1e-12));
		assertThat(approximate.min()).isEqualTo(exact.min());
		assertThat(approximate.max()).isEqualTo(exact.max());
		assertThat(approximate.std()).isCloseTo(exact.std(), within(1e-9));
		assertThat(approximate.p50()).isCloseTo(exact.p50(), within(exact.p50() * 0.01));
		assertThat(approximate.p99()).isCloseTo(exact.p99(), within(exact.p99() * 0.01));
		assertThat(approximate.quantileFiltered()).isCloseTo(exact.quantileFiltered(), within(exact.mean() * 0.01));
	}

	@Test
	void accumulatorThatAddsAllOfOthersHasTheStatisticsOfEveryValue() {
		StepAccumulator whole = new StepAccumulator();
		StepAccumulator first = new StepAccumulator();
		StepAccumulator second = new StepAccumulator();
		java.util.SplittableRandom random = new java.util.SplittableRandom(3);
		for (int i = 0; i < 10_000; i++) {
			long nanos = random.nextLong(1_000, (i % 2 == 0) ? 5_000_000 : 50_000_000);
			whole.add(nanos);
			((i % 3 == 0) ? first : second).add(nanos);
		}
		StepAccumulator merged = new StepAccumulator();
		merged.addAll(first);
		merged.addAll(second);
		merged.addAll(new StepAccumulator());
		StepStats expected = whole.snapshot();
		StepStats actual = merged.snapshot();
		assertThat(actual.count()).isEqualTo(expected.count());
		assertThat(actual.total()).isEqualTo(expected.total());
		assertThat(actual.min()).isEqualTo(expected.min());
		assertThat(actual.max()).isEqualTo(expected.max());
		assertThat(actual.mean()).isCloseTo(expected.mean(), within(expected.mean() * 1e-12));
		assertThat(actual.std()).isCloseTo(expected.std(), within(expected.std() * 1e-9));
		assertThat(actual.p50()).isEqualTo(expected.p50());
		assertThat(actual.p99()).isEqualTo(expected.p99());
		assertThat(actual.quantileFiltered()).isEqualTo(expected.quantileFiltered());
	}

	@Test
	void statisticsOfNanosAreThoseOfTheSecondsWhateverTheSortUsed() {
		java.util.SplittableRandom random = new java.util.SplittableRandom(19);
		for (int run = 0; run < 60; run++) {
			int count = (run < 10) ? random.nextInt(1, 2_000) : random.nextInt(1_000, 60_000);
			long[] nanos = new long[count + 5];
			double[] seconds = new double[count];
			for (int i = 0; i < count; i++) {
				nanos[i] = switch (run % 4) {
					case 0 -> random.nextLong(0, 100);
					case 1 -> (long) Math.exp(random.nextDouble(0, Math.log(1e12)));
					case 2 -> random.nextLong(Long.MAX_VALUE);
					default -> random.nextLong(-1_000_000, 1_000_000_000);
				};
				seconds[i] = nanos[i] / 1e9;
			}
			assertThat(ExactStats.ofNanos(nanos, count)).as("run %d", run).isEqualTo(ExactStats.of(seconds));
			assertThat(nanos).startsWith(java.util.Arrays.stream(nanos, 0, count).sorted().toArray());
		}
	}

}
