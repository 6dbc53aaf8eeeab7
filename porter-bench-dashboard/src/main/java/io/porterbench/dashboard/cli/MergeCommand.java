package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.porterbench.merge.RunMerge;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge}: the runs of several instances or workers become one run folder with
 * exact summaries over all of their iterations, which {@code summary}, {@code plots},
 * {@code diff} and the dashboard read like any other run.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Merges runs of the same benchmarkers saved by several instances or workers into one new run "
				+ "folder under ROOT: every iteration, in start-time order, each naming its source run; summaries "
				+ "computed exactly over all of them.")
final class MergeCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	// Checked here rather than by picocli, so that a missing argument is one line and
	// exit status 2 like other bad
	// input, not a usage page
	@Parameters(arity = "0..*", paramLabel = "RUN",
			description = "A run folder, or a folder holding TICTOC_PERFORMANCE or run folders (its latest run).")
	private List<Path> runs = new ArrayList<>();

	@Option(names = "--output", paramLabel = "ROOT",
			description = "The folder that gets the merged run folder, created if missing.")
	private Path output;

	@Override
	public Integer call() {
		if (this.runs.isEmpty()) {
			throw new BadInputException("No runs to merge: give one or more run folders, then --output ROOT");
		}
		if (this.output == null) {
			throw new BadInputException("Missing --output ROOT: the folder that gets the merged run folder");
		}
		Path merged = RunMerge.merge(this.runs, this.output);
		PrintWriter out = this.spec.commandLine().getOut();
		RunRecord record = RunRecord.load(merged);
		out.println("Merged " + this.runs.size() + " run(s):");
		for (Path run : this.runs) {
			out.println("  " + run.toAbsolutePath().normalize());
		}
		for (BenchRecord bench : record.benches().values()) {
			out.println(bench.name() + ": " + bench.iterations().size() + " iterations");
		}
		out.println("Merged run: " + merged);
		out.flush();
		return 0;
	}

}
