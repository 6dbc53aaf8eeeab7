package io.porterbench.benchmarks.startup;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The arithmetic and the parsing of {@link StartupCheck}: what it reads from a started
 * JVM, and the medians and spreads it reports.
 */
class StartupCheckTests {

	@Test
	void aResultLineReadsBackAsWritten() {
		StartupResult result = new StartupResult(4123, 4610, 9870, 3950, 11234, 20);
		assertThat(result.toLine()).isEqualTo("STARTUP 4123 4610 9870 3950 11234 20");
		assertThat(StartupResult.parse(result.toLine())).isEqualTo(result);
	}

	@Test
	void aLineThatIsNotAResultIsRejectedWithTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> StartupResult.parse("Started in 4.1 s"))
			.withMessageContaining("'Started in 4.1 s'");
		assertThatIllegalArgumentException().isThrownBy(() -> StartupResult.parse("STARTUP 4123 4610 20"))
			.withMessageContaining("6 numbers, found 3");
		assertThatIllegalArgumentException().isThrownBy(() -> StartupResult.parse("STARTUP 4123 4610 9870 3950 x 20"))
			.withMessageContaining("Field 5");
	}

	@Test
	void thePairsArgumentIsTheDefaultWhenAbsentAndAWholeNumberOfAtLeastOneOtherwise() {
		assertThat(StartupCheck.pairs(new String[0], 9)).isEqualTo(9);
		assertThat(StartupCheck.pairs(new String[] { "3" }, 9)).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> StartupCheck.pairs(new String[] { "0" }, 9))
			.withMessage("The number of pairs of starts must be a whole number of at least 1, was '0'");
		assertThatIllegalArgumentException().isThrownBy(() -> StartupCheck.pairs(new String[] { "ten" }, 9))
			.withMessageContaining("was 'ten'");
	}

	@Test
	void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
		assertThat(StartupComparison.median(new long[] { 7 })).isEqualTo(7.0);
		assertThat(StartupComparison.median(new long[] { 30, 10, 20 })).isEqualTo(20.0);
		assertThat(StartupComparison.median(new long[] { 40, 10, 30, 20 })).isEqualTo(25.0);
		assertThat(StartupComparison.median(new long[] { 5, 1000, 6, 7, 4 })).isEqualTo(6.0);
	}

	@Test
	void quartilesInterpolateBetweenRanks() {
		long[] sorted = { 10, 20, 30, 40, 50 };
		assertThat(StartupComparison.quantile(sorted, 0.25)).isEqualTo(20.0);
		assertThat(StartupComparison.quantile(sorted, 0.75)).isEqualTo(40.0);
		assertThat(StartupComparison.quantile(new long[] { 10, 20, 30, 40 }, 0.25)).isCloseTo(17.5, within(1e-9));
	}

	@Test
	void theSpreadIsThatOfTheDifferencesWithinPairs() {
		// The load rose over the run: both kinds slowed alike, the pairs still show +50.
		long[] with = { 1050, 1550, 2050, 1300, 3100 };
		long[] without = { 1000, 1500, 2000, 1200, 3080 };
		StartupComparison comparison = StartupComparison.of("run", with, without);
		assertThat(comparison.medianWith()).isEqualTo(1550.0);
		assertThat(comparison.medianWithout()).isEqualTo(1500.0);
		assertThat(comparison.difference()).isEqualTo(50.0);
		assertThat(comparison.pairedMedian()).isEqualTo(50.0);
		assertThat(comparison.pairedLow()).isEqualTo(50.0);
		assertThat(comparison.pairedHigh()).isEqualTo(50.0);
		assertThat(comparison.pairedMin()).isEqualTo(20);
		assertThat(comparison.pairedMax()).isEqualTo(100);
		assertThat(comparison.describe("ms")).isEqualTo("run: median 1550 ms with porter-bench, 1500 ms without,"
				+ " difference +50 ms; within pairs median +50 ms, quartiles +50 to +50, range +20 to +100;"
				+ " Hodges-Lehmann +50 ms, 95 % interval +20 to +100");
	}

	@Test
	void theHodgesLehmannEstimateIsTheMedianOfTheWalshAveragesWithTheSignedRankInterval() {
		// Differences 1 to 10: 55 Walsh averages from 1 to 10, symmetric around 5.5; for
		// 10 pairs, floor(27.5 - 1.96 * 9.81) = 8, so the ends are the 8th smallest (3.0)
		// and the 8th largest (8.0).
		long[] without = new long[10];
		long[] with = new long[10];
		for (int i = 0; i < 10; i++) {
			without[i] = 1000;
			with[i] = 1001 + i;
		}
		StartupComparison comparison = StartupComparison.of("run", with, without);
		assertThat(StartupComparison.walshAverages(new long[] { 3, 1 })).containsExactly(1.0, 2.0, 3.0);
		assertThat(StartupComparison.intervalRank(10)).isEqualTo(8);
		assertThat(comparison.shift()).isEqualTo(5.5);
		assertThat(comparison.shiftLow()).isEqualTo(3.0);
		assertThat(comparison.shiftHigh()).isEqualTo(8.0);
		// Too few pairs for a 95 % interval: it spans every average.
		assertThat(StartupComparison.intervalRank(3)).isEqualTo(1);
	}

	@Test
	void aNegativeDifferenceKeepsItsSign() {
		StartupComparison comparison = StartupComparison.of("run", new long[] { 900, 1000 }, new long[] { 1000, 1000 });
		assertThat(comparison.difference()).isEqualTo(-50.0);
		assertThat(comparison.describe("ms")).contains("difference -50 ms", "range -100 to +0");
	}

	@Test
	void unpairedMeasuresAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StartupComparison.of("run", new long[] { 1, 2 }, new long[] { 1 }))
			.withMessageContaining("2 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> StartupComparison.of("run", new long[0], new long[0]))
			.withMessageContaining("at least one");
	}

	@Test
	void theOrderWithinPairsAlternates() {
		assertThat(List.of(0, 1, 2, 3).stream().map(StartupCheck::withFirst)).containsExactly(true, false, true, false);
	}

	@Test
	void everyMeasureIsComparedOverThePairs() {
		List<StartupResult> with = List.of(new StartupResult(1100, 1300, 2500, 1030, 11000, 20),
				new StartupResult(1200, 1400, 2600, 1050, 11010, 20));
		List<StartupResult> without = List.of(new StartupResult(1000, 1200, 2000, 1000, 10000, 0),
				new StartupResult(1000, 1200, 2000, 1000, 10000, 0));
		List<StartupComparison> comparisons = StartupCheck.compare(with, without);
		assertThat(comparisons).extracting(StartupComparison::name)
			.containsExactly("SpringApplication.run", "JVM uptime when ready", "CPU time until ready",
					"main thread CPU time", "loaded classes");
		assertThat(comparisons).extracting(StartupComparison::difference)
			.containsExactly(150.0, 150.0, 550.0, 40.0, 1005.0);
	}

}
