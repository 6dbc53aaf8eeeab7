package io.porterbench.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.format.RunFileWriter;
import io.porterbench.record.RunFolderNames;
import io.porterbench.record.RunOrigin;
import io.porterbench.internal.SummaryCalculator;

/**
 * Opens a JFR recording as a porter-bench run: one run folder with the DATA, SUMMARY and
 * MEMORY files of every benchmarker whose {@code porterbench.Step} and
 * {@code porterbench.Iteration} events the recording holds.
 *
 * <pre>{@code
 * JfrImportResult result = JfrImport.importRecording(Path.of("app.jfr"), Path.of("TICTOC_PERFORMANCE"));
 * RunRecord run = RunRecord.load(result.runFolder());
 * }</pre>
 *
 * <p>
 * Each {@code porterbench.Iteration} event is a closed iteration with its steps (the
 * {@code porterbench.Step} events of the same benchmarker, thread and iteration index, in
 * the order they were recorded); steps whose iteration event is missing, because the
 * recording ended before its {@code gstop}, are saved as an open iteration. Closed
 * iterations are numbered in the order they closed, as a benchmarker numbers them. The
 * gstop call of every closed iteration gets, as its {@code extra},
 * {@code {"gc_pause_seconds": s}}: the time of the GC pauses ({@code jdk.GCPhasePause},
 * else {@code jdk.GarbageCollection}) that fell within the iteration, when the recording
 * had those events enabled. A pause that straddles the iteration's start or end counts
 * with the part inside it, so a pause is never counted twice in full for two iterations.
 *
 * <p>
 * Nothing is written unless the recording holds porter-bench events. A recording cut
 * short (a file copied while JFR wrote it, a full disk) is read up to its last complete
 * chunk: what the complete chunks hold is imported and the cut reported in
 * {@link JfrImportResult#truncation()}; when no complete chunk holds a porter-bench
 * event, the import fails.
 */
public final class JfrImport {

	/** The name of the step event. */
	public static final String STEP_EVENT = "porterbench.Step";

	/** The name of the iteration event. */
	public static final String ITERATION_EVENT = "porterbench.Iteration";

	/**
	 * The key of an imported iteration's GC pause time in its gstop call's {@code extra}.
	 */
	public static final String GC_PAUSE_SECONDS = "gc_pause_seconds";

	private static final String GSTOP = "gstop";

	private static final String GC_PHASE_PAUSE = "jdk.GCPhasePause";

	private static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";

	private static final String ACTIVE_SETTING = "jdk.ActiveSetting";

	private static final byte[] MAGIC = { 'F', 'L', 'R', 0 };

	private JfrImport() {
	}

	/**
	 * Imports a recording into a new run folder under a folder of runs.
	 * @param recording the {@code .jfr} file
	 * @param runsRoot the folder that holds the run folders, as {@code BenchDict}'s root;
	 * created if missing
	 * @return what was written
	 * @throws JfrImportException if the file is missing, not a recording, damaged before
	 * any porter-bench event, or holds none; nothing is written then
	 * @throws java.io.UncheckedIOException if a run file could not be written; the new
	 * run folder is removed
	 */
	public static JfrImportResult importRecording(Path recording, Path runsRoot) {
		Recorded recorded = read(recording);
		Map<String, RunSnapshot> snapshots = recorded.snapshots();
		Path runFolder = RunFolderNames.claimNewRunFolder(runsRoot, false);
		try {
			for (RunSnapshot snapshot : snapshots.values()) {
				// the recording's process is not this one: no HOST and PID, the
				// original's keys only
				RunFileWriter.writeTimeFiles(runFolder, snapshot, SummaryCalculator.steps(snapshot), RunOrigin.none());
				RunFileWriter.writeMemoryFile(runFolder, snapshot, RunOrigin.none());
			}
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(runFolder);
			throw new java.io.UncheckedIOException("Could not write the imported run to " + runFolder + ": " + ex,
					(ex instanceof IOException io) ? io : new IOException(ex));
		}
		Map<String, Integer> closed = new TreeMap<>();
		Map<String, Integer> open = new TreeMap<>();
		snapshots.forEach((name, snapshot) -> {
			closed.put(name, snapshot.retained().size());
			open.put(name, snapshot.open().size());
		});
		return new JfrImportResult(runFolder, closed, open, recorded.gcPausesRecorded(),
				Optional.ofNullable(recorded.truncation));
	}

	private static Recorded read(Path recording) {
		checkIsRecording(recording);
		Recorded recorded = new Recorded();
		Map<Long, String> typeNames = eventTypeNames(recording);
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				recorded.add(file.readEvent(), typeNames);
			}
		}
		catch (IOException | RuntimeException ex) {
			String problem = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			if (recorded.isEmpty()) {
				throw new JfrImportException(recording + " is truncated or damaged (" + problem
						+ ") and no complete chunk before the damage holds porter-bench events", ex);
			}
			recorded.truncation = recording + " is truncated or damaged (" + problem + "): imported the "
					+ recorded.porterBenchEvents + " porter-bench events of the complete chunks before the damage";
		}
		if (recorded.isEmpty()) {
			throw new JfrImportException(recording + " holds no porter-bench events (" + STEP_EVENT + ", "
					+ ITERATION_EVENT + "): record with settings that enable them, such as porter-bench.jfc");
		}
		return recorded;
	}

	/**
	 * The names of the recording's event types by id, to read which events its settings
	 * enabled; empty for a recording whose metadata cannot be read to the end, as JFR
	 * reads every chunk's before the first event.
	 */
	private static Map<Long, String> eventTypeNames(Path recording) {
		Map<Long, String> names = new HashMap<>();
		try (RecordingFile file = new RecordingFile(recording)) {
			for (EventType type : file.readEventTypes()) {
				names.put(type.getId(), type.getName());
			}
		}
		catch (IOException | RuntimeException ex) {
			names.clear();
		}
		return names;
	}

	private static void checkIsRecording(Path recording) {
		if (!Files.exists(recording)) {
			throw new JfrImportException("No such recording: " + recording);
		}
		if (!Files.isRegularFile(recording)) {
			throw new JfrImportException(recording + " is not a file");
		}
		byte[] head = new byte[MAGIC.length];
		int read;
		try (InputStream in = Files.newInputStream(recording)) {
			read = in.readNBytes(head, 0, head.length);
		}
		catch (NoSuchFileException ex) {
			throw new JfrImportException("No such recording: " + recording, ex);
		}
		catch (IOException ex) {
			throw new JfrImportException("Cannot read " + recording + ": " + ex.getMessage(), ex);
		}
		if (read < MAGIC.length || !Arrays.equals(head, MAGIC)) {
			throw new JfrImportException(
					recording + " is not a JFR recording: it does not begin with JFR's magic bytes" + " FLR\\0");
		}
	}

	private static void deleteQuietly(Path runFolder) {
		try (var files = Files.list(runFolder)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(runFolder);
		}
		catch (IOException ex) {
			// the write failure is the one to report
		}
	}

	/**
	 * The porter-bench and GC events of a recording, grouped into iterations.
	 */
	private static final class Recorded {

		private final Map<IterationKey, Group> groups = new LinkedHashMap<>();

		private final List<long[]> phasePauses = new ArrayList<>();

		private final List<long[]> collections = new ArrayList<>();

		private final Set<String> gcEventsEnabled = new HashSet<>();

		private long porterBenchEvents;

		private String truncation;

		boolean isEmpty() {
			return this.porterBenchEvents == 0;
		}

		void add(RecordedEvent event, Map<Long, String> typeNames) {
			String type = event.getEventType().getName();
			switch (type) {
				case STEP_EVENT -> {
					group(event).steps.add(new Step(event.getString("step"), event.getDuration().toNanos()));
					this.porterBenchEvents++;
				}
				case ITERATION_EVENT -> {
					Group group = group(event);
					group.iterationStart = event.getStartTime();
					group.iterationEnd = event.getEndTime();
					group.globalNanos = event.getDuration().toNanos();
					group.closed = true;
					this.porterBenchEvents++;
				}
				case GC_PHASE_PAUSE -> this.phasePauses.add(interval(event));
				case GARBAGE_COLLECTION -> this.collections.add(interval(event));
				case ACTIVE_SETTING -> activeSetting(event, typeNames);
				default -> {
				}
			}
		}

		private void activeSetting(RecordedEvent event, Map<Long, String> typeNames) {
			if (event.hasField("id") && event.hasField("name") && "enabled".equals(event.getString("name"))
					&& "true".equals(event.getString("value"))) {
				String name = typeNames.get(event.getLong("id"));
				if (GC_PHASE_PAUSE.equals(name) || GARBAGE_COLLECTION.equals(name)) {
					this.gcEventsEnabled.add(name);
				}
			}
		}

		private static long[] interval(RecordedEvent event) {
			return new long[] { nanosOf(event.getStartTime()), nanosOf(event.getEndTime()) };
		}

		private Group group(RecordedEvent event) {
			RecordedThread thread = event.getThread();
			long threadId = (thread != null) ? thread.getId() : -1;
			IterationKey key = new IterationKey(event.getString("bench"), threadId, event.getLong("iteration"));
			Group group = this.groups.computeIfAbsent(key, (k) -> new Group());
			Instant start = event.getStartTime();
			if (group.firstStart == null || start.isBefore(group.firstStart)) {
				group.firstStart = start;
			}
			Instant end = event.getEndTime();
			if (group.lastEnd == null || end.isAfter(group.lastEnd)) {
				group.lastEnd = end;
			}
			return group;
		}

		boolean gcPausesRecorded() {
			return !this.gcEventsEnabled.isEmpty() || !this.phasePauses.isEmpty() || !this.collections.isEmpty();
		}

		Map<String, RunSnapshot> snapshots() {
			GcPauses pauses = gcPausesRecorded()
					? new GcPauses(this.phasePauses.isEmpty() ? this.collections : this.phasePauses) : null;
			Map<String, List<Group>> byBench = new TreeMap<>();
			this.groups
				.forEach((key, group) -> byBench.computeIfAbsent(key.bench(), (b) -> new ArrayList<>()).add(group));
			Map<String, RunSnapshot> snapshots = new LinkedHashMap<>();
			byBench.forEach((bench, groups) -> {
				List<Group> closed = groups.stream()
					.filter((group) -> group.closed)
					.sorted(Comparator.comparing((Group group) -> group.iterationEnd))
					.toList();
				List<Group> open = groups.stream()
					.filter((group) -> !group.closed)
					.sorted(Comparator.comparing((Group group) -> group.lastEnd))
					.toList();
				List<IterationData> retained = new ArrayList<>();
				for (Group group : closed) {
					retained.add(group.toIterationData(retained.size(), pauses));
				}
				List<IterationData> stillOpen = new ArrayList<>();
				for (Group group : open) {
					stillOpen.add(group.toIterationData(retained.size() + stillOpen.size(), null));
				}
				snapshots.put(bench, new RunSnapshot(bench, retained.size(), retained, stillOpen, null));
			});
			return snapshots;
		}

	}

	private record IterationKey(String bench, long threadId, long iteration) {
	}

	private record Step(String topic, long nanos) {
	}

	/**
	 * The events of one iteration: its steps and, once it closed, its iteration event.
	 */
	private static final class Group {

		private final List<Step> steps = new ArrayList<>();

		private boolean closed;

		private Instant iterationStart;

		private Instant iterationEnd;

		private long globalNanos;

		private Instant firstStart;

		private Instant lastEnd;

		IterationData toIterationData(long number, GcPauses pauses) {
			int size = this.steps.size();
			String[] topics = new String[size];
			long[] nanos = new long[size];
			Object[] extras = null;
			for (int i = 0; i < size; i++) {
				topics[i] = this.steps.get(i).topic();
				nanos[i] = this.steps.get(i).nanos();
			}
			if (this.closed && pauses != null) {
				int gstop = lastIndexOf(topics, GSTOP);
				if (gstop >= 0) {
					extras = new Object[size];
					double seconds = pauses.within(nanosOf(this.iterationStart), nanosOf(this.iterationEnd)) / 1e9;
					extras[gstop] = Map.of(GC_PAUSE_SECONDS, seconds);
				}
			}
			IterationData data = new IterationData();
			double start = epochSeconds(this.closed ? this.iterationStart : this.firstStart);
			data.set(number, start, this.closed ? epochSeconds(this.iterationEnd) : 0, topics, nanos, extras, size,
					this.closed, this.globalNanos);
			return data;
		}

		private static int lastIndexOf(String[] topics, String topic) {
			for (int i = topics.length - 1; i >= 0; i--) {
				if (topic.equals(topics[i])) {
					return i;
				}
			}
			return -1;
		}

	}

	/**
	 * GC pauses sorted by start, to sum the parts of them within an interval without
	 * scanning them all.
	 */
	private static final class GcPauses {

		private final long[][] pauses;

		private final long longest;

		GcPauses(List<long[]> pauses) {
			this.pauses = pauses.toArray(new long[0][]);
			Arrays.sort(this.pauses, Comparator.comparingLong((long[] pause) -> pause[0]));
			long longest = 0;
			for (long[] pause : this.pauses) {
				longest = Math.max(longest, pause[1] - pause[0]);
			}
			this.longest = longest;
		}

		/** The nanoseconds of pause time within {@code [start, end]}. */
		long within(long start, long end) {
			// no pause starting before start - longest can reach into the interval
			int from = firstStartingAtOrAfter(start - this.longest);
			long total = 0;
			for (int i = from; i < this.pauses.length && this.pauses[i][0] < end; i++) {
				long overlap = Math.min(end, this.pauses[i][1]) - Math.max(start, this.pauses[i][0]);
				if (overlap > 0) {
					total += overlap;
				}
			}
			return total;
		}

		private int firstStartingAtOrAfter(long time) {
			int low = 0;
			int high = this.pauses.length;
			while (low < high) {
				int mid = (low + high) >>> 1;
				if (this.pauses[mid][0] < time) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			return low;
		}

	}

	private static long nanosOf(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	private static double epochSeconds(Instant instant) {
		return instant.getEpochSecond() + instant.getNano() / 1e9;
	}

}
