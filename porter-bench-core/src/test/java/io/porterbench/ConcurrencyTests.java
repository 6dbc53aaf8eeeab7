package io.porterbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.record.RunFiles;
import io.porterbench.summary.StepStats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The original's thread-safety scenarios, with exact counts, and the large contended run.
 */
class ConcurrencyTests {

	@TempDir
	Path root;

	private static void runThreads(int threads, ThrowingTask task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int index = t;
			futures.add(pool.submit(() -> {
				start.await();
				task.run(index);
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
	}

	@FunctionalInterface
	interface ThrowingTask {

		void run(int thread) throws Exception;

	}

	@Test
	void sixteenThreadsTimesOneHundredThousandIterationsGiveExactCountsWithEachThreadsStepsIntact() throws Exception {
		BenchDict dict = BenchDict.builder().root(this.root).retainedIterations(1_000).build();
		Benchmarker bench = dict.get("shared");
		String[][] topics = new String[16][];
		for (int t = 0; t < 16; t++) {
			topics[t] = new String[] { "a" + t, "b" + t };
		}
		runThreads(16, (t) -> {
			for (int i = 0; i < 100_000; i++) {
				bench.gstep();
				bench.step(topics[t][0]);
				bench.step(topics[t][1]);
			}
			bench.gstop();
		});
		assertThat(bench.iterationCount()).isEqualTo(1_600_000);
		BenchSummary summary = bench.summary();
		for (int t = 0; t < 16; t++) {
			assertThat(summary.step("a" + t).count()).isEqualTo(100_000);
			assertThat(summary.step("b" + t).count()).isEqualTo(100_000);
		}
		assertThat(summary.step("gstop").count()).isEqualTo(1_600_000);
		assertThat(summary.step(BenchSummary.GLOBAL).count()).isEqualTo(1_600_000);
		RunSnapshot snapshot = bench.snapshot();
		for (IterationData iteration : snapshot.retained()) {
			assertThat(iteration.size()).isEqualTo(3);
			String owner = iteration.topic(0).substring(1);
			assertThat(iteration.topic(1)).isEqualTo("b" + owner);
			assertThat(iteration.topic(2)).isEqualTo("gstop");
		}
	}

	@Test
	void tenWorkersWithTheirOwnBenchmarkerGetExactlyTheirIterations() throws Exception {
		BenchDict dict = new BenchDict(this.root);
		runThreads(10, (t) -> {
			Benchmarker bench = dict.get("worker_" + t);
			for (int i = 0; i < 30; i++) {
				bench.gstep();
				bench.step("op_a");
				bench.step("op_b");
				bench.gstop();
			}
			if (t % 5 == 0) {
				bench.gstep();
				bench.step("checkpoint");
				bench.gstop();
			}
		});
		for (int t = 0; t < 10; t++) {
			assertThat(dict.get("worker_" + t).iterationCount()).isEqualTo((t % 5 == 0) ? 31 : 30);
		}
	}

	@Test
	void sharedBenchmarkerWithStartStepGstopFromFiveThreadsGivesExactlyOneHundred() throws Exception {
		Benchmarker bench = new BenchDict(this.root).get("shared");
		runThreads(5, (t) -> {
			for (int i = 0; i < 20; i++) {
				bench.start();
				bench.step("work");
				bench.gstop();
			}
		});
		assertThat(bench.iterationCount()).isEqualTo(100);
	}

	@Test
	void concurrentGetReturnsOneInstancePerName() throws Exception {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker[][] seen = new Benchmarker[8][20];
		runThreads(8, (t) -> {
			for (int k = 0; k < 20; k++) {
				seen[t][k] = dict.get("key_" + k);
			}
		});
		for (int k = 0; k < 20; k++) {
			for (int t = 1; t < 8; t++) {
				assertThat(seen[t][k]).isSameAs(seen[0][k]);
			}
		}
		assertThat(dict.names()).hasSize(20);
	}

	@Test
	void togglingEnableWhileWritersRunNeverThrows() throws Exception {
		Benchmarker bench = new BenchDict(this.root).get("toggled");
		runThreads(4, (t) -> {
			for (int i = 0; i < 2_000; i++) {
				if (t == 0) {
					if (i % 2 == 0) {
						bench.disable();
					}
					else {
						bench.enable();
					}
				}
				else {
					bench.start();
					bench.step("work");
					bench.gstop();
				}
			}
		});
		bench.enable();
		assertThat(bench.iterationCount()).isBetween(0L, 6_000L);
	}

	@Test
	void savingWhileThreadsRecordAlwaysWritesValidJson() throws Exception {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("saved");
		bench.setSaveOnGstop(1);
		JsonMapper mapper = JsonMapper.builder().build();
		runThreads(5, (t) -> {
			for (int i = 0; i < 200; i++) {
				if (t == 4) {
					bench.save();
					JsonNode data = mapper.readTree(RunFiles.dataFile(bench.runDirectory(), "saved").toFile());
					assertThat(data.isArray()).isTrue();
				}
				else {
					bench.gstep();
					bench.step("work", i);
					bench.gstop();
				}
			}
		});
		dict.close();
		bench.save();
		JsonNode data = mapper.readTree(RunFiles.dataFile(bench.runDirectory(), "saved").toFile());
		assertThat(data.size()).isEqualTo(800);
	}

	@Test
	void summariesBeyondTheWindowAddUpEveryThreadsIterations() throws Exception {
		Benchmarker bench = BenchDict.builder().root(this.root).retainedIterations(10).build().get("striped");
		int threads = 4;
		int iterations = 5_000;
		runThreads(threads, (t) -> {
			for (int i = 0; i < iterations; i++) {
				bench.gstep();
				bench.record("work", 1_000L * (t + 1));
				bench.gstop();
			}
		});
		BenchSummary summary = bench.summary();
		assertThat(summary.iterations()).isEqualTo(threads * iterations);
		StepStats work = summary.step("work");
		assertThat(work.count()).isEqualTo(threads * iterations);
		assertThat(work.total()).isCloseTo(iterations * 1_000e-9 * (1 + 2 + 3 + 4), within(1e-9));
		assertThat(work.min()).isEqualTo(1e-6);
		assertThat(work.max()).isEqualTo(4e-6);
		assertThat(work.mean()).isCloseTo(2.5e-6, within(1e-15));
		assertThat(summary.step(BenchSummary.GLOBAL).count()).isEqualTo(threads * iterations);
		assertThat(bench.snapshot().retained()).hasSize(10);
	}

	@Test
	void aWindowSmallerThanTheThreadsKeepsTheNewestIterationsIntactAndInClosingOrderWhileSnapshotsRead()
			throws Exception {
		Benchmarker bench = BenchDict.builder().root(this.root).retainedIterations(3).build().get("lapped");
		int writers = 8;
		String[] topics = new String[writers];
		for (int t = 0; t < writers; t++) {
			topics[t] = "w" + t;
		}
		List<String> problems = new ArrayList<>();
		runThreads(writers + 1, (t) -> {
			if (t == writers) {
				// the reader: every snapshot's window must be whole while the writers lap
				// the ring again and again
				for (int s = 0; s < 500; s++) {
					problems.addAll(windowProblems(bench.snapshot()));
				}
				return;
			}
			// writer 0 closes long iterations, whose copies take long enough for the
			// others to lap the ring meanwhile
			int iterations = (t == 0) ? 200 : 20_000;
			int calls = (t == 0) ? 2_000 : 1;
			for (int i = 0; i < iterations; i++) {
				bench.gstep();
				for (int c = 0; c < calls; c++) {
					// the duration encodes the writer and its iteration, so that a torn
					// or reordered slot shows
					bench.record(topics[t], 1_000_000L * t + i);
				}
			}
			bench.gstop();
		});
		RunSnapshot last = bench.snapshot();
		assertThat(problems).isEmpty();
		assertThat(windowProblems(last)).isEmpty();
		assertThat(last.closedCount()).isEqualTo(200 + (writers - 1) * 20_000L);
		assertThat(last.retained()).hasSize(3);
		assertThat(bench.summary().step(BenchSummary.GLOBAL).count()).isEqualTo(200 + (writers - 1) * 20_000);
	}

	private static List<String> windowProblems(RunSnapshot snapshot) {
		List<String> problems = new ArrayList<>();
		List<IterationData> retained = snapshot.retained();
		long[] lastSeen = new long[64];
		Arrays.fill(lastSeen, -1);
		for (int k = 0; k < retained.size(); k++) {
			IterationData iteration = retained.get(k);
			long expectedNumber = snapshot.closedCount() - retained.size() + k;
			int writer = (int) (iteration.nanos(0) / 1_000_000);
			long index = iteration.nanos(0) % 1_000_000;
			boolean intact = iteration.number() == expectedNumber && iteration.size() >= 2
					&& iteration.topic(iteration.size() - 1).equals(Benchmarker.GSTOP);
			for (int c = 0; intact && c < iteration.size() - 1; c++) {
				intact = iteration.topic(c).equals("w" + writer) && iteration.nanos(c) == iteration.nanos(0);
			}
			if (!intact) {
				problems.add("slot " + k + " of " + snapshot.closedCount() + ": number " + iteration.number() + ", "
						+ iteration.size() + " calls, first " + iteration.topic(0) + "=" + iteration.nanos(0));
			}
			else if (index <= lastSeen[writer]) {
				problems.add("writer " + writer + "'s iteration " + index + " after its " + lastSeen[writer]);
			}
			else {
				lastSeen[writer] = index;
			}
		}
		return problems;
	}

}
