package io.porterbench.record;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A damaged file costs its own part of one benchmarker and one line in
 * {@link RunRecord#problems()}; the rest of the run loads. Each test damages
 * {@code etl}'s DATA file of a copy of the Python run.
 */
class RunRecordDamagedFilesTests {

	@TempDir
	Path temp;

	private Path run;

	private Path etlData;

	@BeforeEach
	void copyRun() {
		this.run = ReferenceRuns.copyPythonRunTo(this.temp.resolve("2026-11-26_15-12-03"));
		this.etlData = this.run.resolve("etl_STEP_DICT_DATA.json");
	}

	private RunRecord loadWithEtlData(String content) throws IOException {
		Files.writeString(this.etlData, content, StandardCharsets.UTF_8);
		return RunRecord.load(this.run);
	}

	private void assertOnlyEtlDataIsLost(RunRecord record) {
		assertThat(record.problems()).hasSize(1);
		assertThat(record.problems().get(0)).startsWith(this.etlData.toAbsolutePath() + ": ").doesNotContain("\n");
		assertThat(record.bench("etl").iterations()).isEmpty();
		assertThat(record.bench("etl").summary()).hasSize(5);
		assertThat(record.bench("alloc").iterations()).hasSize(3);
		assertThat(record.bench("alloc").summary()).hasSize(8);
		assertThat(record.bench("alloc").memory()).hasSize(3);
	}

	@Test
	void reportsATruncatedFile() throws IOException {
		String valid = Files.readString(ReferenceRuns.pythonRunFolder().resolve("etl_STEP_DICT_DATA.json"));
		RunRecord record = loadWithEtlData(valid.substring(0, valid.length() / 2));
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0)).contains("not valid JSON at line").contains("end-of-input");
	}

	@Test
	void reportsAnEmptyFile() throws IOException {
		RunRecord record = loadWithEtlData("");
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0)).contains("is empty");
	}

	@Test
	void reportsTrailingGarbage() throws IOException {
		RunRecord record = loadWithEtlData("[] [");
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0)).contains("not valid JSON");
	}

	@Test
	void reportsAFileOfTheWrongShape() throws IOException {
		RunRecord record = loadWithEtlData("{\"absolutes\": {}}");
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0))
			.endsWith("not a valid DATA file: $: should be a list of iterations, found an object");
	}

	@Test
	void reportsAValueOfTheWrongTypeWithItsLocation() throws IOException {
		String valid = Files.readString(ReferenceRuns.pythonRunFolder().resolve("etl_STEP_DICT_DATA.json"));
		String damaged = valid.replace("\"STOP_TIME\": 1795706445.4611318", "\"STOP_TIME\": \"late\"");
		assertThat(damaged).isNotEqualTo(valid);
		RunRecord record = loadWithEtlData(damaged);
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0))
			.endsWith("$[2].info.STOP_TIME: should be a number, found the string \"late\"");
	}

	@Test
	void reportsAMissingKeyWithItsLocation() throws IOException {
		RunRecord record = loadWithEtlData("""
				[{"absolutes": {"a": 1.0}, "info": {"STEP_NUMBER": 0, "START_TIME": 1.0, "STOP_TIME": 2.0},
				  "individual_calls": {"a": [{"time": 1.0, "extra": null}]}}]
				""");
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0)).endsWith("$[0].individual_calls.a[0]: the key 'crono_counter' is missing");
	}

	@Test
	void reportsAFractionalCounter() throws IOException {
		RunRecord record = loadWithEtlData("""
				[{"absolutes": {"a b": 1.0}, "info": {"STEP_NUMBER": 0, "START_TIME": 1.0, "STOP_TIME": 2.0},
				  "individual_calls": {"a b": [{"time": 1.0, "crono_counter": 1.5}]}}]
				""");
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0))
			.endsWith("$[0].individual_calls['a b'][0].crono_counter: should be a whole number, found the number 1.5");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[", "{\"a\":" })
	void reportsA100000DeepFileInsteadOfOverflowingTheStack(String opener) throws IOException {
		String closer = opener.equals("[") ? "]" : "}";
		RunRecord record = loadWithEtlData(opener.repeat(100_000) + "1" + closer.repeat(100_000));
		assertOnlyEtlDataIsLost(record);
	}

	@ParameterizedTest
	@ValueSource(strings = { "extra", "unknown key" })
	void reportsA100000DeepValueAsTooDeep(String key) throws IOException {
		String deep = "[".repeat(100_000) + "]".repeat(100_000);
		RunRecord record = loadWithEtlData("""
				[{"absolutes": {"a": 1.0}, "info": {"STEP_NUMBER": 0, "START_TIME": 1.0, "STOP_TIME": 2.0},
				  "individual_calls": {"a": [{"time": 1.0, "crono_counter": 0, "%s": %s}]}}]
				""".formatted(key, deep));
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0)).contains("exceeds what the loader reads").contains("nesting depth");
	}

	@Test
	void readsNestingWithinTheLimit() throws IOException {
		String extra = "[".repeat(500) + "]".repeat(500);
		RunRecord record = loadWithEtlData("""
				[{"absolutes": {"a": 1.0}, "info": {"STEP_NUMBER": 0, "START_TIME": 1.0, "STOP_TIME": 2.0},
				  "individual_calls": {"a": [{"time": 1.0, "crono_counter": 0, "extra": %s}]}}]
				""".formatted(extra));
		assertThat(record.problems()).isEmpty();
		assertThat(record.bench("etl").iterations()).hasSize(1);
	}

	@Test
	void reportsAFileThatIsNotUtf8() throws IOException {
		String content = """
				[{"absolutes": {"caf\u00e9": 1.0}, "info": {"STEP_NUMBER": 0, "START_TIME": 1.0, "STOP_TIME": 2.0},
				  "individual_calls": {"caf\u00e9": [{"time": 1.0, "crono_counter": 0}]}}]
				""";
		Files.write(this.etlData, content.getBytes(StandardCharsets.ISO_8859_1));
		RunRecord record = RunRecord.load(this.run);
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0)).endsWith(
				": is not valid UTF-8: the character starting with byte 0xE9 at offset 20 is broken by byte 0x22");
	}

	@Test
	void readsNonAsciiTopicsInUtf8() throws IOException {
		RunRecord record = loadWithEtlData(
				"""
						[{"absolutes": {"caf\u00e9 \u6e2c\u5b9a": 1.0}, "info": {"STEP_NUMBER": 0, "START_TIME": 1.0,
						  "STOP_TIME": 2.0}, "individual_calls": {"caf\\u00e9 \u6e2c\u5b9a": [{"time": 1.0, "crono_counter": 0}]}}]
						""");
		assertThat(record.problems()).isEmpty();
		assertThat(record.bench("etl").topics()).containsExactly("caf\u00e9 \u6e2c\u5b9a");
		assertThat(record.bench("etl").iterations().get(0).calls()).containsOnlyKeys("caf\u00e9 \u6e2c\u5b9a");
	}

	@Test
	void reportsAFileOverTheSizeLimitWithoutReadingIt() throws IOException {
		long size = RunFileReader.DEFAULT_MAX_FILE_BYTES + 1;
		try (RandomAccessFile file = new RandomAccessFile(this.etlData.toFile(), "rw")) {
			file.setLength(size);
		}
		RunRecord record = RunRecord.load(this.run);
		assertOnlyEtlDataIsLost(record);
		assertThat(record.problems().get(0)).contains("is 536,870,913 bytes, more than the 536,870,912 bytes");
	}

	@Test
	void appliesASmallerSizeLimit() {
		RunRecord record = RunRecord.load(this.run, new RunFileReader(3_000, 100));
		assertThat(record.problems()).hasSize(3)
			.allSatisfy((line) -> assertThat(line).contains("more than the 3,000 bytes"));
		assertThat(record.bench("etl").iterations()).isEmpty();
		assertThat(record.bench("etl").summary()).hasSize(5);
		assertThat(record.bench("etl").memory()).isEmpty();
	}

	@Test
	void reportsABrokenTopObjectPair() throws IOException {
		Files.writeString(this.run.resolve("etl_MEMORY.json"), """
				[{"info": {"STEP_NUMBER": 0, "START_TIME": 1.0, "STOP_TIME": 2.0},
				  "data": {"gstep": [{"total memory usage": 1, "top_memory_objects": [["list", 10], ["dict"]],
				                      "crono_counter": 0}]}}]
				""");
		RunRecord record = RunRecord.load(this.run);
		assertThat(record.problems()).singleElement()
			.asString()
			.endsWith("not a valid MEMORY file: $[0].data.gstep[0].top_memory_objects[1]: "
					+ "should be a [type, bytes] pair such as [\"byte[]\", 1024]");
		assertThat(record.bench("etl").iterations()).hasSize(6);
	}

	@Test
	void reportsAMissingFileOfABenchmarker() throws IOException {
		Files.delete(this.run.resolve("alloc_MEMORY.json"));
		RunRecord record = RunRecord.load(this.run);
		assertThat(record.problems()).containsExactly(this.run.resolve("alloc_MEMORY.json").toAbsolutePath()
				+ ": missing; the run has other files of " + "'alloc', and every save writes all three");
		assertThat(record.bench("alloc").iterations()).hasSize(3);
		assertThat(record.bench("alloc").memory()).isEmpty();
	}

	@Test
	void reportsEachDamagedFileOnItsOwnLine() throws IOException {
		Files.writeString(this.etlData, "[{");
		Files.writeString(this.run.resolve("alloc_STEP_DICT_SUMMARY.json"), "[]");
		Files.writeString(this.run.resolve("alloc_MEMORY.json"), "[{\"info\": 1, \"data\": {}}]");
		RunRecord record = RunRecord.load(this.run);
		assertThat(record.problems()).hasSize(3);
		assertThat(record.problems().get(0))
			.startsWith(this.run.resolve("alloc_STEP_DICT_SUMMARY.json").toAbsolutePath()
					+ ": not a valid SUMMARY file: $: should be an object of steps, found a list");
		assertThat(record.problems().get(1)).startsWith(this.run.resolve("alloc_MEMORY.json").toAbsolutePath()
				+ ": not a valid MEMORY file: $[0].info: should be an object, found the number 1");
		assertThat(record.problems().get(2)).startsWith(this.etlData.toAbsolutePath() + ": not valid JSON");
		assertThat(record.bench("alloc").iterations()).hasSize(3);
		assertThat(record.bench("etl").summary()).hasSize(5);
	}

}
