package io.porterbench.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.internal.AtomicFiles;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.TopicSums;
import io.porterbench.record.RunOrigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The DATA file written in chunks by the caller and a helper thread against one emitter
 * writing it whole, and a failure in a chunk against the write's failure.
 */
class ChunkedDataWriterTests {

	private static final String[] TOPICS = { "load", "parse", "naïve", "quote\"d", "emoji 😀", "GLOBAL", "" };

	private final ExecutorService pool = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "chunked-data-writer-tests");
		thread.setDaemon(true);
		return thread;
	});

	@AfterEach
	void shutDown() {
		this.pool.shutdownNow();
	}

	@Test
	void writesTheSameBytesAsOneEmitterOnRandomRunsOfVariedSizesAndChunks() throws IOException {
		SplittableRandom random = new SplittableRandom(19);
		Executor[] helpers = { this.pool, Runnable::run, ChunkedDataWriterTests::reject, null };
		for (int run = 0; run < 240; run++) {
			RunSnapshot snapshot = randomSnapshot(random, random.nextInt(120));
			RunOrigin origin = (run % 3 == 0) ? RunOrigin.none() : RunOrigin.of("host é", run);
			int chunkCalls = 1 + random.nextInt(40);
			int window = 1 + random.nextInt(4);
			Executor helper = helpers[run % helpers.length];
			assertThat(chunked(snapshot, origin, helper, chunkCalls, window))
				.as("run %d, %d calls a chunk, window %d, helper %s", run, chunkCalls, window, helper)
				.isEqualTo(whole(snapshot, origin));
		}
	}

	@Test
	void writesTheSameBytesForRunsAroundTheChunkBoundaries() throws IOException {
		SplittableRandom random = new SplittableRandom(23);
		int chunkCalls = 21;
		for (int callsPerIteration = 0; callsPerIteration < 7; callsPerIteration++) {
			int weight = callsPerIteration + 1;
			for (int chunks = 1; chunks <= 4; chunks++) {
				int exact = (chunks * chunkCalls + weight - 1) / weight;
				for (int iterations = Math.max(0, exact - 2); iterations <= exact + 2; iterations++) {
					RunSnapshot snapshot = fixedSnapshot(random, iterations, callsPerIteration);
					for (Executor helper : new Executor[] { this.pool, Runnable::run }) {
						assertThat(chunked(snapshot, RunOrigin.of("h", 7), helper, chunkCalls, 2))
							.as("%d iterations of %d calls", iterations, callsPerIteration)
							.isEqualTo(whole(snapshot, RunOrigin.of("h", 7)));
					}
				}
			}
		}
	}

	@Test
	void cutsIterationsIntoChunksOfAtLeastTheGivenCalls() {
		SplittableRandom random = new SplittableRandom(5);
		IterationData[] iterations = DataFileEmitter.iterations(fixedSnapshot(random, 10, 3));
		assertThat(ChunkedDataWriter.bounds(iterations, 8)).containsExactly(0, 2, 4, 6, 8, 10);
		assertThat(ChunkedDataWriter.bounds(iterations, 9)).containsExactly(0, 3, 6, 9, 10);
		assertThat(ChunkedDataWriter.bounds(iterations, 40)).containsExactly(0, 10);
		assertThat(ChunkedDataWriter.bounds(iterations, 1000)).containsExactly(0, 10);
		assertThat(ChunkedDataWriter.bounds(new IterationData[0], 8)).containsExactly(0, 0);
	}

	@Test
	void writesALargeRunWithTheDefaultHelpersAsOneEmitterDoes() throws IOException {
		SplittableRandom random = new SplittableRandom(29);
		RunSnapshot snapshot = randomSnapshot(random, 12_000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ChunkedDataWriter.write(out, snapshot, RunOrigin.of("large", 1));
		assertThat(out.size()).isGreaterThan(4 * ChunkedDataWriter.CHUNK_CALLS * 100);
		assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(whole(snapshot, RunOrigin.of("large", 1)));
	}

	@Test
	void aFailureInAnyChunkIsTheWritesFailureWhicheverThreadFormatsIt() {
		SplittableRandom random = new SplittableRandom(31);
		for (int bad : new int[] { 0, 1, 7, 15, 38, 39 }) {
			for (Executor helper : new Executor[] { this.pool, Runnable::run, null }) {
				RunSnapshot snapshot = withBrokenIteration(fixedSnapshot(random, 40, 4), bad);
				assertThatExceptionOfType(IllegalStateException.class).as("broken iteration %d, helper %s", bad, helper)
					.isThrownBy(() -> ChunkedDataWriter.write(OutputStream.nullOutputStream(), snapshot,
							RunOrigin.none(), helper, 10, 2))
					.withMessage("The kept sums cover 4 topics; the calls have 5");
			}
		}
	}

	@Test
	void aFailureInAHelpersChunkKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path folder) throws IOException {
		Path target = folder.resolve("run_STEP_DICT_DATA.json");
		Files.writeString(target, "old content");
		SplittableRandom random = new SplittableRandom(37);
		// chunk 1 is the helper's whenever the helper runs inline
		RunSnapshot snapshot = withBrokenIteration(fixedSnapshot(random, 400, 4), 3);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> AtomicFiles.write(target,
					(out) -> ChunkedDataWriter.write(out, snapshot, RunOrigin.none(), Runnable::run, 10, 2)))
			.withMessage("The kept sums cover 4 topics; the calls have 5");
		assertThat(target).hasContent("old content");
		try (var files = Files.list(folder)) {
			assertThat(files).containsExactly(target);
		}
	}

	@Test
	void aFailureOfTheStreamStopsTheHelperBeforeTheWriteReturns() throws InterruptedException {
		AtomicInteger serialised = new AtomicInteger();
		RunSnapshot snapshot = countedSnapshot(serialised, 2_000);
		OutputStream failing = new OutputStream() {

			private long written;

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.written += length;
				if (this.written > 100_000) {
					throw new IOException("No space left on device");
				}
			}

		};
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> ChunkedDataWriter.write(failing, snapshot, RunOrigin.none(), this.pool, 30, 3))
			.withMessage("No space left on device");
		int atReturn = serialised.get();
		this.pool.shutdown();
		assertThat(this.pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		// the helper had stopped: nothing was formatted after the write returned
		assertThat(serialised.get()).isEqualTo(atReturn);
		assertThat(atReturn).isPositive().isLessThan(4_000);
	}

	@Test
	void aWriterClosedWithoutWritingStopsItsHelper() throws InterruptedException {
		AtomicInteger serialised = new AtomicInteger();
		RunSnapshot snapshot = countedSnapshot(serialised, 2_000);
		ChunkedDataWriter writer = ChunkedDataWriter.start(snapshot, RunOrigin.none(), this.pool, 30, 2);
		writer.close();
		int atClose = serialised.get();
		this.pool.shutdown();
		assertThat(this.pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		// at most the window's chunks were formatted ahead, and none after the close
		assertThat(serialised.get()).isEqualTo(atClose).isLessThanOrEqualTo(3 * 30);
	}

	@Test
	void statisticsThatFailLeaveNoFileAndNoHelperRunning(@TempDir Path folder) throws IOException {
		AtomicInteger serialised = new AtomicInteger();
		RunSnapshot snapshot = countedSnapshot(serialised, 40_000);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> RunFileWriter.writeTimeFiles(folder, snapshot, () -> {
				throw new IllegalStateException("no statistics");
			}, RunOrigin.none()))
			.withMessage("no statistics");
		int atReturn = serialised.get();
		try (var files = Files.list(folder)) {
			assertThat(files).isEmpty();
		}
		assertThat(serialised.get()).isEqualTo(atReturn).isLessThan(80_000);
	}

	@Test
	void writesTheTimeFilesWithStatisticsComputedWhileTheDataIsFormatted(@TempDir Path folder) throws IOException {
		SplittableRandom random = new SplittableRandom(43);
		RunSnapshot snapshot = randomSnapshot(random, 8_000);
		RunOrigin origin = RunOrigin.of("time-files", 3);
		Map<String, io.porterbench.summary.StepStats> steps = io.porterbench.internal.SummaryCalculator.steps(snapshot);
		RunFileWriter.writeTimeFiles(folder, snapshot, () -> io.porterbench.internal.SummaryCalculator.steps(snapshot),
				origin);
		assertThat(Files.readString(io.porterbench.record.RunFiles.dataFile(folder, "random"),
				StandardCharsets.ISO_8859_1))
			.isEqualTo(whole(snapshot, origin));
		ByteArrayOutputStream summary = new ByteArrayOutputStream();
		RunFileWriter.writeSummary(summary, steps);
		assertThat(Files.readAllBytes(io.porterbench.record.RunFiles.summaryFile(folder, "random")))
			.isEqualTo(summary.toByteArray());
	}

	private static RunSnapshot countedSnapshot(AtomicInteger serialised, int iterations) {
		List<IterationData> retained = new ArrayList<>();
		for (int i = 0; i < iterations; i++) {
			Object[] extras = { new Counted(serialised), new Counted(serialised) };
			IterationData iteration = new IterationData();
			iteration.set(i, 1_764_000_000.0 + i, 1_764_000_001.0 + i, new String[] { "a", "b" },
					new long[] { 1_000, 2_000 }, extras, 2, true, 3_000);
			retained.add(iteration);
		}
		return new RunSnapshot("counted", retained.size(), retained, List.of(), null);
	}

	/** An extra that counts how often Jackson reads it. */
	public static final class Counted {

		private final AtomicInteger reads;

		Counted(AtomicInteger reads) {
			this.reads = reads;
		}

		public int getValue() {
			return this.reads.incrementAndGet();
		}

	}

	private static void reject(Runnable task) {
		throw new RejectedExecutionException("busy");
	}

	private static String chunked(RunSnapshot snapshot, RunOrigin origin, Executor helper, int chunkCalls, int window)
			throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ChunkedDataWriter.write(out, snapshot, origin, helper, chunkCalls, window);
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	private static String whole(RunSnapshot snapshot, RunOrigin origin) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		IterationData[] iterations = DataFileEmitter.iterations(snapshot);
		new DataFileEmitter(new RunFileWriter.ExtraWriter(snapshot.name()), origin).writeRange(out, iterations, 0,
				iterations.length);
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	private static RunSnapshot withBrokenIteration(RunSnapshot snapshot, int index) {
		IterationData broken = new IterationData();
		String[] topics = { "a", "b", "c", "d", "e" };
		broken.set(index, 1_764_000_000.0, 1_764_000_001.0, topics, new long[] { 1, 2, 3, 4, 5 }, null, 5, true, 15);
		// sums kept for fewer topics than the calls have: grouping them fails
		TopicSums fewer = new TopicSums();
		fewer.compute(new String[] { "a" }, new long[] { 1 }, 1);
		broken.setTopicSums(fewer);
		List<IterationData> retained = new ArrayList<>(snapshot.retained());
		retained.set(index, broken);
		return new RunSnapshot(snapshot.name(), snapshot.closedCount(), retained, snapshot.open(), null);
	}

	private static RunSnapshot fixedSnapshot(SplittableRandom random, int iterations, int calls) {
		List<IterationData> retained = new ArrayList<>();
		for (int i = 0; i < iterations; i++) {
			retained.add(iteration(random, i, calls, true));
		}
		return new RunSnapshot("fixed", iterations, retained, List.of(), null);
	}

	private static RunSnapshot randomSnapshot(SplittableRandom random, int closed) {
		List<IterationData> retained = new ArrayList<>();
		for (int i = 0; i < closed; i++) {
			retained.add(iteration(random, i, random.nextInt(9), true));
		}
		List<IterationData> open = new ArrayList<>();
		int opened = random.nextInt(3);
		for (int i = 0; i < opened; i++) {
			open.add(iteration(random, closed + i, random.nextInt(4), false));
		}
		return new RunSnapshot("random", closed, retained, open, null);
	}

	private static IterationData iteration(SplittableRandom random, long number, int size, boolean closed) {
		String[] topics = new String[size];
		long[] nanos = new long[size];
		Object[] extras = new Object[size];
		boolean anyExtra = false;
		long total = 0;
		for (int i = 0; i < size; i++) {
			topics[i] = TOPICS[random.nextInt(TOPICS.length)];
			nanos[i] = (random.nextInt(20) == 0) ? -random.nextLong(1, 1000)
					: (long) Math.exp(random.nextDouble(0, Math.log(1e14)));
			total += nanos[i];
			if (random.nextInt(10) == 0) {
				extras[i] = (random.nextBoolean()) ? Map.of("k", i) : new Object();
				anyExtra = true;
			}
		}
		double start = 1_764_000_000.0 + number * 0.125;
		IterationData iteration = new IterationData();
		iteration.set(number, start, closed ? start + total / 1e9 : 0, topics, nanos, anyExtra ? extras : null, size,
				closed, total);
		if (random.nextInt(8) == 0) {
			iteration.setSource("other host", random.nextLong(100), random.nextBoolean() ? List.of(1, "x") : null);
		}
		return iteration;
	}

}
