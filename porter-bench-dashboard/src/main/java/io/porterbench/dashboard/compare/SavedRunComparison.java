package io.porterbench.dashboard.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunRecord;

/**
 * Compares saved runs given as folders: picks the baseline's runs (one run folder, or the
 * newest runs of a root, pooled), loads them and the new run through the core's
 * {@link RunRecord}, and compares every benchmarker they share. Every problem is an
 * {@link IllegalArgumentException} with a one-line message naming it.
 */
public final class SavedRunComparison {

	private SavedRunComparison() {
	}

	/**
	 * Picks the runs to compare.
	 * @param base a run folder, or a root of runs (the {@code TICTOC_PERFORMANCE} folder
	 * or the folder holding it)
	 * @param baselineRuns how many of the root's newest runs to pool, 1 or more; a run
	 * folder is always one run
	 * @param newRun a run folder, or a root whose newest run is taken
	 * @return the baseline's run folders (oldest first) and the new run's folder
	 * @throws IllegalArgumentException if a path is not a run or a root of runs, or no
	 * baseline run is left
	 */
	public static Selection select(Path base, int baselineRuns, Path newRun) {
		if (baselineRuns < 1) {
			throw new IllegalArgumentException("--baseline-runs must be 1 or more; was " + baselineRuns);
		}
		List<Path> newFolders = runFolders(newRun, "NEW");
		Path candidate = newFolders.get(newFolders.size() - 1);
		List<Path> baseFolders = runFolders(base, "BASE");
		boolean baseIsRun = baseFolders.size() == 1 && baseFolders.get(0).equals(base.toAbsolutePath().normalize());
		if (baseIsRun) {
			if (baselineRuns > 1) {
				throw new IllegalArgumentException("--baseline-runs " + baselineRuns + " pools the runs of a root, but"
						+ " BASE is a run folder (" + baseFolders.get(0) + "); give the folder that holds the runs");
			}
			return new Selection(baseFolders, candidate);
		}
		// Under the same root, only runs older than the new one make its baseline.
		int newAt = baseFolders.indexOf(candidate);
		List<Path> older = (newAt >= 0) ? baseFolders.subList(0, newAt) : baseFolders;
		if (older.isEmpty()) {
			throw new IllegalArgumentException("BASE has no run older than the new run " + candidate
					+ " to compare with: " + base.toAbsolutePath().normalize() + " holds only that run");
		}
		return new Selection(older.subList(Math.max(0, older.size() - baselineRuns), older.size()), candidate);
	}

	private static List<Path> runFolders(Path path, String role) {
		if (path == null) {
			throw new IllegalArgumentException(role + " is missing: give a run folder or a folder of runs");
		}
		List<Path> folders;
		try {
			folders = RunRecord.runFolders(path);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(role + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(role + ": could not list " + path.toAbsolutePath().normalize() + ": "
					+ oneLine(String.valueOf(ex.getMessage())), ex);
		}
		if (folders.isEmpty()) {
			throw new IllegalArgumentException(role + ": " + path.toAbsolutePath().normalize()
					+ " is neither a run folder (with *_STEP_DICT_DATA.json files) nor a folder of runs named like"
					+ " 2026-11-26_15-12-03");
		}
		return folders;
	}

	/**
	 * Loads the selected runs and compares every benchmarker they share, or the ones
	 * named.
	 * @param selection the runs
	 * @param benches the benchmarkers to compare, or empty for every one both sides have
	 * @param options alpha, threshold and minimum iterations
	 * @return the comparison, its runs named by their absolute folders
	 * @throws IllegalArgumentException if a DATA file of a compared benchmarker cannot be
	 * read, or no benchmarker is shared
	 */
	public static Comparison compare(Selection selection, List<String> benches, CompareOptions options) {
		// Each run's files are parsed on their own thread: loading is most of a diff's
		// time.
		List<Path> folders = new ArrayList<>(selection.base());
		folders.add(selection.newRun());
		List<RunRecord> loaded = folders.parallelStream().map(SavedRunComparison::load).toList();
		List<RunRecord> baseRuns = loaded.subList(0, loaded.size() - 1);
		RunRecord newRun = loaded.get(loaded.size() - 1);
		Set<String> baseNames = new TreeSet<>();
		baseRuns.forEach((run) -> baseNames.addAll(run.benchNames()));
		Set<String> shared = new TreeSet<>(baseNames);
		shared.retainAll(newRun.benchNames());
		List<String> names = new ArrayList<>();
		if (benches == null || benches.isEmpty()) {
			if (shared.isEmpty()) {
				throw new IllegalArgumentException("The runs have no benchmarker in common: the baseline has "
						+ baseNames + ", the new run has " + newRun.benchNames());
			}
			names.addAll(shared);
		}
		else {
			for (String bench : benches) {
				if (!shared.contains(bench)) {
					throw new IllegalArgumentException(
							"Benchmarker '" + bench + "' is not in both runs; both have " + shared);
				}
				if (!names.contains(bench)) {
					names.add(bench);
				}
			}
		}
		List<BenchComparison> comparisons = new ArrayList<>();
		for (String name : names) {
			List<BenchRecord> base = new ArrayList<>();
			for (RunRecord run : baseRuns) {
				requireReadableData(run, name);
				run.findBench(name).ifPresent(base::add);
			}
			requireReadableData(newRun, name);
			comparisons.add(RegressionAnalysis.compareBench(name, base, newRun.bench(name), options));
		}
		return new Comparison(selection.base().stream().map(Path::toString).toList(), selection.newRun().toString(),
				options, comparisons);
	}

	private static RunRecord load(Path folder) {
		try {
			return RunRecord.load(folder);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"Could not read the run " + folder + ": " + oneLine(String.valueOf(ex.getMessage())), ex);
		}
	}

	private static void requireReadableData(RunRecord run, String bench) {
		if (run.findBench(bench).isEmpty()) {
			return;
		}
		String data = RunFiles.dataFile(run.runDirectory(), bench).toString();
		for (String problem : run.problems()) {
			if (problem.startsWith(data + ":")) {
				throw new IllegalArgumentException(oneLine(problem));
			}
		}
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}

	/**
	 * The runs a comparison reads.
	 *
	 * @param base the baseline's run folders, oldest first
	 * @param newRun the new run's folder
	 */
	public record Selection(List<Path> base, Path newRun) {

		/**
		 * A selection.
		 * @param base the baseline's run folders
		 * @param newRun the new run's folder
		 */
		public Selection {
			base = List.copyOf(base);
		}

	}

}
