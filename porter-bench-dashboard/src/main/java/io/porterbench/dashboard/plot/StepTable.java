package io.porterbench.dashboard.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedIteration;
import io.porterbench.record.SavedStepSummary;

/**
 * The per-step table of a benchmarker: read from its SUMMARY file, or, when that file is
 * missing or empty, computed from its DATA file the way the original computes it (over
 * per-iteration sums, only where the step occurs). GLOBAL is always last.
 */
public final class StepTable {

	private StepTable() {
	}

	/**
	 * The rows of a benchmarker.
	 * @param bench the saved benchmarker
	 * @return one row per step, GLOBAL last; empty when the benchmarker has neither
	 * summary nor iterations
	 */
	public static List<StepRow> of(BenchRecord bench) {
		List<StepRow> rows = (bench.summary() == null || bench.summary().isEmpty()) ? fromIterations(bench.iterations())
				: fromSummary(bench.summary());
		return globalLast(rows);
	}

	private static List<StepRow> fromSummary(Map<String, SavedStepSummary> summary) {
		List<StepRow> rows = new ArrayList<>();
		summary.forEach((step, s) -> rows.add(new StepRow(step, s.count(), s.mean(), s.min(), s.max(),
				s.quantileFiltered(), s.std(), s.p50(), s.p90(), s.p99())));
		return rows;
	}

	private static List<StepRow> fromIterations(List<SavedIteration> iterations) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		if (iterations != null) {
			for (SavedIteration iteration : iterations) {
				iteration.absolutes()
					.forEach((step, v) -> values.computeIfAbsent(step, (k) -> new ArrayList<>()).add(v));
			}
		}
		List<StepRow> rows = new ArrayList<>();
		values.forEach((step, list) -> rows.add(row(step, list.stream().mapToDouble(Double::doubleValue).toArray())));
		return rows;
	}

	/**
	 * The statistics of one step's per-iteration values, as the original's summary
	 * computes them, plus count, std and percentiles.
	 * @param step the topic
	 * @param values the per-iteration sums, at least one
	 * @return the row
	 */
	static StepRow row(String step, double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		double variance = Arrays.stream(sorted).map((v) -> (v - mean) * (v - mean)).average().orElse(0);
		return new StepRow(step, (long) sorted.length, mean, sorted[0], sorted[sorted.length - 1],
				quantileFiltered(sorted), Math.sqrt(variance), percentile(sorted, 50), percentile(sorted, 90),
				percentile(sorted, 99));
	}

	/**
	 * The mean of the values inside the Tukey fences
	 * {@code [max(q25 - 1.5 IQR, 0), q75 + 1.5 IQR]}.
	 * @param sorted the values, ascending, at least one
	 * @return the filtered mean
	 */
	static double quantileFiltered(double[] sorted) {
		double q25 = percentile(sorted, 25);
		double q75 = percentile(sorted, 75);
		double iqr = q75 - q25;
		double low = Math.max(q25 - 1.5 * iqr, 0);
		double high = q75 + 1.5 * iqr;
		return Arrays.stream(sorted)
			.filter((v) -> v >= low && v <= high)
			.average()
			.orElseGet(() -> Arrays.stream(sorted).average().orElse(0));
	}

	/**
	 * A percentile with linear interpolation between closest ranks (numpy's default).
	 * @param sorted the values, ascending, at least one
	 * @param percent 0 to 100
	 * @return the percentile
	 */
	static double percentile(double[] sorted, double percent) {
		double rank = percent / 100 * (sorted.length - 1);
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, sorted.length - 1);
		return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
	}

	private static List<StepRow> globalLast(List<StepRow> rows) {
		List<StepRow> ordered = new ArrayList<>();
		rows.stream().filter((row) -> !row.isGlobal()).forEach(ordered::add);
		rows.stream().filter(StepRow::isGlobal).forEach(ordered::add);
		return List.copyOf(ordered);
	}

}
