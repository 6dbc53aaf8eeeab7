package io.porterbench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.internal.AtomicFiles;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM killed with SIGKILL while it saves leaves only complete files: each parses, and
 * the last save the child reported as complete is on disk whole.
 */
class CrashSafetyTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path root;

	@Test
	void killedWhileSavingLeavesEveryFileParseableAndTheLastCompletedSaveIntact() throws Exception {
		for (int round = 0; round < 20; round++) {
			Path runs = this.root.resolve("round-" + round);
			Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
					SavingChild.class.getName(), runs.toString())
				.redirectErrorStream(true)
				.start();
			long lastCompleted = readUntilKilled(child, 1 + ThreadLocalRandom.current().nextInt(30));
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(lastCompleted).as("the child completed saves before it was killed").isPositive();
			Path dataFile = findDataFile(runs);
			JsonNode data = MAPPER.readTree(dataFile.toFile());
			assertThat(data.size()).isGreaterThanOrEqualTo((int) lastCompleted);
			for (Path json : jsonFiles(runs)) {
				assertThat(MAPPER.readTree(json.toFile())).as("%s parses", json).isNotNull();
			}
			// A kill during a write may leave its temporary file: hidden, so the loader
			// never takes it for a run file.
			assertThat(regularFiles(runs)).filteredOn((name) -> !name.endsWith(RunFiles.EXTENSION))
				.allSatisfy((name) -> assertThat(name).startsWith(AtomicFiles.TEMP_PREFIX)
					.endsWith(AtomicFiles.TEMP_SUFFIX));
			RunRecord record = RunRecord.loadLatest(runs);
			assertThat(record.problems()).as("problems of the files left by round %d", round).isEmpty();
			assertThat(record.bench("crash").iterations()).hasSizeGreaterThanOrEqualTo((int) lastCompleted);
		}
	}

	private static long readUntilKilled(Process child, int savesBeforeKill) throws IOException {
		long lastCompleted = 0;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int saves = 0;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("SAVED ")) {
					lastCompleted = Long.parseLong(line.substring(6).trim());
					if (++saves >= savesBeforeKill) {
						child.destroyForcibly();
						break;
					}
				}
			}
		}
		return lastCompleted;
	}

	private static Path findDataFile(Path runs) throws IOException {
		List<Path> found = jsonFiles(runs).stream()
			.filter((path) -> path.getFileName().toString().equals("crash" + RunFiles.DATA_SUFFIX + RunFiles.EXTENSION))
			.toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static List<Path> jsonFiles(Path runs) throws IOException {
		try (Stream<Path> paths = Files.walk(runs)) {
			return paths.filter((path) -> path.getFileName().toString().endsWith(RunFiles.EXTENSION)).toList();
		}
	}

	private static List<String> regularFiles(Path runs) throws IOException {
		try (Stream<Path> paths = Files.walk(runs)) {
			return paths.filter(Files::isRegularFile).map((path) -> path.getFileName().toString()).toList();
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString()
				+ (File.separatorChar == '\\' ? ".exe" : "");
	}

	/**
	 * The child: records and saves without end, printing the iteration count of each
	 * completed save.
	 */
	static final class SavingChild {

		public static void main(String[] args) {
			BenchDict dict = new BenchDict(Path.of(args[0]));
			Benchmarker bench = dict.get("crash").setSaveOnGstop(1);
			for (long i = 1;; i++) {
				bench.gstep();
				bench.step("work", i);
				bench.step("more");
				bench.gstop();
				bench.save();
				System.out.println("SAVED " + i);
				System.out.flush();
			}
		}

	}

}
