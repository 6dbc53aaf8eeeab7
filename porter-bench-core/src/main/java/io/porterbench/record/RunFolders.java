package io.porterbench.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
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

	private static final LinkOption[] NO_FOLLOW = { LinkOption.NOFOLLOW_LINKS };

	private static final LinkOption[] FOLLOW = {};

	private static final Comparator<RunFolder> NEWEST_FIRST_THEN_BY_NAME = Comparator
		.comparing((RunFolder run) -> run.time().isEmpty())
		.thenComparing((RunFolder run) -> run.time().orElse(null),
				Comparator.nullsLast(Comparator.<RunFolderNames.RunTime>naturalOrder().reversed()))
		.thenComparing(RunFolder::name);

	private static final Comparator<RunFolder> OLDEST_FIRST_THEN_BY_NAME = Comparator
		.comparing((RunFolder run) -> run.time().isEmpty())
		.thenComparing((RunFolder run) -> run.time().orElse(null),
				Comparator.nullsLast(Comparator.<RunFolderNames.RunTime>naturalOrder()))
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
		return kind(fileName).isPresent();
	}

	/**
	 * The benchmarker a run file belongs to.
	 * @param fileName a file name
	 * @return the name before the suffix, or empty when the file is not a run file
	 */
	public static Optional<String> benchName(String fileName) {
		return kind(fileName).map((kind) -> fileName.substring(0, fileName.length() - kind.ending.length()));
	}

	/**
	 * Which of a run's files a file name is.
	 * @param fileName a file name
	 * @return its kind, or empty when the file is not a run file
	 */
	static Optional<Kind> kind(String fileName) {
		if (fileName == null || fileName.startsWith(".")) {
			return Optional.empty();
		}
		for (Kind kind : Kind.values()) {
			if (fileName.endsWith(kind.ending) && fileName.length() > kind.ending.length()) {
				return Optional.of(kind);
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
		return holdsRunFiles(folder, Listing.TOOLS);
	}

	static boolean holdsRunFiles(Path folder, Listing listing) {
		return !runFiles(folder, listing).isEmpty();
	}

	/**
	 * The run files directly in a folder, as the listing counts them.
	 * @param folder a folder
	 * @param listing how to list
	 * @return the files, in the order the file system lists them
	 * @throws UncheckedIOException if the listing is strict and the folder cannot be
	 * listed
	 */
	static List<Path> runFiles(Path folder, Listing listing) {
		List<Path> files = new ArrayList<>();
		for (Path entry : children(folder, listing)) {
			if (isRunFile(entry.getFileName().toString()) && (!listing.strict() || Files.isRegularFile(entry))) {
				files.add(entry);
			}
		}
		return files;
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
		return list(root, Listing.TOOLS);
	}

	/**
	 * The runs directly under a root, as a listing finds them.
	 * @param root the folder of runs
	 * @param listing how to list
	 * @return the runs, in the listing's order
	 * @throws UncheckedIOException if the listing is strict and a folder cannot be listed
	 */
	static List<RunFolder> list(Path root, Listing listing) {
		LinkOption[] links = listing.followLinks() ? FOLLOW : NO_FOLLOW;
		List<RunFolder> runs = new ArrayList<>();
		for (Path child : children(root, listing)) {
			String name = child.getFileName().toString();
			if (name.startsWith(".") || !Files.isDirectory(child, links)) {
				continue;
			}
			Optional<RunFolderNames.RunTime> time = RunFolderNames.parse(name);
			if (time.isPresent() || (!listing.timedOnly() && holdsRunFiles(child, listing))) {
				runs.add(new RunFolder(name, child, time));
			}
		}
		runs.sort(listing.oldestFirst() ? OLDEST_FIRST_THEN_BY_NAME : NEWEST_FIRST_THEN_BY_NAME);
		return List.copyOf(runs);
	}

	private static List<Path> children(Path folder, Listing listing) {
		List<Path> children = new ArrayList<>();
		if (!listing.strict() && !Files.isDirectory(folder)) {
			return children;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
			stream.forEach(children::add);
		}
		catch (IOException ex) {
			failIfStrict(listing, folder, ex);
		}
		catch (DirectoryIteratorException ex) {
			failIfStrict(listing, folder, ex.getCause());
		}
		catch (RuntimeException ex) {
			if (listing.strict()) {
				throw ex;
			}
		}
		return children;
	}

	private static void failIfStrict(Listing listing, Path folder, IOException ex) {
		// a forgiving listing shows an unreadable folder as empty, so one bad folder
		// never
		// hides the others
		if (listing.strict()) {
			throw new UncheckedIOException("Could not list the folder " + folder, ex);
		}
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

	/** The three kinds of run file, by the end of their names. */
	enum Kind {

		DATA(RunFiles.DATA_SUFFIX), SUMMARY(RunFiles.SUMMARY_SUFFIX), MEMORY(RunFiles.MEMORY_SUFFIX);

		private final String ending;

		Kind(String suffix) {
			this.ending = suffix + RunFiles.EXTENSION;
		}

	}

	/**
	 * How a listing treats links, foreign names, order and unreadable folders: the tools
	 * and {@link RunRecord} promise different things, so they list through the same code
	 * with different settings.
	 *
	 * @param followLinks whether a link to a folder counts as a run folder
	 * @param timedOnly whether only folders named as a run time count, not foreign-named
	 * folders that hold run files
	 * @param oldestFirst whether runs are sorted oldest first rather than newest first
	 * @param strict whether an unreadable folder is an {@link UncheckedIOException}
	 * (rather than empty) and only regular files count as run files (rather than any
	 * entry with a run file's name)
	 */
	record Listing(boolean followLinks, boolean timedOnly, boolean oldestFirst, boolean strict) {

		/**
		 * The dashboard's and the command line tool's: a link could lead outside the root
		 * they serve, so it is skipped; a folder named otherwise that holds run files is
		 * a run; newest first; an unreadable folder lists as empty.
		 */
		static final Listing TOOLS = new Listing(false, false, false, false);

		/**
		 * {@link RunRecord}'s, as its Javadoc promises: links followed, only folders
		 * named as a run time, oldest first, an unreadable folder is an exception.
		 */
		static final Listing RECORD = new Listing(true, true, true, true);

	}

}
