package io.porterbench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.record.RunFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run folder that cannot be written (a file stands where the folder should be, which
 * stops even root) fails the save clearly, never the recording code, and loses nothing:
 * the next save after the fault clears writes it all.
 */
class FaultToleranceTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path root;

	private static void iterations(Benchmarker bench, int count) {
		for (int i = 0; i < count; i++) {
			bench.gstep();
			bench.step("work", i);
			bench.gstop();
		}
	}

	@Test
	void explicitSaveToAnUnwritableFolderThrowsAClearErrorAndTheNextSaveWritesEverything() throws IOException {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("blocked");
		Files.createDirectories(dict.runDirectory().getParent());
		Files.writeString(dict.runDirectory(), "a file in the way");
		iterations(bench, 5);
		assertThatExceptionOfType(BenchSaveException.class).isThrownBy(dict::save)
			.withMessageContaining(dict.runDirectory().toString())
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(dict.runDirectory()));
		iterations(bench, 5);
		Files.delete(dict.runDirectory());
		dict.save();
		JsonNode data = MAPPER.readTree(RunFiles.dataFile(dict.runDirectory(), "blocked").toFile());
		assertThat(data.size()).isEqualTo(10);
	}

	@Test
	void failingAutoSavesNeverReachTheRecordingCodeAndRecoverWhenTheFaultClears() throws IOException {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("auto").setSaveOnGstop(1);
		Files.createDirectories(dict.runDirectory().getParent());
		Files.writeString(dict.runDirectory(), "a file in the way");
		iterations(bench, 50);
		dict.close();
		assertThat(bench.iterationCount()).isEqualTo(50);
		Files.delete(dict.runDirectory());
		iterations(bench, 1);
		dict.close();
		JsonNode data = MAPPER.readTree(RunFiles.dataFile(dict.runDirectory(), "auto").toFile());
		assertThat(data.size()).isEqualTo(51);
	}

	@Test
	void aRunFolderThatBecomesUnwritableIsLoggedOnceWithItsCauseNotOncePerAttemptAndTheRecoveryWritesAll()
			throws IOException {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("quiet").setSaveOnGstop(1);
		String log = captureStandardError(() -> {
			iterations(bench, 1);
			dict.close();
			assertThat(RunFiles.dataFile(dict.runDirectory(), "quiet")).exists();
			// The working run folder goes away and a file takes its place: no write can
			// succeed, not even as root.
			Files.move(dict.runDirectory(), this.root.resolve("moved-away"));
			Files.writeString(dict.runDirectory(), "a file in the way");
			// Closing after each iteration runs its auto-save before the next: five
			// separate failed attempts.
			for (int attempt = 0; attempt < 5; attempt++) {
				iterations(bench, 1);
				dict.close();
			}
			Files.delete(dict.runDirectory());
			iterations(bench, 1);
			dict.close();
		});
		assertThat(occurrences(log, "auto-save of 'quiet' failed")).isOne();
		assertThat(occurrences(log, BenchSaveException.class.getName())).isOne();
		assertThat(log).contains(dict.runDirectory().toString()).contains("Caused by: java.nio.file.");
		assertThat(occurrences(log, "auto-save of 'quiet' works again")).isOne();
		JsonNode data = MAPPER.readTree(RunFiles.dataFile(dict.runDirectory(), "quiet").toFile());
		assertThat(data.size()).isEqualTo(7);
	}

	@Test
	void anExtraJacksonCannotWriteIsSavedAsADescriptionAndTheRestOfTheFileIsIntact() throws IOException {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("extras");
		Object selfReferencing = new Object() {
			public Object getSelf() {
				return this;
			}
		};
		bench.gstep();
		bench.step("bad", selfReferencing);
		bench.step("good", 42);
		bench.gstop();
		dict.save();
		JsonNode data = MAPPER.readTree(RunFiles.dataFile(dict.runDirectory(), "extras").toFile());
		JsonNode calls = data.get(0).get("individual_calls");
		assertThat(calls.get("bad").get(0).get("extra").asString()).startsWith("<unserialisable");
		assertThat(calls.get("good").get(0).get("extra").asInt()).isEqualTo(42);
		assertThat(RunFiles.memoryFile(dict.runDirectory(), "extras")).exists();
	}

	@Test
	void sixteenThreadsWithAutoSaveEveryThousandGiveExactCountsInMemoryAndInTheSavedFiles() throws Exception {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("loaded").setSaveOnGstop(1_000);
		Thread[] threads = new Thread[16];
		for (int t = 0; t < threads.length; t++) {
			String topic = "t" + t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 100_000; i++) {
					bench.gstep();
					bench.step(topic);
				}
				bench.gstop();
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		dict.close();
		dict.save();
		assertThat(bench.iterationCount()).isEqualTo(1_600_000);
		JsonNode summary = MAPPER.readTree(RunFiles.summaryFile(dict.runDirectory(), "loaded").toFile());
		assertThat(summary.get("GLOBAL").get("count").asLong()).isEqualTo(1_600_000);
		for (int t = 0; t < 16; t++) {
			assertThat(summary.get("t" + t).get("count").asLong()).isEqualTo(100_000);
		}
		JsonNode data = MAPPER.readTree(RunFiles.dataFile(dict.runDirectory(), "loaded").toFile());
		assertThat(data.size()).isEqualTo(BenchDict.DEFAULT_RETAINED_ITERATIONS);
		assertThat(data.get(data.size() - 1).get("info").get("STEP_NUMBER").asLong()).isEqualTo(1_599_999);
	}

	private static String captureStandardError(IoAction action) throws IOException {
		PrintStream previous = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setErr(previous);
		}
		String log = captured.toString(StandardCharsets.UTF_8);
		previous.print(log);
		return log;
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

}
