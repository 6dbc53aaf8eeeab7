package io.porterbench.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DATA file read in parts gives what reading it in one piece gives, and a file that
 * cannot be cut, or is damaged, is read in one piece with the same problem lines.
 */
class ParallelDataReaderTests {

	@TempDir
	Path root;

	private Path data;

	@BeforeEach
	void writeRun() {
		MockBenchClock clock = new MockBenchClock(1_795_705_894.25);
		BenchDict dict = BenchDict.builder().root(this.root).clock(clock).retainedIterations(2_000).build();
		Benchmarker bench = dict.get("parts");
		for (int i = 0; i < 2_000; i++) {
			bench.gstep();
			clock.addNanos(1_000 + i);
			bench.step("load", (i % 7 == 0) ? Map.of("i", i, "text", "é \"x\"\n    },\n    {") : null);
			clock.addNanos(2_345 * (i % 13));
			bench.step("naïve");
			clock.addNanos(17);
			bench.step("load");
			bench.gstop();
		}
		bench.gstep();
		clock.addNanos(5);
		bench.step("open");
		this.data = RunFiles.dataFile(dict.save(), "parts");
		dict.close();
	}

	@Test
	void partsGiveTheIterationsOfOnePiece() {
		List<SavedIteration> whole = readWhole(this.data, new ArrayList<>());
		assertThat(whole).hasSize(2_001);
		for (int parts = 2; parts <= 4; parts++) {
			List<SavedIteration> inParts = new ParallelDataReader(RunFileReader.DEFAULT, parts, 0)
				.readInParts(this.data);
			assertThat(inParts).as("%d parts", parts).isNotNull().isEqualTo(whole);
		}
	}

	@Test
	void aSmallFileIsReadInOnePiece() {
		assertThat(new ParallelDataReader(RunFileReader.DEFAULT, 2, Long.MAX_VALUE).readInParts(this.data)).isNull();
	}

	@Test
	void aFileLaidOutWithoutTheIndentIsReadInOnePiece() throws IOException {
		String compact = Files.readString(this.data, StandardCharsets.UTF_8).replaceAll("\n +", "");
		Path file = this.root.resolve("compact_STEP_DICT_DATA.json");
		Files.writeString(file, compact, StandardCharsets.UTF_8);
		ParallelDataReader reader = new ParallelDataReader(RunFileReader.DEFAULT, 2, 0);
		assertThat(reader.readInParts(file)).isNull();
		List<String> problems = new ArrayList<>();
		assertThat(reader.read(file, problems)).isEqualTo(readWhole(this.data, new ArrayList<>()));
		assertThat(problems).isEmpty();
	}

	@Test
	void aDamagedFileGivesTheProblemOfOnePiece() throws IOException {
		byte[] bytes = Files.readAllBytes(this.data);
		int at = bytes.length * 3 / 4;
		while (bytes[at] != '"') {
			at++;
		}
		bytes[at] = '!';
		Path file = this.root.resolve("damaged_STEP_DICT_DATA.json");
		Files.write(file, bytes);
		ParallelDataReader reader = new ParallelDataReader(RunFileReader.DEFAULT, 2, 0);
		assertThat(reader.readInParts(file)).isNull();
		List<String> problems = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		assertThat(reader.read(file, problems)).isEmpty();
		readWhole(file, expected);
		assertThat(problems).isNotEmpty().isEqualTo(expected);
	}

	private static List<SavedIteration> readWhole(Path file, List<String> problems) {
		return RunFileReader.DEFAULT.read(file, "DATA", RunFileParser::iterations, List.of(), problems);
	}

}
