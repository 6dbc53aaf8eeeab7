package io.porterbench.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.Benchmarker;
import io.porterbench.summary.StepStats;
import io.porterbench.dashboard.plot.StepRow;

/**
 * Takes the summaries of the application's {@link BenchDict}, when it has one, for the
 * live view.
 */
public final class LiveSummaries {

	private final Supplier<BenchDict> benchDict;

	/**
	 * Live summaries of a registry looked up on each call.
	 * @param benchDict gives the registry, or {@code null} when the application has none
	 */
	public LiveSummaries(Supplier<BenchDict> benchDict) {
		this.benchDict = benchDict;
	}

	/**
	 * Whether there is a registry to summarize.
	 * @return true when the application has a {@link BenchDict}
	 */
	public boolean isAvailable() {
		return this.benchDict.get() != null;
	}

	/**
	 * The summaries now.
	 * @return one entry per benchmarker; a benchmarker whose summary fails gets an error
	 * line instead
	 */
	public DashboardJson.Live take() {
		BenchDict dict = this.benchDict.get();
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
