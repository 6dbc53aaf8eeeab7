package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.porterbench.dashboard.LoadedRun;
import io.porterbench.dashboard.RunComparison;
import io.porterbench.dashboard.StepDelta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: compares every benchmarker the two runs share, step by step, and fails
 * (exit status 1) when a step got slower than the threshold.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = {
				"Compares the steps of two runs. A step regresses when its mean or its quantile-filtered mean"
						+ " grew by more than the threshold: (candidate - baseline) / baseline * 100 > PERCENT.",
				"Exit status: 0 no regression, 1 at least one regression, 2 bad input." })
final class DiffCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--baseline", required = true, paramLabel = "RUN_A",
			description = "The reference: a run folder, or a root whose latest run is taken.")
	private Path baseline;

	@Option(names = "--candidate", required = true, paramLabel = "RUN_B",
			description = "The run under test: a run folder, or a root whose latest run is taken.")
	private Path candidate;

	@Option(names = "--threshold", defaultValue = "10", paramLabel = "PERCENT",
			description = "Allowed growth in percent, 0 or more (default: ${DEFAULT-VALUE}).")
	private double threshold;

	@Option(names = "--bench", paramLabel = "NAME",
			description = "Only these benchmarkers (repeatable; default: every one both runs have).")
	private List<String> benches;

	@Override
	public Integer call() {
		if (!(this.threshold >= 0) || Double.isInfinite(this.threshold)) {
			throw new BadInputException("--threshold must be a percentage of 0 or more, was " + this.threshold);
		}
		LoadedRun before = RunSelection.locate(this.baseline, null);
		LoadedRun after = RunSelection.locate(this.candidate, null);
		List<String> names = names(before, after);
		List<StepDelta> deltas = new ArrayList<>();
		for (String name : names) {
			deltas.addAll(RunComparison.compare(before.bench(name), after.bench(name), this.threshold));
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.println("Baseline:  " + before.folder());
		out.println("Candidate: " + after.folder());
		out.printf(Locale.ROOT,
				"Threshold: %s%% (a step regresses when its mean or quantile-filtered mean grows by" + " more)%n%n",
				TextTable.number(this.threshold));
		TextTable table = new TextTable(2, "bench", "step", "mean A", "mean B", "change", "q-filt A", "q-filt B",
				"change", "verdict");
		for (StepDelta delta : deltas) {
			table.row(delta.bench(), delta.step(), TextTable.seconds(delta.baselineMean()),
					TextTable.seconds(delta.candidateMean()), TextTable.percent(delta.meanChangePercent()),
					TextTable.seconds(delta.baselineFiltered()), TextTable.seconds(delta.candidateFiltered()),
					TextTable.percent(delta.filteredChangePercent()), delta.status().name().toLowerCase(Locale.ROOT));
		}
		table.print(out);
		long regressions = deltas.stream().filter(StepDelta::isRegression).count();
		out.println();
		out.printf(Locale.ROOT, "%d step(s) regressed beyond %s%%.%n", regressions, TextTable.number(this.threshold));
		out.flush();
		return (regressions > 0) ? PorterBenchCli.EXIT_REGRESSION : 0;
	}

	private List<String> names(LoadedRun before, LoadedRun after) {
		List<String> shared = before.benchNames()
			.stream()
			.filter((name) -> before.isServable(name) && after.isServable(name))
			.toList();
		if (this.benches == null || this.benches.isEmpty()) {
			if (shared.isEmpty()) {
				throw new BadInputException("The runs share no readable benchmarker: baseline has "
						+ before.benchNames() + ", candidate has " + after.benchNames());
			}
			return shared;
		}
		for (String name : this.benches) {
			if (!shared.contains(name)) {
				throw new BadInputException(
						"Benchmarker '" + name + "' is not readable in both runs; both have " + shared);
			}
		}
		return this.benches;
	}

}
