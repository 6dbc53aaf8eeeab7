package io.porterbench.record;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.porterbench.record.RunFolders.Kind;
import io.porterbench.record.RunFolders.Listing;
import io.porterbench.record.RunFolders.RunFolder;

/**
 * A saved run loaded from disk, written by porter-bench or by the Python original.
 *
 * <pre>{@code
 * RunRecord run = RunRecord.loadLatest(Path.of("."));   // or the TICTOC_PERFORMANCE folder, or a run folder
 * run.problems().forEach(System.err::println);           // files that could not be read, one line each
 * BenchRecord etl = run.bench("etl");
 * double[] extract = etl.series("extract");              // seconds per iteration, NaN where it did not run
 * double mean = etl.summary().get("GLOBAL").mean();
 * }</pre>
 *
 * <p>
 * Loading is forgiving about files and strict about folders: a missing, corrupted,
 * truncated, misshaped, wrongly encoded, oversized or too deeply nested file leaves that
 * part of that benchmarker empty and adds one line to {@link #problems()}, and the rest
 * of the run still loads; only a run folder that does not exist or cannot be listed is an
 * exception. Instances are immutable.
 */
public final class RunRecord {

	private final Path runDirectory;

	private final SortedMap<String, BenchRecord> benches;

	private final List<String> problems;

	private RunRecord(Path runDirectory, SortedMap<String, BenchRecord> benches, List<String> problems) {
		this.runDirectory = runDirectory;
		this.benches = Collections.unmodifiableSortedMap(benches);
		this.problems = List.copyOf(problems);
	}

	/**
	 * Loads the latest run reachable from a path, which may be the folder that contains
	 * {@code TICTOC_PERFORMANCE}, the {@code TICTOC_PERFORMANCE} folder itself (or any
	 * folder of runs), or a run folder. The latest run is the one whose folder name holds
	 * the latest time, in either name style ({@code 2026-11-26_15-12-03[-N]} or the
	 * original's {@code HH:MM-dd:mm:YYYY}); entries with other names are skipped.
	 * @param path where to look
	 * @return the loaded run
	 * @throws IllegalArgumentException if the path is not a folder or no run is found
	 * there
	 * @throws UncheckedIOException if a folder cannot be listed
	 */
	public static RunRecord loadLatest(Path path) {
		Path folder = existingFolder(path);
		List<Path> runs = runFoldersFrom(folder);
		if (runs.isEmpty()) {
			throw new IllegalArgumentException("No saved run found from " + folder + ": looked for run files (*"
					+ RunFiles.DATA_SUFFIX + RunFiles.EXTENSION + ") in it and for run folders named like "
					+ "2026-11-26_15-12-03 or 15:20-26:11:2026 in " + RunFolders.runsRoot(folder));
		}
		return load(runs.get(runs.size() - 1));
	}

	/**
	 * Lists the runs reachable from a path, interpreted as by {@link #loadLatest(Path)}.
	 * @param path where to look
	 * @return the run folders, oldest first; a run folder given directly is the only
	 * element; empty if none
	 * @throws IllegalArgumentException if the path is not a folder
	 * @throws UncheckedIOException if a folder cannot be listed
	 */
	public static List<Path> runFolders(Path path) {
		return runFoldersFrom(existingFolder(path));
	}

	private static List<Path> runFoldersFrom(Path folder) {
		if (RunFolders.holdsRunFiles(folder, Listing.RECORD)) {
			return List.of(folder);
		}
		return RunFolders.list(RunFolders.runsRoot(folder), Listing.RECORD).stream().map(RunFolder::path).toList();
	}

	private static Path existingFolder(Path path) {
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
	 * Loads one run folder, non-recursively: every {@code <name>_STEP_DICT_DATA.json},
	 * {@code <name>_STEP_DICT_SUMMARY.json} and {@code <name>_MEMORY.json} in it, where
	 * {@code <name>} is the benchmarker. Dot-files, temporary files and other entries are
	 * skipped. Never throws because of a file's content.
	 * @param runFolder the run folder
	 * @return the loaded run
	 * @throws IllegalArgumentException if the folder does not exist or is a file
	 * @throws UncheckedIOException if the folder cannot be listed
	 */
	public static RunRecord load(Path runFolder) {
		return load(runFolder, RunFileReader.DEFAULT);
	}

	static RunRecord load(Path runFolder, RunFileReader reader) {
		Path folder = existingFolder(runFolder);
		SortedMap<String, Map<Kind, Path>> files = new TreeMap<>();
		for (Path file : RunFolders.runFiles(folder, Listing.RECORD)) {
			String fileName = file.getFileName().toString();
			files.computeIfAbsent(RunFolders.benchName(fileName).orElseThrow(), (name) -> new EnumMap<>(Kind.class))
				.put(RunFolders.kind(fileName).orElseThrow(), file);
		}
		SortedMap<String, BenchRecord> benches = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		files.forEach((name, found) -> benches.put(name, loadBench(folder, name, found, reader, problems)));
		return new RunRecord(folder, benches, problems);
	}

	private static BenchRecord loadBench(Path folder, String name, Map<Kind, Path> found, RunFileReader reader,
			List<String> problems) {
		List<SavedIteration> iterations = List.of();
		Map<String, SavedStepSummary> summary = Map.of();
		List<SavedMemoryIteration> memory = List.of();
		Path data = found.get(Kind.DATA);
		if (data != null) {
			iterations = new ParallelDataReader(reader).read(data, problems);
		}
		else {
			problems.add(missing(RunFiles.dataFile(folder, name), name));
		}
		Path summaryFile = found.get(Kind.SUMMARY);
		if (summaryFile != null) {
			summary = reader.read(summaryFile, "SUMMARY", RunFileParser::summary, summary, problems);
		}
		else {
			problems.add(missing(RunFiles.summaryFile(folder, name), name));
		}
		Path memoryFile = found.get(Kind.MEMORY);
		if (memoryFile != null) {
			memory = reader.read(memoryFile, "MEMORY", RunFileParser::memory, memory, problems);
		}
		else {
			problems.add(missing(RunFiles.memoryFile(folder, name), name));
		}
		return new BenchRecord(name, iterations, summary, memory);
	}

	private static String missing(Path file, String name) {
		return file + ": missing; the run has other files of '" + name + "', and every save writes all three";
	}

	/**
	 * The run folder this record was loaded from.
	 * @return its absolute, normalised path
	 */
	public Path runDirectory() {
		return this.runDirectory;
	}

	/**
	 * When the run started, as its folder name says.
	 * @return the time, or empty when the folder has another name
	 */
	public Optional<RunFolderNames.RunTime> runTime() {
		Path name = this.runDirectory.getFileName();
		return (name != null) ? RunFolderNames.parse(name.toString()) : Optional.empty();
	}

	/**
	 * The benchmarkers that have at least one file in the run.
	 * @return their names, sorted alphabetically
	 */
	public Set<String> benchNames() {
		return this.benches.keySet();
	}

	/**
	 * One benchmarker's data.
	 * @param name the benchmarker's name
	 * @return its record
	 * @throws IllegalArgumentException if the run has no files for that name
	 */
	public BenchRecord bench(String name) {
		BenchRecord bench = this.benches.get(name);
		if (bench == null) {
			throw new IllegalArgumentException(
					"The run " + this.runDirectory + " has no benchmarker '" + name + "'; it has " + benchNames());
		}
		return bench;
	}

	/**
	 * One benchmarker's data, if the run has it.
	 * @param name the benchmarker's name
	 * @return its record, or empty
	 */
	public Optional<BenchRecord> findBench(String name) {
		return Optional.ofNullable(this.benches.get(name));
	}

	/**
	 * Every benchmarker's data.
	 * @return the records by name, sorted alphabetically
	 */
	public Map<String, BenchRecord> benches() {
		return this.benches;
	}

	/**
	 * The files that could not be used, one line each, naming the file and what is wrong
	 * with it.
	 * @return the lines, in benchmarker-name order; empty when everything loaded
	 */
	public List<String> problems() {
		return this.problems;
	}

	@Override
	public String toString() {
		return "RunRecord[" + this.runDirectory + ", benches=" + benchNames() + ", problems=" + this.problems.size()
				+ "]";
	}

}
