package io.porterbench.dashboard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import io.porterbench.dashboard.LoadedRun;
import io.porterbench.dashboard.RunCatalog;
import io.porterbench.dashboard.RunEntry;
import io.porterbench.record.RunFolders;
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
		return locate(this.path, this.run);
	}

	boolean isNamed() {
		return this.run != null;
	}

	/**
	 * Loads a run.
	 * @param path a run folder, or a root
	 * @param runName a run under the root, or {@code null} for the latest (or for the run
	 * folder itself)
	 * @return the loaded run
	 * @throws BadInputException if the folder or the run does not exist
	 */
	static LoadedRun locate(Path path, String runName) {
		Path absolute = path.toAbsolutePath().normalize();
		if (!Files.isDirectory(absolute)) {
			throw new BadInputException("No such folder: " + absolute);
		}
		if (runName == null && RunFolders.holdsRunFiles(absolute) && absolute.getParent() != null) {
			RunCatalog parent = new RunCatalog(absolute.getParent());
			String name = absolute.getFileName().toString();
			if (parent.runFolder(name).isPresent()) {
				return parent.load(name);
			}
		}
		RunCatalog catalog = new RunCatalog(absolute);
		if (runName != null) {
			if (catalog.runFolder(runName).isEmpty()) {
				throw new BadInputException("No run named '" + runName + "' under " + catalog.root() + "; runs: "
						+ catalog.runs().stream().map(RunEntry::name).collect(Collectors.joining(", ", "[", "]")));
			}
			return catalog.load(runName);
		}
		RunEntry latest = catalog.latest()
			.orElseThrow(() -> new BadInputException("No saved run under " + catalog.root()
					+ " (expected run folders such as 2026-11-26_15-12-03, or a TICTOC_PERFORMANCE folder)"));
		return catalog.load(latest.name());
	}

}
