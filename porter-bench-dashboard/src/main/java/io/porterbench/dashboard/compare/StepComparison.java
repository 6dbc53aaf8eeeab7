package io.porterbench.dashboard.compare;

/**
 * One step of a benchmarker compared between the baseline and the new run. Times in
 * seconds, changes as fractions ({@code 0.104} is +10.4%).
 *
 * @param step the step ({@code GLOBAL} for the whole iteration)
 * @param verdict the verdict
 * @param baseCount the baseline's closed iterations that ran the step (all pooled runs
 * together)
 * @param newCount the new run's closed iterations that ran the step
 * @param baseMedian the median of the baseline's per-iteration times, {@code null}
 * without iterations
 * @param newMedian the median of the new run's per-iteration times, {@code null} without
 * iterations
 * @param change {@code newMedian / baseMedian - 1}, {@code null} without a verdict or
 * when the baseline's median is 0
 * @param changeLow the lower end of the change's confidence interval (level
 * {@code 1 - alpha}), or {@code null}
 * @param changeHigh the upper end of that interval, or {@code null}
 * @param pValue the two-sided Mann-Whitney U p-value, {@code null} without a verdict
 */
public record StepComparison(String step, Verdict verdict, int baseCount, int newCount, Double baseMedian,
		Double newMedian, Double change, Double changeLow, Double changeHigh, Double pValue) {

}
