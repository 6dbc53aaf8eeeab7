package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.porterbench.dashboard.LoadedRun;
import io.porterbench.dashboard.plot.PlotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plots}: the original's {@code generate_plots.py}, headless: four PNG files per
 * benchmarker of a run, each file printed as it is written.
 */
@Command(name = "plots", mixinStandardHelpOptions = true,
		description = "Writes <name>_times.png, <name>_bars.png, <name>_crono.png and <name>_memory.png (when there"
				+ " is memory data) for every benchmarker of the latest or the named run.")
final class PlotsCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private RunSelection selection;

	@Option(names = "--output", defaultValue = "PLOTS", paramLabel = "DIR",
			description = "Folder to write the PNG files into, created if missing (default: ${DEFAULT-VALUE}).")
	private Path output;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		LoadedRun loaded = this.selection.load();
		out.println("Loading " + (this.selection.isNamed() ? "record" : "latest record") + " from: " + loaded.folder());
		List<String> names = loaded.benchNames().stream().filter(loaded::isServable).toList();
		out.println("Found benchmarkers: " + names);
		for (String problem : loaded.runProblems()) {
			out.println("  Problem: " + problem);
		}
		Path outputDir = this.output.toAbsolutePath().normalize();
		for (String name : loaded.benchNames()) {
			out.println("--- Plotting '" + name + "' ---");
			loaded.problemsOf(name).forEach((problem) -> out.println("  Problem: " + problem));
			if (!loaded.isServable(name)) {
				out.println("  Skipping (its files could not be read)");
				continue;
			}
			PlotWriter.Written written = PlotWriter.write(loaded.bench(name), loaded.name(), outputDir);
			written.files().forEach((file) -> out.println("  Saved: " + file));
			if (written.memorySkipped()) {
				out.println("  Skipping memory plots (no memory data)");
			}
			out.flush();
		}
		out.println("All plots saved to: " + outputDir + "/");
		out.flush();
		return 0;
	}

}
