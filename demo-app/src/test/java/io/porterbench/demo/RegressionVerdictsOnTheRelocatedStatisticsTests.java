package io.porterbench.demo;

import io.porterbench.dashboard.compare.CompareOptions;
import io.porterbench.dashboard.compare.RegressionAnalysis;
import io.porterbench.dashboard.compare.StepComparison;
import io.porterbench.dashboard.compare.Verdict;
import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that depends on porter-bench-dashboard, as this one does, gets Commons
 * Statistics inside the dashboard's jar, relocated, and not its twelve jars; the
 * regression verdicts work on those relocated classes, through both the exact and the
 * approximate p-value of the rank test and the normal quantile of the interval.
 */
class RegressionVerdictsOnTheRelocatedStatisticsTests {

	@Test
	void commonsStatisticsIsOnTheClassPathOnlyRelocatedInsideTheDashboardJar() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("org.apache.commons.statistics.inference.MannWhitneyUTest", loader)).isFalse();
		assertThat(ClassUtils.isPresent("org.apache.commons.numbers.core.Precision", loader)).isFalse();
		assertThat(ClassUtils.isPresent("org.apache.commons.rng.UniformRandomProvider", loader)).isFalse();
		assertThat(ClassUtils.isPresent("io.porterbench.dashboard.shaded.commons.statistics.inference.MannWhitneyUTest",
				loader))
			.isTrue();
	}

	@Test
	void aSmallSlowdownWithoutTiesGetsItsVerdictFromTheExactPValue() {
		double[] base = { 100, 101, 102, 103, 104, 105, 106, 107 };
		double[] slower = { 130, 131, 132, 133, 134, 135, 136, 137 };
		StepComparison step = RegressionAnalysis.compareStep("persist", base, slower, CompareOptions.DEFAULTS);
		assertThat(step.verdict()).isEqualTo(Verdict.REGRESSED);
		// exact two-sided p of two fully separated samples of 8: 2 / C(16, 8)
		assertThat(step.pValue()).isCloseTo(2.0 / 12870, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(step.changeLow()).isPositive();
		assertThat(step.changeHigh()).isGreaterThanOrEqualTo(step.change());
	}

	@Test
	void aLargerRunWithTiesGetsItsVerdictFromTheApproximatePValue() {
		double[] base = new double[200];
		double[] faster = new double[200];
		for (int i = 0; i < base.length; i++) {
			base[i] = 100 + (i % 20);
			faster[i] = 80 + (i % 20);
		}
		StepComparison step = RegressionAnalysis.compareStep("persist", base, faster, CompareOptions.DEFAULTS);
		assertThat(step.verdict()).isEqualTo(Verdict.IMPROVED);
		assertThat(step.pValue()).isLessThan(1e-6);
		assertThat(step.changeLow()).isLessThanOrEqualTo(step.change());
		assertThat(step.changeHigh()).isNegative();
	}

}
