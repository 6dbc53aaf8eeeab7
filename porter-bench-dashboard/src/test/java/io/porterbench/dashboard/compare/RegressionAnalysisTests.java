package io.porterbench.dashboard.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdicts on runs drawn from known log-normal distributions: how often they are
 * wrong when nothing changed, how often they catch a real slowdown, and what they do with
 * small changes, few iterations and outliers.
 */
class RegressionAnalysisTests {

	private static final int PAIRS = 20;

	private static final int ITERATIONS = 200;

	@TempDir
	Path folder;

	@Test
	void twentyPairsOfRunsFromTheSameDistributionsGiveAtMostOneWithAVerdict() {
		List<String> falseVerdicts = new ArrayList<>();
		for (int pair = 0; pair < PAIRS; pair++) {
			Comparison comparison = compare(LogNormalRuns.of(ITERATIONS, 1000 + pair),
					LogNormalRuns.of(ITERATIONS, 2000 + pair), CompareOptions.DEFAULTS);
			List<String> flagged = flagged(comparison);
			if (!flagged.isEmpty()) {
				falseVerdicts.add("pair " + pair + ": " + flagged);
			}
		}
		System.out.println("A/A: " + falseVerdicts.size() + " of " + PAIRS + " pairs with a verdict " + falseVerdicts);
		assertThat(falseVerdicts).as("A/A pairs with a regressed or improved step").hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void aTenPercentSlowdownOfOneStepIsCaughtInAtLeastNineteenOfTwentyPairsAndNoOtherStepIsFlagged() {
		int detected = 0;
		for (int pair = 0; pair < PAIRS; pair++) {
			Comparison comparison = compare(LogNormalRuns.of(ITERATIONS, 3000 + pair),
					LogNormalRuns.of(ITERATIONS, 4000 + pair).scale("score", 1.10), CompareOptions.DEFAULTS);
			if (flagged(comparison).equals(List.of("score regressed"))) {
				detected++;
			}
		}
		System.out.println("A/B: the 10% slowdown, and only it, flagged in " + detected + " of " + PAIRS + " pairs");
		assertThat(detected).isGreaterThanOrEqualTo(19);
	}

	@Test
	void theIntervalOfATenPercentSlowdownHoldsTheTrueChange() {
		Comparison comparison = compare(LogNormalRuns.of(ITERATIONS, 5),
				LogNormalRuns.of(ITERATIONS, 6).scale("score", 1.10), CompareOptions.DEFAULTS);
		StepComparison score = step(comparison, "score");
		assertThat(score.verdict()).isEqualTo(Verdict.REGRESSED);
		assertThat(score.changeLow()).isLessThan(0.10).isGreaterThan(0.0);
		assertThat(score.changeHigh()).isGreaterThan(0.10);
		assertThat(score.change()).isBetween(score.changeLow(), score.changeHigh());
		assertThat(score.pValue()).isLessThan(0.01);
		assertThat(score.baseCount()).isEqualTo(ITERATIONS);
		assertThat(score.newCount()).isEqualTo(ITERATIONS);
	}

	@Test
	void aTwoPercentSlowdownIsUnchangedAtAFivePercentThresholdEvenWhenItIsSignificant() {
		Comparison comparison = compare(LogNormalRuns.of(2000, 7), LogNormalRuns.of(2000, 8).scale("transform", 1.02),
				CompareOptions.DEFAULTS);
		StepComparison transform = step(comparison, "transform");
		assertThat(transform.pValue()).as("2,000 iterations see a 2% shift").isLessThan(0.01);
		assertThat(transform.change()).isBetween(0.0, 0.05);
		assertThat(transform.verdict()).isEqualTo(Verdict.UNCHANGED);
		assertThat(flagged(comparison)).isEmpty();
		Comparison strict = compare(LogNormalRuns.of(2000, 7), LogNormalRuns.of(2000, 8).scale("transform", 1.02),
				new CompareOptions(0.01, 0.01, 5));
		assertThat(step(strict, "transform").verdict()).as("at a 1% threshold").isEqualTo(Verdict.REGRESSED);
	}

	@Test
	void threeIterationsAreInsufficientWhateverTheChange() {
		Comparison comparison = compare(LogNormalRuns.of(3, 9), LogNormalRuns.of(3, 10).scale("load", 3.0),
				CompareOptions.DEFAULTS);
		for (StepComparison step : comparison.benchmarkers().get(0).steps()) {
			assertThat(step.verdict()).as(step.step()).isEqualTo(Verdict.INSUFFICIENT);
			assertThat(step.pValue()).isNull();
			assertThat(step.change()).isNull();
			assertThat(step.changeLow()).isNull();
			assertThat(step.changeHigh()).isNull();
			assertThat(step.baseCount()).isEqualTo(3);
			assertThat(step.baseMedian()).isNotNull();
		}
		assertThat(comparison.regressions()).isZero();
	}

	@Test
	void oneHundredfoldOutlierIterationNeverTurnsAnUnchangedStepIntoAVerdict() {
		for (String step : LogNormalRuns.STEPS) {
			Comparison clean = compare(LogNormalRuns.of(ITERATIONS, 11), LogNormalRuns.of(ITERATIONS, 12),
					CompareOptions.DEFAULTS);
			Comparison outlier = compare(LogNormalRuns.of(ITERATIONS, 11),
					LogNormalRuns.of(ITERATIONS, 12).outlier(57, step, 100), CompareOptions.DEFAULTS);
			Comparison outlierInBase = compare(LogNormalRuns.of(ITERATIONS, 11).outlier(3, step, 100),
					LogNormalRuns.of(ITERATIONS, 12), CompareOptions.DEFAULTS);
			assertThat(flagged(clean)).isEmpty();
			assertThat(flagged(outlier)).as("a 100x %s in the new run", step).isEmpty();
			assertThat(flagged(outlierInBase)).as("a 100x %s in the baseline", step).isEmpty();
			assertThat(step(outlier, step).change()).isCloseTo(step(clean, step).change(),
					org.assertj.core.api.Assertions.within(0.02));
		}
	}

	@Test
	void openIterationsAreLeftOut() {
		Comparison comparison = compare(LogNormalRuns.of(50, 13), LogNormalRuns.of(50, 14).withOpenIteration(),
				CompareOptions.DEFAULTS);
		StepComparison load = step(comparison, "load");
		assertThat(load.newCount()).isEqualTo(50);
		assertThat(load.verdict()).isEqualTo(Verdict.UNCHANGED);
		assertThat(step(comparison, "GLOBAL").newCount()).isEqualTo(50);
	}

	@Test
	void globalIsComparedLikeAStepAndComesLast() {
		Comparison comparison = compare(LogNormalRuns.of(ITERATIONS, 15),
				LogNormalRuns.of(ITERATIONS, 16).scale("load", 1.5).scale("transform", 1.5), CompareOptions.DEFAULTS);
		List<StepComparison> steps = comparison.benchmarkers().get(0).steps();
		assertThat(steps).extracting(StepComparison::step)
			.containsExactly("load", "parse", "transform", "score", "write", "gstop", "GLOBAL");
		assertThat(steps.get(steps.size() - 1).verdict()).isEqualTo(Verdict.REGRESSED);
		assertThat(steps.get(steps.size() - 1).change()).isBetween(0.2, 0.35);
		assertThat(step(comparison, "gstop").verdict()).as("always 0 s").isEqualTo(Verdict.UNCHANGED);
	}

	@Test
	void aFasterStepIsImproved() {
		Comparison comparison = compare(LogNormalRuns.of(ITERATIONS, 17),
				LogNormalRuns.of(ITERATIONS, 18).scale("write", 0.8), CompareOptions.DEFAULTS);
		assertThat(flagged(comparison)).containsExactly("write improved");
		assertThat(step(comparison, "write").change()).isBetween(-0.3, -0.1);
		assertThat(comparison.improvements()).isEqualTo(1);
		assertThat(comparison.regressions()).isZero();
	}

	@Test
	void stepsOnOneSideOnlyAreAddedOrRemovedAndNeverRegressions() {
		StepComparison added = RegressionAnalysis.compareStep("new", null, new double[] { 1, 2, 3 },
				CompareOptions.DEFAULTS);
		StepComparison removed = RegressionAnalysis.compareStep("old", new double[] { 1, 2, 3, 4 }, null,
				CompareOptions.DEFAULTS);
		assertThat(added.verdict()).isEqualTo(Verdict.ADDED);
		assertThat(added.newMedian()).isEqualTo(2.0);
		assertThat(added.baseMedian()).isNull();
		assertThat(added.pValue()).isNull();
		assertThat(removed.verdict()).isEqualTo(Verdict.REMOVED);
		assertThat(removed.baseMedian()).isEqualTo(2.5);
		assertThat(removed.change()).isNull();
	}

	@Test
	void aConstantStepThatDoubledIsARegressionWithAnExactInterval() {
		double[] base = new double[10];
		double[] after = new double[10];
		java.util.Arrays.fill(base, 0.010);
		java.util.Arrays.fill(after, 0.020);
		StepComparison step = RegressionAnalysis.compareStep("s", base, after, CompareOptions.DEFAULTS);
		assertThat(step.verdict()).isEqualTo(Verdict.REGRESSED);
		assertThat(step.change()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(step.changeLow()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(step.changeHigh()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
		StepComparison same = RegressionAnalysis.compareStep("s", base, base, CompareOptions.DEFAULTS);
		assertThat(same.verdict()).isEqualTo(Verdict.UNCHANGED);
		assertThat(same.pValue()).isEqualTo(1.0);
		assertThat(same.change()).isZero();
	}

	private Comparison compare(LogNormalRuns base, LogNormalRuns candidate, CompareOptions options) {
		try {
			Path pair = Files.createTempDirectory(this.folder, "pair");
			Path before = base.writeTo(pair.resolve("base"));
			Path after = candidate.writeTo(pair.resolve("new"));
			return SavedRunComparison.compare(SavedRunComparison.select(before, 1, after), List.of(), options);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static List<String> flagged(Comparison comparison) {
		return comparison.benchmarkers()
			.stream()
			.flatMap((bench) -> bench.steps().stream())
			.filter((step) -> step.verdict() == Verdict.REGRESSED || step.verdict() == Verdict.IMPROVED)
			.map((step) -> step.step() + " " + step.verdict().label())
			.toList();
	}

	static StepComparison step(Comparison comparison, String name) {
		Map<String, StepComparison> steps = comparison.benchmarkers()
			.get(0)
			.steps()
			.stream()
			.collect(Collectors.toMap(StepComparison::step, Function.identity()));
		return steps.get(name);
	}

}
