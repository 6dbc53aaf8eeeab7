package io.porterbench.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.porterbench.dashboard.StepDelta.Status;
import io.porterbench.dashboard.plot.StepRow;
import io.porterbench.dashboard.plot.StepTable;
import io.porterbench.record.BenchRecord;

/**
 * Compares the steps of one benchmarker in two runs, for the dashboard's comparison view
 * and the {@code diff} command.
 *
 * <p>
 * A step is a regression ({@link Status#SLOWER}) when its mean <em>or</em> its
 * quantile-filtered mean grew by strictly more than the threshold percentage: the mean
 * catches new outliers, the filtered mean catches a shift of the typical iteration. Steps
 * present in only one run are reported as added or removed, never as regressions.
 */
public final class RunComparison {

	/**
	 * The threshold of the {@code diff} command and the comparison view when none is
	 * given, in percent.
	 */
	public static final double DEFAULT_THRESHOLD_PERCENT = 10.0;

	private static final double TOLERANCE = 1e-9;

	private RunComparison() {
	}

	/**
	 * The per-step deltas of a benchmarker: the baseline's steps in order, then the steps
	 * only the candidate has, GLOBAL last.
	 * @param baseline the benchmarker in the baseline run
	 * @param candidate the benchmarker in the candidate run
	 * @param thresholdPercent the allowed growth, 0 or more
	 * @return one delta per step of either run
	 */
	public static List<StepDelta> compare(BenchRecord baseline, BenchRecord candidate, double thresholdPercent) {
		return compare(candidate.name(), StepTable.of(baseline), StepTable.of(candidate), thresholdPercent);
	}

	/**
	 * The per-step deltas of a benchmarker from its step tables.
	 * @param bench the benchmarker's name
	 * @param baseline the baseline's rows
	 * @param candidate the candidate's rows
	 * @param thresholdPercent the allowed growth, 0 or more
	 * @return one delta per step of either run
	 * @see #compare(BenchRecord, BenchRecord, double)
	 */
	public static List<StepDelta> compare(String bench, List<StepRow> baseline, List<StepRow> candidate,
			double thresholdPercent) {
		if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
			throw new IllegalArgumentException(
					"The threshold must be a percentage of 0 or more, was " + thresholdPercent);
		}
		Map<String, StepRow> before = byStep(baseline);
		Map<String, StepRow> after = byStep(candidate);
		List<String> steps = new ArrayList<>(before.keySet());
		after.keySet().stream().filter((step) -> !before.containsKey(step)).forEach(steps::add);
		if (steps.remove(StepRow.GLOBAL)) {
			steps.add(StepRow.GLOBAL);
		}
		List<StepDelta> deltas = new ArrayList<>();
		for (String step : steps) {
			deltas.add(delta(bench, step, before.get(step), after.get(step), thresholdPercent));
		}
		return List.copyOf(deltas);
	}

	private static StepDelta delta(String bench, String step, StepRow before, StepRow after, double threshold) {
		if (before == null) {
			return new StepDelta(bench, step, null, after.mean(), null, null, after.quantileFiltered(), null,
					Status.ADDED);
		}
		if (after == null) {
			return new StepDelta(bench, step, before.mean(), null, null, before.quantileFiltered(), null, null,
					Status.REMOVED);
		}
		Double meanChange = changePercent(before.mean(), after.mean());
		Double filteredChange = changePercent(before.quantileFiltered(), after.quantileFiltered());
		return new StepDelta(bench, step, before.mean(), after.mean(), meanChange, before.quantileFiltered(),
				after.quantileFiltered(), filteredChange, status(meanChange, filteredChange, threshold));
	}

	/**
	 * The change from one value to another, in percent of the first.
	 * @param baseline the first value
	 * @param candidate the second value
	 * @return the change, 0 when both are 0, {@code null} when only the baseline is 0
	 */
	public static Double changePercent(double baseline, double candidate) {
		if (baseline == 0) {
			return (candidate == 0) ? 0.0 : null;
		}
		return (candidate - baseline) / baseline * 100;
	}

	private static Status status(Double meanChange, Double filteredChange, double threshold) {
		if (exceeds(meanChange, threshold) || exceeds(filteredChange, threshold)) {
			return Status.SLOWER;
		}
		if (exceeds(negate(meanChange), threshold) || exceeds(negate(filteredChange), threshold)) {
			return Status.FASTER;
		}
		return Status.UNCHANGED;
	}

	private static boolean exceeds(Double change, double threshold) {
		// The tolerance keeps a change of exactly the threshold (10.000000000000002 for
		// 0.010 -> 0.011) unflagged.
		return change != null && change > threshold + TOLERANCE;
	}

	private static Double negate(Double change) {
		return (change != null) ? -change : null;
	}

	private static Map<String, StepRow> byStep(List<StepRow> rows) {
		Map<String, StepRow> map = new LinkedHashMap<>();
		rows.forEach((row) -> map.put(row.step(), row));
		return map;
	}

}
