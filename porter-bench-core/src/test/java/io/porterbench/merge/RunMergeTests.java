package io.porterbench.merge;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.record.RunOrigin;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunRecord;
import io.porterbench.record.SavedIteration;
import io.porterbench.record.SavedStepSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

/**
 * Tests for {@link RunMerge}: two workers' runs of the same benchmarkers become one run
 * whose summaries are those of the union of their iterations, computed exactly.
 */
class RunMergeTests {

	private static final double WORKER_A_START = 1_795_705_894.0;

	// starts half a second after A, so that the two runs' iterations interleave in time
	private static final double WORKER_B_START = 1_795_705_894.5;

	@TempDir
	Path temp;

	@Test
	void mergedRunHasEveryIterationOfEveryRunAndKeepsBenchmarkersOnlySomeRunsHave() {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), false);
		Path b = saveWorker("b", WORKER_B_START, RunOrigin.of("host-b", 202), durationsB(), false);

		RunRecord merged = RunRecord.load(RunMerge.merge(List.of(a, b), this.temp.resolve("merged")));

		assertThat(merged.problems()).isEmpty();
		assertThat(merged.benchNames()).containsExactly("only-a", "orders");
		BenchRecord orders = merged.bench("orders");
		assertThat(orders.iterations()).hasSize(durationsA().length + durationsB().length);
		assertThat(orders.summary().get("price").count()).isEqualTo(durationsA().length + durationsB().length);
		assertThat(orders.summary().get("GLOBAL").count()).isEqualTo(durationsA().length + durationsB().length);
		assertThat(merged.bench("only-a").iterations()).hasSize(2);
		assertThat(orders.iterations()).extracting(SavedIteration::stepNumber)
			.containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void mergedIterationsAreInStartTimeOrderAndEachNamesItsSource() {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), false);
		Path b = saveWorker("b", WORKER_B_START, RunOrigin.of("host-b", 202), durationsB(), false);

		BenchRecord orders = RunRecord.load(RunMerge.merge(List.of(b, a), this.temp.resolve("merged"))).bench("orders");

		double[] starts = orders.iterations().stream().mapToDouble(SavedIteration::startTime).toArray();
		double[] sorted = starts.clone();
		Arrays.sort(sorted);
		assertThat(starts).containsExactly(sorted);
		assertThat(orders.iterations()).extracting(SavedIteration::host)
			.containsExactly("host-a", "host-b", "host-a", "host-b", "host-a", "host-b", "host-a");
		assertThat(orders.iterations()).extracting(SavedIteration::pid)
			.containsExactly(101L, 202L, 101L, 202L, 101L, 202L, 101L);
		SavedIteration first = orders.iterations().get(0);
		assertThat(first.extra()).isEqualTo(Map.of(RunMerge.SOURCE, a.toString(), RunMerge.SOURCE_STEP_NUMBER, 0));
		SavedIteration fourth = orders.iterations().get(3);
		assertThat(fourth.extra()).isEqualTo(Map.of(RunMerge.SOURCE, b.toString(), RunMerge.SOURCE_STEP_NUMBER, 1));
		// the calls keep their own extras
		assertThat(first.calls().get("price").get(0).extra()).isEqualTo(Map.of("worker", "a"));
	}

	@Test
	void mergedSummaryIsTheSummaryOfTheUnionNotAnAverageOfTheRuns() throws IOException {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), false);
		Path b = saveWorker("b", WORKER_B_START, RunOrigin.of("host-b", 202), durationsB(), false);
		// the same iterations recorded by one process: what the merge must reproduce
		// figure for figure
		long[] union = concat(durationsA(), durationsB());
		Path whole = saveWorker("whole", WORKER_A_START, RunOrigin.of("host-a", 101), union, false);

		Path mergedFolder = RunMerge.merge(List.of(a, b), this.temp.resolve("merged"));
		Map<String, SavedStepSummary> merged = RunRecord.load(mergedFolder).bench("orders").summary();
		Map<String, SavedStepSummary> expected = RunRecord.load(whole).bench("orders").summary();

		assertThat(merged).isEqualTo(expected);
		assertThat(Files.readString(RunFiles.summaryFile(mergedFolder, "orders")))
			.isEqualTo(Files.readString(RunFiles.summaryFile(whole, "orders")));
		// and, by hand, the exact median and p99 of the union's price steps
		long[] sortedUnion = union.clone();
		Arrays.sort(sortedUnion);
		assertThat(merged.get("price").p50()).isEqualTo(sortedUnion[3] / 1e9);
		double p99Rank = 0.99 * (sortedUnion.length - 1);
		int below = (int) Math.floor(p99Rank);
		double p99 = (sortedUnion[below] + (p99Rank - below) * (sortedUnion[below + 1] - sortedUnion[below])) / 1e9;
		assertThat(merged.get("price").p99()).isCloseTo(p99, offset(1e-15));
		double averageOfMedians = (RunRecord.load(a).bench("orders").summary().get("price").p50()
				+ RunRecord.load(b).bench("orders").summary().get("price").p50()) / 2;
		assertThat(merged.get("price").p50()).isNotEqualTo(averageOfMedians);
	}

	@Test
	void mergedRunMergedAgainIsUnchangedByteForByte() throws IOException {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), true);
		Path b = saveWorker("b", WORKER_B_START, RunOrigin.of("host-b", 202), durationsB(), true);
		Path merged = RunMerge.merge(List.of(a, b), this.temp.resolve("merged"));

		Path again = RunMerge.merge(List.of(merged), this.temp.resolve("again"));

		assertThat(RunRecord.load(again).benches()).isEqualTo(RunRecord.load(merged).benches());
		for (Path file : files(merged)) {
			assertThat(again.resolve(file.getFileName().toString())).hasSameBinaryContentAs(file);
		}
		assertThat(files(again)).hasSameSizeAs(files(merged));
	}

	@Test
	void memoryIterationsOfEveryRunAreMergedWithTheirIterationsNumbers() {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), true);
		Path b = saveWorker("b", WORKER_B_START, RunOrigin.of("host-b", 202), durationsB(), true);

		BenchRecord orders = RunRecord.load(RunMerge.merge(List.of(a, b), this.temp.resolve("merged"))).bench("orders");

		assertThat(orders.memory()).hasSize(7);
		assertThat(orders.memory()).extracting((iteration) -> iteration.stepNumber())
			.containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(orders.memory()).extracting((iteration) -> iteration.host())
			.containsExactly("host-a", "host-b", "host-a", "host-b", "host-a", "host-b", "host-a");
	}

	@Test
	void runsOfThePythonOriginalMergeWithTheirCountsAddingUp() throws IOException {
		Path one = copyPythonRun(this.temp.resolve("one"));
		Path two = copyPythonRun(this.temp.resolve("two"));

		RunRecord merged = RunRecord.load(RunMerge.merge(List.of(one, two), this.temp.resolve("merged")));

		RunRecord original = RunRecord.loadLatest(one);
		assertThat(merged.problems()).isEmpty();
		assertThat(merged.benchNames()).isEqualTo(original.benchNames());
		for (String name : original.benchNames()) {
			assertThat(merged.bench(name).iterations()).hasSize(2 * original.bench(name).iterations().size());
			assertThat(merged.bench(name).memory()).hasSize(2 * original.bench(name).memory().size());
		}
	}

	@Test
	void noRunsIsRefused() {
		assertRefused(List.of(), "No runs to merge");
	}

	@Test
	void aPathThatIsNotARunIsRefused() throws IOException {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), false);
		Path empty = Files.createDirectories(this.temp.resolve("empty"));
		assertRefused(List.of(a, empty), empty + " is not a run: no run files");
		assertRefused(List.of(a, this.temp.resolve("missing")), "is not a run: no such folder");
		Path file = Files.writeString(this.temp.resolve("file.json"), "[]");
		assertRefused(List.of(a, file), "is not a run: it is a file");
	}

	@Test
	void aRunGivenTwiceIsRefused() {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), false);
		assertRefused(List.of(a, a.getParent()), "is given twice");
	}

	@Test
	void aMalformedFileIsRefusedNamingIt() throws IOException {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), false);
		Path b = saveWorker("b", WORKER_B_START, RunOrigin.of("host-b", 202), durationsB(), false);
		Files.writeString(RunFiles.dataFile(b, "orders"), "[{\"absolutes\": {\"price\": \"fast\"}}]");
		assertRefused(List.of(a, b), RunFiles.dataFile(b, "orders").toString());
		Path c = saveWorker("c", WORKER_B_START, RunOrigin.of("host-c", 303), durationsB(), false);
		Files.writeString(RunFiles.summaryFile(c, "orders"), "{\"price\": ");
		assertRefused(List.of(a, c), RunFiles.summaryFile(c, "orders").toString());
	}

	@Test
	void runsThatDisagreeOnABenchmarkersFormatAreRefused() {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), true);
		Path b = saveWorker("b", WORKER_B_START, RunOrigin.of("host-b", 202), durationsB(), false);
		assertRefused(List.of(a, b),
				"The runs disagree on the format of benchmarker 'orders': " + a
						+ " has a porter-bench SUMMARY file (ten figures) and memory samples with heap figures, " + b
						+ " has a porter-bench SUMMARY file (ten figures) and no memory samples");
	}

	@Test
	void aPythonRunAndAPorterBenchRunOfTheSameBenchmarkerAreRefused() throws IOException {
		Path python = copyPythonRun(this.temp.resolve("python"));
		MockBenchClock clock = new MockBenchClock(WORKER_A_START);
		try (BenchDict dict = BenchDict.builder().root(this.temp.resolve("java")).clock(clock).build()) {
			Benchmarker etl = dict.get("etl");
			etl.gstep();
			clock.add(Duration.ofMillis(3));
			etl.step("extract");
			etl.gstop();
			Path java = dict.save();
			assertRefused(List.of(python, java), "The runs disagree on the format of benchmarker 'etl'");
		}
	}

	@Test
	void anOutputRootThatIsAFileIsRefused() throws IOException {
		Path a = saveWorker("a", WORKER_A_START, RunOrigin.of("host-a", 101), durationsA(), false);
		Path file = Files.writeString(this.temp.resolve("root-file"), "x");
		assertThatIllegalArgumentException().isThrownBy(() -> RunMerge.merge(List.of(a), file))
			.withMessageContaining("is a file, not a folder");
		assertThat(file).hasContent("x");
	}

	private void assertRefused(List<Path> runs, String message) {
		Path root = this.temp.resolve("refused-output");
		assertThatIllegalArgumentException().isThrownBy(() -> RunMerge.merge(runs, root))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
		assertThat(root).doesNotExist();
	}

	// price times in nanoseconds, one per iteration; A's median is 35 ms, B's 6 ms, the
	// union's 20 ms
	private static long[] durationsA() {
		return new long[] { 20_000_000, 30_000_000, 40_000_000, 50_000_000 };
	}

	private static long[] durationsB() {
		return new long[] { 4_000_000, 6_000_000, 8_000_000 };
	}

	/**
	 * Saves one worker's run: an iteration a second, each with a {@code price} step of
	 * the given duration and a {@code notify} step; worker A also has a benchmarker of
	 * its own.
	 */
	private Path saveWorker(String worker, double start, RunOrigin origin, long[] priceNanos, boolean memory) {
		MockBenchClock clock = new MockBenchClock(start);
		try (BenchDict dict = BenchDict.builder().root(this.temp.resolve(worker)).clock(clock).origin(origin).build()) {
			Benchmarker orders = dict.get("orders");
			if (memory) {
				orders.enableMemoryTracking(false);
			}
			for (long nanos : priceNanos) {
				orders.gstep();
				clock.addNanos(nanos);
				orders.step("price", Map.of("worker", worker));
				clock.add(Duration.ofMillis(1));
				orders.step("notify");
				orders.gstop();
				clock.add(Duration.ofMillis(1000).minusNanos(nanos + 1_000_000));
			}
			if (worker.equals("a")) {
				Benchmarker own = dict.get("only-a");
				for (int i = 0; i < 2; i++) {
					own.gstep();
					clock.add(Duration.ofMillis(2));
					own.step("work");
					own.gstop();
				}
			}
			return dict.save();
		}
	}

	private static long[] concat(long[] a, long[] b) {
		long[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return new ArrayList<>(files.sorted().toList());
		}
	}

	private static Path copyPythonRun(Path project) throws IOException {
		Path source;
		try {
			source = Path
				.of(RunMergeTests.class.getResource("/python-run/TICTOC_PERFORMANCE/15:20-26:11:2026").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		Path target = Files
			.createDirectories(project.resolve("TICTOC_PERFORMANCE").resolve(source.getFileName().toString()));
		try (Stream<Path> files = Files.list(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
				target.resolve(file.getFileName().toString()).toFile().setWritable(true);
			}
		}
		return project;
	}

}
