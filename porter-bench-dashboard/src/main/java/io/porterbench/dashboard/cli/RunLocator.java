package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.porterbench.dashboard.LoadedRun;
import io.porterbench.dashboard.RunCatalog;
import io.porterbench.dashboard.RunEntry;

/**
 * Finds the run a command works on: a run folder given directly, a named run under a
 * root, or the latest run under a root (a folder of runs, or a folder holding
 * {@code TICTOC_PERFORMANCE} as the original's {@code --path} does).
 */
final class RunLocator {

	private RunLocator() {
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
		if (runName == null && holdsRunFiles(absolute) && absolute.getParent() != null) {
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

	private static boolean holdsRunFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.anyMatch((file) -> RunCatalog.isRunFile(file.getFileName().toString()));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
