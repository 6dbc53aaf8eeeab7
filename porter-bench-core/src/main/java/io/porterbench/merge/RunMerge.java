package io.porterbench.merge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.porterbench.record.RunOrigin;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.record.BenchRecord;
import io.porterbench.internal.format.RunFileWriter;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunFolderNames;
import io.porterbench.record.RunRecord;
import io.porterbench.record.SavedCall;
import io.porterbench.record.SavedIteration;
import io.porterbench.record.SavedMemoryIteration;
import io.porterbench.internal.SummaryCalculator;

/**
 * Merges saved runs of the same benchmarkers, recorded by several instances or workers,
 * into one new run folder: each benchmarker's iterations from every run that has it, in
 * the order they started, each naming its source in its own {@code extra}, and SUMMARY
 * files computed exactly over the merged iterations.
 *
 * <pre>{@code
 * Path merged = RunMerge.merge(List.of(Path.of("worker-1"), Path.of("worker-2")), Path.of("TICTOC_PERFORMANCE"));
 * }</pre>
 *
 * <p>
 * Everything is read and checked before anything is written: bad input is an
 * {@link IllegalArgumentException} with a one-line message, and then nothing is written.
 */
public final class RunMerge {

	/** The key of an iteration's {@code extra} that names the run folder it came from. */
	public static final String SOURCE = "source";

	/**
	 * The key of an iteration's {@code extra} that holds its {@code STEP_NUMBER} in its
	 * source run.
	 */
	public static final String SOURCE_STEP_NUMBER = "source_step_number";

	private static final double NANOS_PER_SECOND = 1e9;

	private RunMerge() {
	}

	/**
	 * Merges runs into a new run folder under a root.
	 * @param runs the runs: each a run folder, or a folder that holds runs (then its
	 * latest run); at least one
	 * @param root the folder that gets the merged run folder, created if missing
	 * @return the merged run folder
	 * @throws IllegalArgumentException with a one-line message, when no run is given, a
	 * path is not a run or is given twice, a file is malformed or missing, or the runs
	 * disagree on the format of a benchmarker's files; nothing is written then
	 * @throws UncheckedIOException if the merged run could not be written; nothing of it
	 * is left behind
	 */
	public static Path merge(List<Path> runs, Path root) {
		if (runs == null || runs.isEmpty()) {
			throw new IllegalArgumentException("No runs to merge: give one or more run folders");
		}
		List<Source> sources = load(runs);
		Map<String, List<Part>> benches = benchesOf(sources);
		Path outputRoot = root.toAbsolutePath().normalize();
		if (Files.exists(outputRoot) && !Files.isDirectory(outputRoot)) {
			throw new IllegalArgumentException("The output root " + outputRoot + " is a file, not a folder");
		}
		Map<String, MergedBench> merged = new TreeMap<>();
		benches.forEach((name, parts) -> merged.put(name, MergedBench.of(name, parts)));
		return write(merged, outputRoot);
	}

	private static List<Source> load(List<Path> runs) {
		List<Source> sources = new ArrayList<>();
		Set<Path> seen = new LinkedHashSet<>();
		for (Path given : runs) {
			Path folder = runFolder(given);
			if (!seen.add(folder)) {
				throw new IllegalArgumentException(
						"The run " + folder + " is given twice; each run's iterations may be merged only once");
			}
			RunRecord record = RunRecord.load(folder);
			if (!record.problems().isEmpty()) {
				int more = record.problems().size() - 1;
				throw new IllegalArgumentException(oneLine(record.problems().get(0))
						+ ((more > 0) ? " (and " + more + " more problem(s) in " + folder + ")" : ""));
			}
			sources.add(new Source(folder, record));
		}
		return sources;
	}

	private static Path runFolder(Path given) {
		if (!Files.isDirectory(given)) {
			throw new IllegalArgumentException(given + " is not a run: "
					+ (Files.exists(given) ? "it is a file, not a " + "folder" : "no such folder"));
		}
		List<Path> folders = RunRecord.runFolders(given);
		if (folders.isEmpty()) {
			throw new IllegalArgumentException(given + " is not a run: no run files (*_STEP_DICT_DATA.json) in it and "
					+ "no run folders (named like 2026-11-26_15-12-03) under it");
		}
		return folders.get(folders.size() - 1).toAbsolutePath().normalize();
	}

	private static Map<String, List<Part>> benchesOf(List<Source> sources) {
		Map<String, List<Part>> benches = new TreeMap<>();
		for (int s = 0; s < sources.size(); s++) {
			Source source = sources.get(s);
			for (BenchRecord bench : source.record().benches().values()) {
				benches.computeIfAbsent(bench.name(), (key) -> new ArrayList<>()).add(new Part(s, source, bench));
			}
		}
		benches.forEach(RunMerge::requireOneFormat);
		return benches;
	}

	private static void requireOneFormat(String name, List<Part> parts) {
		Part first = parts.get(0);
		String format = BenchFormat.of(first.bench());
		for (Part other : parts.subList(1, parts.size())) {
			String otherFormat = BenchFormat.of(other.bench());
			if (!format.equals(otherFormat)) {
				throw new IllegalArgumentException(
						"The runs disagree on the format of benchmarker '" + name + "': " + first.source().folder()
								+ " has " + format + ", " + other.source().folder() + " has " + otherFormat);
			}
		}
	}

	private static Path write(Map<String, MergedBench> merged, Path root) {
		Path target = RunFolderNames.claimNewRunFolder(root, false);
		Path staging = root.resolve(".merging-" + target.getFileName() + "-" + ProcessHandle.current().pid());
		try {
			Files.createDirectories(root);
			Files.createDirectory(staging);
			for (MergedBench bench : merged.values()) {
				bench.write(staging);
			}
			// readers never see a half-merged run: it appears complete or not at all
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (FileAlreadyExistsException ex) {
			deleteQuietly(staging);
			throw new UncheckedIOException("Could not write the merged run: " + ex.getFile() + " exists", ex);
		}
		catch (IOException ex) {
			deleteQuietly(staging);
			throw new UncheckedIOException("Could not write the merged run under " + root + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// best effort: the dot name keeps it out of run listings
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// as above
		}
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s*\\R\\s*", " ");
	}

	/**
	 * One run given to the merge.
	 *
	 * @param folder its run folder
	 * @param record what was loaded from it
	 */
	private record Source(Path folder, RunRecord record) {

	}

	/**
	 * One benchmarker of one run.
	 *
	 * @param index the run's position among the given runs
	 * @param source the run
	 * @param bench the benchmarker's files
	 */
	private record Part(int index, Source source, BenchRecord bench) {

	}

	/**
	 * One benchmarker's merged iterations and memory iterations, ready to write.
	 */
	private static final class MergedBench {

		private final String name;

		private final List<IterationData> closed;

		private final List<IterationData> open;

		private final List<MemoryFile.Entry> memory;

		private MergedBench(String name, List<IterationData> closed, List<IterationData> open,
				List<MemoryFile.Entry> memory) {
			this.name = name;
			this.closed = closed;
			this.open = open;
			this.memory = memory;
		}

		static MergedBench of(String name, List<Part> parts) {
			List<Merging> iterations = new ArrayList<>();
			for (Part part : parts) {
				List<SavedIteration> saved = part.bench().iterations();
				for (int i = 0; i < saved.size(); i++) {
					iterations.add(new Merging(part, i, saved.get(i)));
				}
			}
			// closed first, open last, as a save writes them; by start time, ties in
			// input order
			iterations.sort(Comparator.comparing((Merging m) -> m.iteration().isOpen())
				.thenComparing((Merging m) -> m.iteration().startTime(), RunMerge::compareStartTimes)
				.thenComparingInt((Merging m) -> m.part().index())
				.thenComparingInt(Merging::position));
			List<IterationData> closed = new ArrayList<>();
			List<IterationData> open = new ArrayList<>();
			Map<SourceStep, Long> numbers = new LinkedHashMap<>();
			for (Merging merging : iterations) {
				long number = closed.size() + open.size();
				numbers.putIfAbsent(new SourceStep(merging.part().index(), merging.iteration().stepNumber()), number);
				IterationData data = toIterationData(number, merging);
				(data.isClosed() ? closed : open).add(data);
			}
			List<MemoryFile.Entry> memory = new ArrayList<>();
			for (Part part : parts) {
				for (SavedMemoryIteration iteration : part.bench().memory()) {
					Long number = numbers.get(new SourceStep(part.index(), iteration.stepNumber()));
					memory
						.add(new MemoryFile.Entry((number != null) ? number : Long.MAX_VALUE, part.index(), iteration));
				}
			}
			memory.sort(Comparator.comparingLong(MemoryFile.Entry::number)
				.thenComparing((MemoryFile.Entry e) -> e.iteration().startTime(), RunMerge::compareStartTimes)
				.thenComparingInt(MemoryFile.Entry::sourceIndex));
			return new MergedBench(name, closed, open, memory);
		}

		void write(Path runFolder) throws IOException {
			RunSnapshot snapshot = new RunSnapshot(this.name, this.closed.size(), this.closed, this.open, null);
			RunFileWriter.writeTimeFiles(runFolder, snapshot, SummaryCalculator.steps(snapshot), RunOrigin.none());
			MemoryFile.write(runFolder, this.name, this.memory);
		}

	}

	// NaN (the original's [] for an iteration opened by start()) sorts last
	static int compareStartTimes(Double a, Double b) {
		return Double.compare(a.isNaN() ? Double.POSITIVE_INFINITY : a, b.isNaN() ? Double.POSITIVE_INFINITY : b);
	}

	private static IterationData toIterationData(long number, Merging merging) {
		SavedIteration saved = merging.iteration();
		List<Call> calls = new ArrayList<>();
		saved.calls().forEach((topic, list) -> {
			if (!RunFiles.GLOBAL.equals(topic)) {
				for (SavedCall call : list) {
					calls.add(new Call(topic, call));
				}
			}
		});
		calls.sort(Comparator.comparingInt((Call call) -> call.call().cronoCounter()));
		int size = calls.size();
		String[] topics = new String[size];
		long[] nanos = new long[size];
		Object[] extras = new Object[size];
		for (int i = 0; i < size; i++) {
			Call call = calls.get(i);
			topics[i] = call.topic();
			nanos[i] = nanos(call.call().time());
			extras[i] = call.call().extra();
		}
		boolean closed = !saved.isOpen();
		long global = 0;
		if (closed) {
			Double savedGlobal = saved.absolutes().get(RunFiles.GLOBAL);
			global = (savedGlobal != null) ? nanos(savedGlobal) : sum(nanos);
		}
		IterationData data = new IterationData();
		data.set(number, saved.startTime(), saved.stopTime(), topics, nanos, extras, size, closed, global);
		data.setSource(saved.host(), (saved.pid() != null) ? saved.pid() : -1, sourceExtra(merging));
		return data;
	}

	// Merged again, an iteration keeps naming the run it was first recorded in.
	private static Object sourceExtra(Merging merging) {
		Object existing = merging.iteration().extra();
		if (existing instanceof Map<?, ?> map && map.containsKey(SOURCE)) {
			return existing;
		}
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put(SOURCE, merging.part().source().folder().toString());
		extra.put(SOURCE_STEP_NUMBER, merging.iteration().stepNumber());
		return extra;
	}

	// The files hold seconds written from whole nanoseconds (ours) or from Python floats;
	// rounding to the nanosecond gives ours back exactly.
	private static long nanos(double seconds) {
		if (!Double.isFinite(seconds)) {
			throw new IllegalArgumentException("A step time is " + seconds + "; only finite times can be merged");
		}
		return Math.round(seconds * NANOS_PER_SECOND);
	}

	private static long sum(long[] values) {
		long sum = 0;
		for (long value : values) {
			sum += value;
		}
		return sum;
	}

	/**
	 * An iteration on its way into the merge.
	 *
	 * @param part the benchmarker and run it comes from
	 * @param position its position in its DATA file
	 * @param iteration the iteration
	 */
	private record Merging(Part part, int position, SavedIteration iteration) {

	}

	/**
	 * A run's iteration, by its number there.
	 *
	 * @param sourceIndex the run's position among the given runs
	 * @param stepNumber the iteration's {@code STEP_NUMBER} in that run
	 */
	private record SourceStep(int sourceIndex, long stepNumber) {

	}

	/**
	 * A call with its topic.
	 *
	 * @param topic the step
	 * @param call the call
	 */
	private record Call(String topic, SavedCall call) {

	}

}
