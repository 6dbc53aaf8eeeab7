package io.porterbench.record;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds saved runs: which files are run files, which folders hold runs, and the runs
 * under a root, for every tool that reads them (the dashboard, the command line tool,
 * {@link RunRecord}).
 */
public final class RunFolders {

	private static final List<String> ENDINGS = List.of(RunFiles.DATA_SUFFIX + RunFiles.EXTENSION,
			RunFiles.SUMMARY_SUFFIX + RunFiles.EXTENSION, RunFiles.MEMORY_SUFFIX + RunFiles.EXTENSION);

	private static final Comparator<RunFolder> NEWEST_FIRST_THEN_BY_NAME = Comparator
		.comparing((RunFolder run) -> run.time().isEmpty())
		.thenComparing((RunFolder run) -> run.time().orElse(null),
				Comparator.nullsLast(Comparator.<RunFolderNames.RunTime>naturalOrder().reversed()))
		.thenComparing(RunFolder::name);

	private RunFolders() {
	}

	/**
	 * Whether a file name is one of a run's files.
	 * @param fileName a file name
	 * @return true for {@code <name>_STEP_DICT_DATA.json},
	 * {@code <name>_STEP_DICT_SUMMARY.json} and {@code <name>_MEMORY.json} with a
	 * non-empty name, not hidden
	 */
	public static boolean isRunFile(String fileName) {
		return benchName(fileName).isPresent();
	}

	/**
	 * The benchmarker a run file belongs to.
	 * @param fileName a file name
	 * @return the name before the suffix, or empty when the file is not a run file
	 */
	public static Optional<String> benchName(String fileName) {
		if (fileName == null || fileName.startsWith(".")) {
			return Optional.empty();
		}
		for (String ending : ENDINGS) {
			if (fileName.endsWith(ending) && fileName.length() > ending.length()) {
				return Optional.of(fileName.substring(0, fileName.length() - ending.length()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether a folder holds at least one file named as a run file. An unreadable or
	 * missing folder holds none.
	 * @param folder a folder
	 * @return true if an entry of the folder has a run file's name
	 */
	public static boolean holdsRunFiles(Path folder) {
		return children(folder).stream().anyMatch((entry) -> isRunFile(entry.getFileName().toString()));
	}

	/**
	 * Where a folder keeps its runs.
	 * @param folder a folder
	 * @return its {@code TICTOC_PERFORMANCE} subfolder if it has one, else the folder
	 * itself
	 */
	public static Path runsRoot(Path folder) {
		Path nested = folder.resolve(RunFiles.RUNS_FOLDER);
		return Files.isDirectory(nested) ? nested : folder;
	}

	/**
	 * The runs directly under a root: real folders (not links), not hidden, named as a
	 * run time in either of porter-bench's or the original's forms, or holding run files.
	 * @param root the folder of runs
	 * @return the runs, newest first, then those named otherwise by name; empty when the
	 * root is missing or unreadable
	 */
	public static List<RunFolder> list(Path root) {
		List<RunFolder> runs = new ArrayList<>();
		for (Path child : children(root)) {
			String name = child.getFileName().toString();
			if (name.startsWith(".") || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
				continue;
			}
			Optional<RunFolderNames.RunTime> time = RunFolderNames.parse(name);
			if (time.isPresent() || holdsRunFiles(child)) {
				runs.add(new RunFolder(name, child, time));
			}
		}
		runs.sort(NEWEST_FIRST_THEN_BY_NAME);
		return List.copyOf(runs);
	}

	private static List<Path> children(Path folder) {
		List<Path> children = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return children;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
			stream.forEach(children::add);
		}
		catch (IOException | RuntimeException ex) {
			// an unreadable folder lists as empty, so one bad folder never hides the
			// others
		}
		return children;
	}

	/**
	 * A run folder found under a root.
	 *
	 * @param name the folder's name
	 * @param path the folder
	 * @param time when the run started, as its folder name says, or empty for a folder
	 * named otherwise
	 */
	public record RunFolder(String name, Path path, Optional<RunFolderNames.RunTime> time) {
	}

}
