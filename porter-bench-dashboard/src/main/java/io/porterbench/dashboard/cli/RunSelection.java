package io.porterbench.dashboard.cli;

import java.nio.file.Path;

import io.porterbench.dashboard.LoadedRun;
import picocli.CommandLine.Option;

/**
 * The {@code --path} and {@code --run} options shared by the commands that read one saved
 * run.
 */
final class RunSelection {

	@Option(names = "--path", defaultValue = ".", paramLabel = "DIR",
			description = "Folder holding TICTOC_PERFORMANCE, a folder of runs, or a run folder"
					+ " (default: ${DEFAULT-VALUE}).")
	private Path path;

	@Option(names = "--run", paramLabel = "NAME",
			description = "A run folder's name under the root (default: the latest).")
	private String run;

	/**
	 * Loads the selected run.
	 * @return the latest run under the path, or the named one
	 */
	LoadedRun load() {
		return RunLocator.locate(this.path, this.run);
	}

	boolean isNamed() {
		return this.run != null;
	}

}
