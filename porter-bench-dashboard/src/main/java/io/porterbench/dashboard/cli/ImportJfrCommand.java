package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.porterbench.jfr.JfrImport;
import io.porterbench.jfr.JfrImportResult;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import-jfr}: writes a run folder from the porter-bench events of a JFR
 * recording, which {@code summary}, {@code diff}, {@code plots} and the dashboard then
 * read like any other run.
 */
@Command(name = "import-jfr", mixinStandardHelpOptions = true,
		description = { "Writes a run folder from the porterbench.Step and porterbench.Iteration events of a JFR"
				+ " recording; each iteration gets gc_pause_seconds (the GC pause time within it) in its gstop extra.",
				"A truncated recording is imported up to its last complete chunk, with a warning.",
				"Exit status: 0 imported, 2 bad input (nothing written)." })
final class ImportJfrCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "RECORDING.jfr", description = "The recording.")
	private Path recording;

	@Option(names = "--path", defaultValue = ".", paramLabel = "ROOT",
			description = "Folder holding TICTOC_PERFORMANCE, or a folder of runs, where the run folder is written"
					+ " (default: ${DEFAULT-VALUE}; TICTOC_PERFORMANCE is created in it when it has neither).")
	private Path path;

	@Override
	public Integer call() {
		Path runsRoot = runsRoot(this.path.toAbsolutePath().normalize());
		JfrImportResult result = JfrImport.importRecording(this.recording, runsRoot);
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		result.truncation().ifPresent((line) -> err.println("warning: " + line));
		err.flush();
		out.println("Imported " + this.recording + " into " + result.runFolder());
		result.closedIterations().forEach((name, closed) -> {
			int open = result.openIterations().getOrDefault(name, 0);
			out.println("  " + name + ": " + closed + " iterations" + ((open > 0) ? " (+" + open + " open)" : ""));
		});
		if (!result.gcPausesRecorded()) {
			out.println("The recording has no GC pause events: gc_pause_seconds was not written");
		}
		out.flush();
		return 0;
	}

	private static Path runsRoot(Path path) {
		if (!Files.isDirectory(path)) {
			throw new BadInputException("No such folder: " + path);
		}
		if (RunFolders.holdsRunFiles(path)) {
			throw new BadInputException(path + " is a run folder; give the folder that holds the runs");
		}
		Path runsRoot = RunFolders.runsRoot(path);
		boolean isRunsRoot = !runsRoot.equals(path)
				|| (path.getFileName() != null && path.getFileName().toString().equals(RunFiles.RUNS_FOLDER))
				|| !RunFolders.list(path).isEmpty();
		return isRunsRoot ? runsRoot : path.resolve(RunFiles.RUNS_FOLDER);
	}

}
