package io.porterbench.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.Benchmarker;
import io.porterbench.dashboard.plot.StepRow;
import io.porterbench.summary.StepStats;

/**
 * The live view's document for {@link LiveSummaries}: the summaries of a registry's
 * benchmarkers now.
 *
 * <p>
 * Apart from the summaries so that their bean's declared methods, which Spring reads at
 * startup, name none of the types used here.
 */
final class LiveBenches {

	private LiveBenches() {
	}

	/**
	 * The summaries now.
	 * @param dict the registry, or {@code null} when the application has none
	 * @return one entry per benchmarker; a benchmarker whose summary fails gets an error
	 * line instead
	 */
	static DashboardJson.Live take(BenchDict dict) {
		if (dict == null) {
			return new DashboardJson.Live(false, List.of());
		}
		List<DashboardJson.LiveBench> benches = new ArrayList<>();
		for (Benchmarker bench : dict.benchmarkers()) {
			benches.add(summarize(bench));
		}
		return new DashboardJson.Live(true, benches);
	}

	private static DashboardJson.LiveBench summarize(Benchmarker bench) {
		try {
			BenchSummary summary = bench.summary();
			List<StepRow> steps = new ArrayList<>();
			summary.steps().forEach((step, stats) -> steps.add(row(step, stats)));
			return new DashboardJson.LiveBench(summary.name(), summary.iterations(), summary.openIterations(), steps,
					summary.memory().orElse(null), null);
		}
		catch (RuntimeException ex) {
			return new DashboardJson.LiveBench(bench.name(), 0, 0, List.of(), null,
					"The summary could not be taken: " + ex.getMessage());
		}
	}

	private static StepRow row(String step, StepStats stats) {
		return new StepRow(step, stats.count(), stats.mean(), stats.min(), stats.max(), stats.quantileFiltered(),
				stats.std(), stats.p50(), stats.p90(), stats.p99());
	}

}
