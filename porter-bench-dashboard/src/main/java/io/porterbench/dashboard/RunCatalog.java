package io.porterbench.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunFolders;
import io.porterbench.record.RunRecord;

/**
 * The saved runs under one root folder, as the dashboard and the command line tool see
 * them.
 *
 * <p>
 * A run is a real (not symbolic link) folder directly under the root whose name is a run
 * time in either of porter-bench's or the original's forms, or that holds run files. Runs
 * and benchmarkers are only ever looked up by name among those listed here, never by a
 * path taken from a request, so nothing outside the root can be named. Run files that are
 * links resolving outside the root are refused: they are never read. When the root itself
 * holds no run but has a {@code TICTOC_PERFORMANCE} folder (the original's {@code --path}
 * convention), that folder is the root.
 *
 * <p>
 * Loaded runs are cached while their files are unchanged. Thread-safe.
 */
public final class RunCatalog {

	/**
	 * The name of the folder of runs that the original creates under its working
	 * directory.
	 */
	public static final String RUNS_FOLDER = "TICTOC_PERFORMANCE";

	private static final int CACHED_RUNS = 4;

	private static final List<String> SUFFIXES = List.of(RunFiles.DATA_SUFFIX + RunFiles.EXTENSION,
			RunFiles.SUMMARY_SUFFIX + RunFiles.EXTENSION, RunFiles.MEMORY_SUFFIX + RunFiles.EXTENSION);

	private final Path root;

	private final LruCache<String, Cached> cache = new LruCache<>(CACHED_RUNS);

	/**
	 * A catalog of the runs under a root.
	 * @param root the folder holding run folders, or the folder holding
	 * {@code TICTOC_PERFORMANCE}; it need not exist yet
	 */
	public RunCatalog(Path root) {
		this.root = resolveRoot(root.toAbsolutePath().normalize());
	}

	private static Path resolveRoot(Path root) {
		Path nested = root.resolve(RUNS_FOLDER);
		if (Files.isDirectory(nested, LinkOption.NOFOLLOW_LINKS) && RunFolders.list(root).isEmpty()) {
			return nested;
		}
		return root;
	}

	/**
	 * The folder whose subfolders are the runs.
	 * @return an absolute path
	 */
	public Path root() {
		return this.root;
	}

	/**
	 * The runs, newest first; runs with foreign folder names come last, by name.
	 * @return the runs found now; empty when the root does not exist
	 */
	public List<RunEntry> runs() {
		return RunFolderScan.runs(this.root);
	}

	/**
	 * The newest run.
	 * @return the run, or empty when there is none
	 */
	public Optional<RunEntry> latest() {
		return runs().stream().findFirst();
	}

	/**
	 * Looks up a run by name among those listed.
	 * @param name a name as listed by {@link #runs()}
	 * @return the run folder, or empty when no listed run has this name
	 */
	public Optional<Path> runFolder(String name) {
		if (name == null) {
			return Optional.empty();
		}
		return runs().stream()
			.filter((run) -> run.name().equals(name))
			.findFirst()
			.map((run) -> this.root.resolve(run.name()));
	}

	/**
	 * Loads a run by name.
	 * @param name a name as listed by {@link #runs()}
	 * @return the run
	 * @throws NoSuchRunException if no listed run has this name
	 */
	public LoadedRun load(String name) {
		Path folder = runFolder(name).orElseThrow(NoSuchRunException.noRunNamed(name));
		RunFolderScan.Stamp stamp = RunFolderScan.stamp(folder);
		Cached cached = this.cache.get(name);
		if (cached != null && cached.stamp().equals(stamp)) {
			return cached.run();
		}
		LoadedRun run = read(name, folder, stamp.files());
		this.cache.put(name, new Cached(stamp, run));
		return run;
	}

	private LoadedRun read(String name, Path folder, List<String> files) {
		Set<String> benchNames = new TreeSet<>();
		Set<String> refused = new TreeSet<>();
		Map<String, List<String>> benchProblems = new LinkedHashMap<>();
		for (String file : files) {
			String bench = RunFolders.benchName(file).orElseThrow();
			benchNames.add(bench);
			if (!isInsideRoot(folder.resolve(file))) {
				refused.add(bench);
				benchProblems.computeIfAbsent(bench, (k) -> new ArrayList<>())
					.add(file + ": links outside the root, not read");
			}
		}
		List<String> runProblems = new ArrayList<>();
		Map<String, BenchRecord> benches = new LinkedHashMap<>();
		try {
			RunRecord record = RunRecord.load(folder);
			for (String bench : record.benchNames()) {
				if (!refused.contains(bench)) {
					benchNames.add(bench);
					benches.put(bench, record.bench(bench));
				}
			}
			for (String problem : record.problems()) {
				attribute(sanitize(problem, folder), benchNames, refused, benchProblems, runProblems);
			}
		}
		catch (RuntimeException ex) {
			runProblems.add("The run could not be read: " + sanitize(String.valueOf(ex.getMessage()), folder));
		}
		Map<String, List<String>> problems = new LinkedHashMap<>();
		benchNames.forEach((bench) -> problems.put(bench, List.copyOf(benchProblems.getOrDefault(bench, List.of()))));
		return new LoadedRun(name, folder, Map.copyOf(benches), List.copyOf(benchNames), problems,
				List.copyOf(runProblems), Set.copyOf(refused));
	}

	private static void attribute(String problem, Set<String> benchNames, Set<String> refused,
			Map<String, List<String>> benchProblems, List<String> runProblems) {
		boolean attributed = false;
		for (String bench : benchNames) {
			if (mentionsFileOf(problem, bench)) {
				attributed = true;
				if (!refused.contains(bench)) {
					benchProblems.computeIfAbsent(bench, (k) -> new ArrayList<>()).add(problem);
				}
			}
		}
		if (!attributed) {
			runProblems.add(problem);
		}
	}

	private static boolean mentionsFileOf(String problem, String bench) {
		for (String suffix : SUFFIXES) {
			int at = problem.indexOf(bench + suffix);
			// The file name must start the problem or follow a separator, so "a" never
			// claims "xa_MEMORY.json".
			if (at == 0 || (at > 0 && !isNameCharacter(problem.charAt(at - 1)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNameCharacter(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
	}

	/**
	 * Problems name files by their path; the page and the API show them relative to the
	 * run folder, so that the server's layout is never disclosed.
	 */
	private String sanitize(String problem, Path folder) {
		String separator = folder.getFileSystem().getSeparator();
		return problem.replace(folder + separator, "")
			.replace(this.root + separator, "")
			.replace(this.root.toString(), "");
	}

	private boolean isInsideRoot(Path file) {
		if (!Files.isSymbolicLink(file)) {
			return true;
		}
		try {
			return file.toRealPath().startsWith(this.root.toRealPath());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private record Cached(RunFolderScan.Stamp stamp, LoadedRun run) {
	}

}
