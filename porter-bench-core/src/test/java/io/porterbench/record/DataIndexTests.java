package io.porterbench.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index a save writes beside a DATA file gives exactly the iterations that parsing
 * the file gives, is used only while it describes the file as it is, and never fails a
 * save.
 */
class DataIndexTests {

	private static final long NO_LIMIT = Long.MAX_VALUE;

	@TempDir
	Path root;

	@Test
	void aSaveWritesAnIndexThatReadsAsTheDataFileParses() throws Exception {
		Random random = new Random(20261203);
		for (int run = 0; run < 10; run++) {
			Path data = writeRun(random, run);
			Path index = DataIndex.fileOf(data);
			assertThat(index).as("run %d", run).isRegularFile();
			assertThat(index.getFileName().toString()).isEqualTo("random_STEP_DICT_DATA.index");
			List<SavedIteration> parsed = parse(data);
			assertThat(readIndex(data, NO_LIMIT)).as("run %d", run).isNotNull().isEqualTo(parsed);
			assertThat(Files.size(index)).isLessThan(Files.size(data));
		}
	}

	@Test
	void anIndexOfSeveralBlocksIsDecodedInPartsToWhatTheDataFileParses() {
		Path data = writeRun(new Random(7), 7, 3 * DataIndex.BLOCK_ITERATIONS + 17);
		List<SavedIteration> parsed = parse(data);
		for (int parts = 1; parts <= 5; parts++) {
			ParallelDataReader reader = new ParallelDataReader(RunFileReader.DEFAULT, parts, 0);
			assertThat(reader.readIndex(data)).as("%d parts", parts).isEqualTo(parsed);
		}
	}

	@Test
	void aRunIsLoadedFromItsIndexWhileTheIndexDescribesTheDataFile() throws IOException {
		Path data = writeRun(new Random(3), 3);
		List<SavedIteration> saved = parse(data);
		// a digit changed in the middle of the file, its size, time and ends kept: only
		// what the index holds can still give the saved value
		changeMiddleDigitKeepingTime(data);
		assertThat(RunRecord.load(data.getParent()).bench("random").iterations()).isEqualTo(saved);
		Files.delete(DataIndex.fileOf(data));
		assertThat(RunRecord.load(data.getParent()).bench("random").iterations()).isNotEqualTo(saved);
	}

	@Test
	void anIndexIsPassedOverOnceItsDataFileChanged() throws IOException {
		Path data = writeRun(new Random(4), 4);
		List<SavedIteration> saved = parse(data);
		FileTime time = Files.getLastModifiedTime(data);
		Files.setLastModifiedTime(data, FileTime.fromMillis(time.toMillis() + 1000));
		assertThat(readIndex(data, NO_LIMIT)).as("touched").isNull();
		Files.setLastModifiedTime(data, time);
		assertThat(readIndex(data, NO_LIMIT)).isEqualTo(saved);
		byte[] bytes = Files.readAllBytes(data);
		int last = lastDigit(bytes);
		bytes[last] = (byte) ((bytes[last] == '1') ? '2' : '1');
		Files.write(data, bytes);
		Files.setLastModifiedTime(data, time);
		assertThat(readIndex(data, NO_LIMIT)).as("same size and time, another last number").isNull();
		Files.writeString(data, " ", StandardOpenOption.APPEND);
		Files.setLastModifiedTime(data, time);
		assertThat(readIndex(data, NO_LIMIT)).as("longer").isNull();
		assertThat(RunRecord.load(data.getParent()).bench("random").iterations()).isEqualTo(parse(data));
	}

	@Test
	void aDamagedTruncatedForeignOrLinkedIndexIsPassedOver() throws IOException {
		Path data = writeRun(new Random(5), 5);
		Path index = DataIndex.fileOf(data);
		byte[] good = Files.readAllBytes(index);
		byte[] flipped = good.clone();
		flipped[good.length / 2] ^= 1;
		Files.write(index, flipped);
		assertThat(readIndex(data, NO_LIMIT)).as("one bit flipped").isNull();
		Files.write(index, Arrays.copyOf(good, good.length - 9));
		assertThat(readIndex(data, NO_LIMIT)).as("truncated").isNull();
		Files.write(index, new byte[0]);
		assertThat(readIndex(data, NO_LIMIT)).as("empty").isNull();
		Files.writeString(index, "not an index at all, but longer than a header and a trailer", StandardCharsets.UTF_8);
		assertThat(readIndex(data, NO_LIMIT)).as("foreign").isNull();
		Path elsewhere = this.root.resolve("elsewhere.index");
		Files.write(elsewhere, good);
		Files.delete(index);
		Files.createSymbolicLink(index, elsewhere);
		assertThat(readIndex(data, NO_LIMIT)).as("a link").isNull();
		Files.delete(index);
		Files.write(index, good);
		assertThat(readIndex(data, NO_LIMIT)).as("restored").isEqualTo(parse(data));
		assertThat(readIndex(data, Files.size(data) - 1)).as("over the reader's limit").isNull();
	}

	@Test
	void aDirectMemoryLimitBelowTheIndexSizeFallsBackToParsing() throws Exception {
		Path data = writeRun(new Random(8), 8, 20_000);
		assertThat(Files.size(DataIndex.fileOf(data))).isGreaterThan(2L << 20);
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:MaxDirectMemorySize=1m", "-cp", System.getProperty("java.class.path"),
				IndexUnderDirectMemoryLimitMain.class.getName(), data.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).contains("index opened: false")
			.contains("loaded 20002 iterations, equal to the parsed ones: true");
	}

	@Test
	void aSaveWithAnExtraWritesNoIndexAndRemovesTheOneBefore() throws IOException {
		MockBenchClock clock = new MockBenchClock(1_795_705_894.25);
		try (BenchDict dict = BenchDict.builder().root(this.root.resolve("extra")).clock(clock).build()) {
			Benchmarker bench = dict.get("random");
			oneLoadStep(bench, clock, null);
			Path data = RunFiles.dataFile(dict.save(), "random");
			assertThat(DataIndex.fileOf(data)).isRegularFile();
			oneLoadStep(bench, clock, List.of("an", "extra"));
			dict.save();
			assertThat(DataIndex.fileOf(data)).doesNotExist();
			assertThat(RunRecord.load(data.getParent()).bench("random").iterations()).hasSize(2)
				.last()
				.satisfies((iteration) -> assertThat(iteration.calls().get("load").get(0).extra())
					.isEqualTo(List.of("an", "extra")));
		}
	}

	@Test
	void anIndexThatCannotBeWrittenLeavesTheSaveWhole() throws IOException {
		MockBenchClock clock = new MockBenchClock(1_795_705_894.25);
		try (BenchDict dict = BenchDict.builder().root(this.root.resolve("blocked")).clock(clock).build()) {
			oneLoadStep(dict.get("random"), clock, null);
			Path run = dict.runDirectory();
			Path index = DataIndex.fileOf(RunFiles.dataFile(run, "random"));
			// a folder that is not empty cannot be replaced by the index
			Files.createDirectories(index.resolve("in the way"));
			Path data = RunFiles.dataFile(dict.save(), "random");
			assertThat(index).isDirectory();
			assertThat(RunRecord.load(run).bench("random").iterations()).isEqualTo(parse(data)).hasSize(1);
			try (var left = Files.list(run)) {
				assertThat(left.map((file) -> file.getFileName().toString()))
					.noneMatch((name) -> name.endsWith(".tmp"));
			}
		}
	}

	/**
	 * A run with iterations of several threads, open ones, repeated and unusual topic
	 * names, durations beyond the formatter's fast range and iterations with no calls.
	 */
	private Path writeRun(Random random, int run) {
		return writeRun(random, run, (run % 4 == 0) ? 3 : 1 + random.nextInt(2_000));
	}

	private Path writeRun(Random random, int run, int iterations) {
		Path folder = this.root.resolve("run" + run);
		MockBenchClock clock = new MockBenchClock(1_795_705_894.25 + run);
		String[] steps = { "load", "naïve \"step\"", "back\\slash", "emoji 😀", "GLOBALish", "x" };
		try (BenchDict dict = BenchDict.builder()
			.root(folder)
			.clock(clock)
			.retainedIterations((run % 3 == 0) ? 50 : iterations + 1)
			.build()) {
			Benchmarker bench = dict.get("random");
			for (int i = 0; i < iterations; i++) {
				bench.gstep();
				int calls = random.nextInt(8);
				for (int c = 0; c < calls; c++) {
					clock.addNanos(switch (random.nextInt(20)) {
						case 0 -> random.nextLong(1L << 40);
						case 1 -> 1_000_000_000_000_000L + random.nextInt(1000);
						default -> random.nextInt(50_000);
					});
					bench.step(steps[random.nextInt(steps.length)]);
				}
				bench.gstop();
			}
			openOnAnotherThread(bench, clock);
			bench.gstep();
			clock.addNanos(7);
			bench.step("open");
			return RunFiles.dataFile(dict.save(), "random");
		}
	}

	/** An iteration of one 5 ns step, {@code load}, with the extra when not null. */
	private static void oneLoadStep(Benchmarker bench, MockBenchClock clock, Object extra) {
		bench.gstep();
		clock.addNanos(5);
		if (extra != null) {
			bench.step("load", extra);
		}
		else {
			bench.step("load");
		}
		bench.gstop();
	}

	private static void openOnAnotherThread(Benchmarker bench, MockBenchClock clock) {
		CountDownLatch opened = new CountDownLatch(1);
		Thread thread = new Thread(() -> {
			bench.gstep();
			clock.addNanos(3);
			bench.step("elsewhere");
			opened.countDown();
		});
		thread.start();
		try {
			opened.await();
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The iterations of the DATA file's index in one piece, as the loader reads them. */
	private static List<SavedIteration> readIndex(Path data, long maxBytes) {
		RunFileReader reader = new RunFileReader(maxBytes, RunFileReader.DEFAULT_MAX_NESTING_DEPTH);
		return new ParallelDataReader(reader, 1, 0).readIndex(data);
	}

	private static List<SavedIteration> parse(Path data) {
		List<String> problems = new ArrayList<>();
		List<SavedIteration> parsed = RunFileReader.DEFAULT.read(data, "DATA", RunFileParser::iterations, List.of(),
				problems);
		assertThat(problems).isEmpty();
		return parsed;
	}

	private static void changeMiddleDigitKeepingTime(Path data) throws IOException {
		FileTime time = Files.getLastModifiedTime(data);
		try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long middle = channel.size() / 2;
			ByteBuffer window = ByteBuffer.allocate(4096);
			channel.read(window, middle);
			for (int i = 1; i < window.position(); i++) {
				byte b = window.get(i);
				// a digit after another: never a number's only digit, so the file stays
				// valid JSON
				if (b >= '1' && b <= '8' && window.get(i - 1) >= '0' && window.get(i - 1) <= '9') {
					channel.write(ByteBuffer.wrap(new byte[] { (byte) (b + 1) }), middle + i);
					break;
				}
			}
		}
		Files.setLastModifiedTime(data, time);
	}

	private static int lastDigit(byte[] bytes) {
		for (int i = bytes.length - 1; i > 0; i--) {
			if (bytes[i] >= '0' && bytes[i] <= '9' && bytes[i - 1] >= '0' && bytes[i - 1] <= '9') {
				return i;
			}
		}
		throw new IllegalStateException("no number");
	}

}
