package io.porterbench.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds run folders and the run files in them. Anything that is not a run folder or a run
 * file (stray files, folders with other names, dot-files, temporary files of a save in
 * progress) is skipped, never an error.
 */
final class RunLocator {

	/** The three kinds of run file, by suffix. */
	enum Kind {

		DATA(RunFiles.DATA_SUFFIX), SUMMARY(RunFiles.SUMMARY_SUFFIX), MEMORY(RunFiles.MEMORY_SUFFIX);

		private final String ending;

		Kind(String suffix) {
			this.ending = suffix + RunFiles.EXTENSION;
		}

		/**
		 * The benchmarker a file belongs to, if the file is of this kind.
		 * @param fileName the file name
		 * @return the name before the suffix, or empty
		 */
		Optional<String> benchName(String fileName) {
			if (fileName.startsWith(".") || !fileName.endsWith(this.ending)
					|| fileName.length() == this.ending.length()) {
				return Optional.empty();
			}
			return Optional.of(fileName.substring(0, fileName.length() - this.ending.length()));
		}

	}

	private static final Comparator<Candidate> OLDEST_FIRST = Comparator.comparing(Candidate::time)
		.thenComparing((candidate) -> candidate.folder().getFileName().toString());

	private RunLocator() {
	}

	/**
	 * Resolves a path given by a user to an existing folder.
	 * @param path the path
	 * @return the absolute, normalised folder
	 * @throws IllegalArgumentException if it is missing or not a folder
	 */
	static Path existingFolder(Path path) {
		if (path == null) {
			throw new IllegalArgumentException("A folder path is required, got null");
		}
		Path folder = path.toAbsolutePath().normalize();
		if (!Files.exists(folder)) {
			throw new IllegalArgumentException("No folder at " + folder + ": it does not exist");
		}
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException(folder + " is a file; give the folder of a run or a folder of runs");
		}
		return folder;
	}

	/**
	 * The run folders reachable from a path, oldest first: the path itself if it holds
	 * run files; else the folders named as runs in its {@code TICTOC_PERFORMANCE}
	 * subfolder if it has one; else those directly in it.
	 * @param folder an existing folder
	 * @return the run folders, oldest first by the time in their names
	 */
	static List<Path> runFolders(Path folder) {
		if (isRunFolder(folder)) {
			return List.of(folder);
		}
		Path root = runsRoot(folder);
		List<Candidate> candidates = new ArrayList<>();
		forEachEntry(root, (entry) -> {
			String name = entry.getFileName().toString();
			if (!name.startsWith(".") && Files.isDirectory(entry)) {
				RunFolderNames.parse(name).ifPresent((time) -> candidates.add(new Candidate(entry, time)));
			}
		});
		candidates.sort(OLDEST_FIRST);
		return candidates.stream().map(Candidate::folder).toList();
	}

	/**
	 * Where a folder keeps its runs.
	 * @param folder an existing folder
	 * @return its {@code TICTOC_PERFORMANCE} subfolder if it has one, else the folder
	 * itself
	 */
	static Path runsRoot(Path folder) {
		Path nested = folder.resolve(RunFiles.RUNS_FOLDER);
		return Files.isDirectory(nested) ? nested : folder;
	}

	/**
	 * Whether a folder holds at least one run file.
	 * @param folder an existing folder
	 * @return true if a regular file in it has a run file's name
	 */
	static boolean isRunFolder(Path folder) {
		boolean[] found = { false };
		forEachEntry(folder, (entry) -> {
			if (!found[0] && kindOf(entry.getFileName().toString()) != null && Files.isRegularFile(entry)) {
				found[0] = true;
			}
		});
		return found[0];
	}

	/**
	 * The run files of a run folder, by benchmarker name and kind.
	 * @param folder an existing run folder
	 * @param into receives each benchmarker's files
	 */
	static void collectRunFiles(Path folder, Map<String, Map<Kind, Path>> into) {
		forEachEntry(folder, (entry) -> {
			String fileName = entry.getFileName().toString();
			Kind kind = kindOf(fileName);
			if (kind != null && Files.isRegularFile(entry)) {
				String bench = kind.benchName(fileName).orElseThrow();
				into.computeIfAbsent(bench, (name) -> new EnumMap<>(Kind.class)).put(kind, entry);
			}
		});
	}

	private static Kind kindOf(String fileName) {
		for (Kind kind : Kind.values()) {
			if (kind.benchName(fileName).isPresent()) {
				return kind;
			}
		}
		return null;
	}

	private static void forEachEntry(Path folder, Consumer<Path> action) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (Path entry : entries) {
				action.accept(entry);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the folder " + folder, ex);
		}
		catch (DirectoryIteratorException ex) {
			throw new UncheckedIOException("Could not list the folder " + folder, ex.getCause());
		}
	}

	private record Candidate(Path folder, RunFolderNames.RunTime time) {
	}

}
