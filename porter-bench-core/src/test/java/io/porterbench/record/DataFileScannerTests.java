package io.porterbench.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The byte-level scanner gives exactly the iterations Jackson's parser gives, reads the
 * files both writers produce (and compact JSON), and leaves everything else to the
 * parser, so that odd files still load and bad files still give the parser's precise
 * problems.
 */
class DataFileScannerTests {

	@TempDir
	Path root;

	@Test
	void thePythonOriginalsRunIsScannedToWhatTheParserReads() throws IOException {
		try (Stream<Path> files = Files.list(ReferenceRuns.pythonRunFolder())) {
			List<Path> data = files.filter((file) -> file.toString().endsWith("_STEP_DICT_DATA.json")).toList();
			assertThat(data).hasSize(2);
			for (Path file : data) {
				assertScannedAsParsed(file);
			}
		}
	}

	@Test
	void theGoldenFilesAreScannedToWhatTheParserReads() throws Exception {
		Path golden = Path.of(getClass().getResource("/golden").toURI());
		for (String name : List.of("golden_STEP_DICT_DATA.json", "memory_plain_STEP_DICT_DATA.json",
				"origin/golden_STEP_DICT_DATA.json", "origin/memory_plain_STEP_DICT_DATA.json")) {
			assertScannedAsParsed(golden.resolve(name));
		}
	}

	@Test
	void randomRunsAreScannedToWhatTheParserReadsInOnePieceAndInParts() {
		Random random = new Random(20261203);
		for (int run = 0; run < 12; run++) {
			Path data = writeRandomRun(random, run);
			List<SavedIteration> parsed = assertScannedAsParsed(data);
			for (int parts = 2; parts <= 4; parts++) {
				List<SavedIteration> scanned = new ParallelDataReader(RunFileReader.DEFAULT, parts, 0).scan(data);
				assertThat(scanned).as("run %d in %d parts", run, parts).isEqualTo(parsed);
			}
		}
	}

	@Test
	void compactJsonIsScannedToo() throws IOException {
		Path data = writeRandomRun(new Random(5), 5);
		String compact = Files.readString(data, StandardCharsets.UTF_8).replaceAll("\n +", "");
		Path file = this.root.resolve("compact_STEP_DICT_DATA.json");
		Files.writeString(file, compact, StandardCharsets.UTF_8);
		assertThat(assertScannedAsParsed(file)).isEqualTo(parse(data, new ArrayList<>()));
	}

	@Test
	void handEditedFilesTheScannerReadsGiveWhatTheParserReads() throws IOException {
		String[] edited = {
				// keys in another order, tabs and CRLF, START_TIME null and []
				"[{\"info\":{\"STOP_TIME\":2,\"START_TIME\":null,\"STEP_NUMBER\":7},\t\"individual_calls\":{},\r\n"
						+ "\"absolutes\":{}},{\"absolutes\":{\"a\":1},\"individual_calls\":{\"a\":[{\"crono_counter\":0,"
						+ "\"time\":1}]},\"info\":{\"STEP_NUMBER\":8,\"START_TIME\":[ ],\"STOP_TIME\":0}}]",
				// escaped and non-ASCII names, a repeated topic, Python's NaN and
				// Infinity
				"[{\"absolutes\":{\"\\u0041\\\"b\":NaN,\"na\u00efve\":Infinity,\"x\":-Infinity,\"x\":-0.0},"
						+ "\"info\":{\"STEP_NUMBER\":0,\"START_TIME\":1795705894.2850015,\"STOP_TIME\":1e3,"
						+ "\"HOST\":\"h\u00f6st\",\"PID\":-5},\"individual_calls\":{\"\\u0041\\\"b\":[{\"time\":1E-7,"
						+ "\"crono_counter\":-1,\"extra\":{\"k\":[1,2.5,\"s\",true,null,{\"d\":{}}]}}],\"x\":[],"
						+ "\"x\":[{\"time\":0,\"crono_counter\":2147483647,\"extra\":\"t\\u00e9\"}]},\"extra\":[1]}]",
				// numbers at the edges of the fast paths, and a whole float as the parser
				// takes it
				"[{\"absolutes\":{\"a\":0.1,\"b\":9007199254740993,\"c\":123456789012345678,\"d\":1.7976931348623157e308,"
						+ "\"e\":4.9e-324,\"f\":1e-400,\"g\":12345678901234567890.5,\"h\":-0,\"i\":0.000000000000000000001},"
						+ "\"info\":{\"STEP_NUMBER\":3.0,\"STOP_TIME\":1E+2,\"PID\":1e2},\"individual_calls\":{}}]",
				"[]", " [ ] \n" };
		for (String text : edited) {
			Path file = write(text);
			assertThat(DataFileScanner.scan(file, 0, Files.size(file), true, true, RunFileReader.DEFAULT.mapper()))
				.as(text)
				.isNotNull();
			assertScannedAsParsed(file);
		}
	}

	@Test
	void callsLaidOutAsTheWritersDoAndCallsThatOnlyLookLikeThemGiveWhatTheParserReads() throws IOException {
		String call = " ".repeat(16);
		String member = " ".repeat(20);
		String[] calls = {
				// as the writers lay them out: extra null, and GLOBAL's call without
				// extra
				call + "{\n" + member + "\"time\": 0.5,\n" + member + "\"crono_counter\": 0,\n" + member
						+ "\"extra\": null\n" + call + "}",
				call + "{\n" + member + "\"time\": 1e-7,\n" + member + "\"crono_counter\": 1\n" + call + "}",
				// the same indent, but an extra, a whole float counter, keys in another
				// order, a trailing space, another indent
				call + "{\n" + member + "\"time\": 2,\n" + member + "\"crono_counter\": 2,\n" + member
						+ "\"extra\": {\"k\": [1, null]}\n" + call + "}",
				call + "{\n" + member + "\"time\": 3,\n" + member + "\"crono_counter\": 3.0,\n" + member
						+ "\"extra\": null\n" + call + "}",
				call + "{\n" + member + "\"crono_counter\": 4,\n" + member + "\"time\": 4,\n" + member
						+ "\"extra\": null\n" + call + "}",
				call + "{\n" + member + "\"time\": 5 ,\n" + member + "\"crono_counter\": 5,\n" + member
						+ "\"extra\": null \n" + call + "}",
				call + "{\n" + member + "   \"time\": 6,\n" + member + "\"crono_counter\": 6,\n" + member
						+ "\"extra\": null\n" + call + "  }" };
		String text = "[\n    {\n        \"absolutes\": {\n            \"a\": 21.5\n        },\n"
				+ "        \"info\": {\n            \"STEP_NUMBER\": 0,\n            \"STOP_TIME\": 1.5\n        },\n"
				+ "        \"individual_calls\": {\n            \"a\": [\n" + String.join(",\n", calls)
				+ "\n            ]\n        }\n    }\n]";
		List<SavedIteration> read = assertScannedAsParsed(write(text));
		assertThat(read.get(0).calls().get("a")).extracting(SavedCall::cronoCounter)
			.containsExactly(0, 1, 2, 3, 4, 5, 6);
		assertThat(read.get(0).calls().get("a").get(2).extra())
			.isEqualTo(Map.of("k", java.util.Arrays.asList(1, null)));
		// a counter beyond an int, laid out as the writers do: the parser's problem
		Path bad = write(text.replace("\"crono_counter\": 1\n", "\"crono_counter\": 2147483648\n"));
		assertThat(scan(bad)).isNull();
		List<String> problems = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		assertThat(new ParallelDataReader(RunFileReader.DEFAULT).read(bad, problems)).isEqualTo(parse(bad, expected));
		assertThat(problems).hasSize(1).isEqualTo(expected);
	}

	@Test
	void iterationsOfOneProcessShareOneHostStringAndOnePid() throws IOException {
		String iteration = "{\"absolutes\":{},\"info\":{\"STEP_NUMBER\":%d,\"STOP_TIME\":1,\"HOST\":\"%s\","
				+ "\"PID\":%d},\"individual_calls\":{}}";
		Path file = write(
				"[" + String.format(iteration, 0, "build-7", 4242) + "," + String.format(iteration, 1, "build-7", 4242)
						+ "," + String.format(iteration, 2, "build-8", 4243) + "]");
		assertScannedAsParsed(file);
		List<SavedIteration> read = scan(file);
		assertThat(read.get(1).host()).isSameAs(read.get(0).host()).isEqualTo("build-7");
		assertThat(read.get(1).pid()).isSameAs(read.get(0).pid()).isEqualTo(4242L);
		assertThat(read.get(2).host()).isEqualTo("build-8");
		assertThat(read.get(2).pid()).isEqualTo(4243L);
	}

	@Test
	void filesTheScannerDoesNotReadAreReadByTheParser() throws IOException {
		String[] others = {
				// an unknown key, which the parser skips
				"[{\"absolutes\":{},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0,\"NEW\":[1]},\"individual_calls\":{},"
						+ "\"future\":{\"x\":1}}]",
				// a whole number beyond 18 digits
				"[{\"absolutes\":{\"a\":12345678901234567890},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},"
						+ "\"individual_calls\":{}}]",
				// an escaped key of the schema
				"[{\"\\u0061bsolutes\":{},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{}}]",
				// a deeply nested extra
				"[{\"absolutes\":{},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{},\"extra\":"
						+ "[".repeat(100) + "]".repeat(100) + "}]" };
		for (String text : others) {
			Path file = write(text);
			assertThat(DataFileScanner.scan(file, 0, Files.size(file), true, true, RunFileReader.DEFAULT.mapper()))
				.as(text)
				.isNull();
			List<String> problems = new ArrayList<>();
			List<SavedIteration> read = new ParallelDataReader(RunFileReader.DEFAULT).read(file, problems);
			assertThat(problems).as(text).isEmpty();
			assertThat(read).as(text).hasSize(1).isEqualTo(parse(file, new ArrayList<>()));
		}
	}

	@Test
	void badFilesGiveExactlyTheParsersProblems() throws IOException {
		Path data = writeRandomRun(new Random(9), 3);
		byte[] bytes = Files.readAllBytes(data);
		List<byte[]> bad = new ArrayList<>();
		bad.add(new byte[0]);
		bad.add(" \n ".getBytes(StandardCharsets.US_ASCII));
		bad.add(java.util.Arrays.copyOf(bytes, bytes.length / 2));
		bad.add(java.util.Arrays.copyOf(bytes, bytes.length - 1));
		byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 2);
		trailing[bytes.length] = ' ';
		trailing[bytes.length + 1] = 'x';
		bad.add(trailing);
		for (String text : new String[] {
				"[{\"absolutes\":{\"a\":01},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},"
						+ "\"individual_calls\":{}}]",
				"[{\"absolutes\":{\"a\":1.},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{}}]",
				"[{\"absolutes\":{\"a\":1},\"info\":{\"STEP_NUMBER\":0.5,\"STOP_TIME\":0},\"individual_calls\":{}}]",
				"[{\"absolutes\":{\"a\":1},\"info\":{\"STEP_NUMBER\":0},\"individual_calls\":{}}]",
				"[{\"absolutes\":{\"a\":\"1\"},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{}}]",
				"[{\"absolutes\":{\"a\":1},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0,\"START_TIME\":[1]},"
						+ "\"individual_calls\":{}}]",
				"[{\"absolutes\":{},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{\"a\":"
						+ "[{\"time\":1,\"crono_counter\":2147483648}]}}]",
				"[{\"absolutes\":{},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{\"a\":"
						+ "[{\"time\":1}]}}]",
				"[{\"absolutes\":{\"a\":1,},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{}}]",
				"[{\"absolutes\":{\"a\tb\":1},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{}}]",
				"[{\"absolutes\":{},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},\"individual_calls\":{},"
						+ "\"extra\":{\"a\":tru}}]",
				"{\"absolutes\":{}}", "[1]" }) {
			bad.add(text.getBytes(StandardCharsets.UTF_8));
		}
		// broken UTF-8 in a topic name and in an extra
		bad.add(utf8WithByte("[{\"absolutes\":{\"a?\":1},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},"
				+ "\"individual_calls\":{}}]", (byte) 0xC0));
		bad.add(utf8WithByte("[{\"absolutes\":{},\"info\":{\"STEP_NUMBER\":0,\"STOP_TIME\":0},"
				+ "\"individual_calls\":{},\"extra\":\"?\"}]", (byte) 0xED));
		for (byte[] content : bad) {
			Path file = this.root.resolve("bad_STEP_DICT_DATA.json");
			Files.write(file, content);
			String what = new String(content, 0, Math.min(content.length, 120), StandardCharsets.UTF_8);
			assertThat(DataFileScanner.scan(file, 0, content.length, true, true, RunFileReader.DEFAULT.mapper()))
				.as(what)
				.isNull();
			List<String> problems = new ArrayList<>();
			List<String> expected = new ArrayList<>();
			List<SavedIteration> read = new ParallelDataReader(RunFileReader.DEFAULT, 2, 0).read(file, problems);
			assertThat(read).as(what).isEqualTo(parse(file, expected));
			assertThat(problems).as(what).hasSize(1).isEqualTo(expected);
		}
	}

	@Test
	void theLowestNonZeroByteIsTheOneTheTrailingZerosPointAt() {
		Random random = new Random(5);
		for (int bit = 0; bit < 64; bit++) {
			long single = 1L << bit;
			assertThat(DataFileScanner.lowestNonZeroByte(single)).as("bit %d", bit).isEqualTo(bit / 8);
			// higher bits set as well do not change the answer
			long word = single | (random.nextLong() << 1 << bit);
			assertThat(DataFileScanner.lowestNonZeroByte(word)).as("word %x", word)
				.isEqualTo(Long.numberOfTrailingZeros(word) >>> 3);
		}
		assertThat(DataFileScanner.lowestNonZeroByte(0x2020202020202020L ^ 0x2020202020200A20L)).isEqualTo(1);
	}

	@Test
	void compactMapsBehaveAsTheUnmodifiableLinkedHashMapsTheyReplace() {
		Path data = writeRandomRun(new Random(11), 1);
		SavedIteration iteration = scan(data).get(3);
		Map<String, Double> copy = new LinkedHashMap<>(iteration.absolutes());
		assertThat(iteration.absolutes()).isEqualTo(copy)
			.hasSameHashCodeAs(copy)
			.hasToString(copy.toString())
			.containsExactlyEntriesOf(copy);
		assertThat(iteration.absolutes().get("missing")).isNull();
		assertThat(iteration.absolutes().get(null)).isNull();
		Map<String, List<SavedCall>> calls = new LinkedHashMap<>(iteration.calls());
		assertThat(iteration.calls()).isEqualTo(calls).hasSameHashCodeAs(calls).hasToString(calls.toString());
		String topic = calls.keySet().iterator().next();
		assertThat(iteration.calls().get(topic)).isEqualTo(new ArrayList<>(calls.get(topic)));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> iteration.absolutes().put("x", 1.0));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> iteration.absolutes().remove("missing"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> iteration.calls().get(topic).add(new SavedCall(1, 1, null)));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> iteration.calls().clear());
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> iteration.calls().get(topic).get(calls.get(topic).size()));
	}

	@Test
	void compactMapsRefuseEveryChange() throws IOException {
		Path data = writeRandomRun(new Random(12), 1);
		SavedIteration iteration = scan(data).get(0);
		Map<String, Double> absolutes = iteration.absolutes();
		Map<String, List<SavedCall>> calls = iteration.calls();
		String topic = absolutes.keySet().iterator().next();
		List<Runnable> changes = List.of(() -> absolutes.putIfAbsent("x", 1.0),
				() -> absolutes.computeIfAbsent("x", (name) -> 1.0),
				() -> absolutes.computeIfPresent(topic, (k, v) -> v), () -> absolutes.compute(topic, (k, v) -> v),
				() -> absolutes.merge(topic, 1.0, Double::sum), () -> absolutes.replace(topic, 2.0),
				() -> absolutes.replace(topic, 1.0, 2.0), () -> absolutes.remove(topic, 1.0),
				() -> absolutes.replaceAll((k, v) -> v), () -> absolutes.putAll(Map.of("x", 1.0)),
				() -> absolutes.keySet().remove(topic), () -> absolutes.values().clear(), () -> calls.remove("missing"),
				() -> calls.put("x", List.of()), () -> calls.keySet().clear());
		for (Runnable change : changes) {
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(change::run);
		}
		assertThat(iteration).isEqualTo(scan(data).get(0));
		// empty maps refuse changes that would change nothing, as unmodifiable maps do
		Path empty = write("[{\"absolutes\":{},\"individual_calls\":{},\"info\":{\"STEP_NUMBER\":1,"
				+ "\"START_TIME\":1,\"STOP_TIME\":2}}]");
		SavedIteration bare = scan(empty).get(0);
		assertThat(bare.absolutes()).isEmpty();
		assertThat(bare.calls()).isEmpty();
		List<Runnable> noChanges = List.of(() -> bare.absolutes().clear(), () -> bare.calls().clear(),
				() -> bare.absolutes().entrySet().clear(), () -> bare.calls().entrySet().removeIf((entry) -> true),
				() -> bare.absolutes().entrySet().remove(Map.entry("x", 1.0)), () -> bare.calls().keySet().clear(),
				() -> bare.absolutes().values().clear(), () -> bare.absolutes().remove("x"));
		for (Runnable change : noChanges) {
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(change::run);
		}
	}

	@Test
	void theVisitorsAndTheExtrasCheckGiveWhatTheMapsHold() {
		Random random = new Random(13);
		for (int run = 0; run < 6; run++) {
			for (SavedIteration iteration : scan(writeRandomRun(random, run))) {
				assertVisitorsMatchMaps(iteration);
				// the same iteration built from plain maps, as an application may build
				// one
				assertVisitorsMatchMaps(
						new SavedIteration(iteration.stepNumber(), iteration.startTime(), iteration.stopTime(),
								new LinkedHashMap<>(iteration.absolutes()), new LinkedHashMap<>(iteration.calls())));
			}
		}
		Map<String, Double> withNull = new LinkedHashMap<>();
		withNull.put("load", null);
		List<String> given = new ArrayList<>();
		new SavedIteration(1, 0, 1, withNull, Map.of())
			.forEachAbsolute((topic, seconds) -> given.add(topic + "=" + seconds));
		assertThat(given).containsExactly("load=NaN");
	}

	private static void assertVisitorsMatchMaps(SavedIteration iteration) {
		List<List<Object>> expectedCalls = new ArrayList<>();
		iteration.calls()
			.forEach((topic, list) -> list.forEach((call) -> expectedCalls
				.add(List.of(topic, call.time(), call.cronoCounter(), String.valueOf(call.extra())))));
		List<List<Object>> visitedCalls = new ArrayList<>();
		iteration.forEachCall((topic, seconds, cronoCounter, extra) -> visitedCalls
			.add(List.of(topic, seconds, cronoCounter, String.valueOf(extra))));
		assertThat(visitedCalls).isEqualTo(expectedCalls);
		List<List<Object>> expectedTimes = new ArrayList<>();
		iteration.absolutes().forEach((topic, seconds) -> expectedTimes.add(List.of(topic, seconds)));
		List<List<Object>> visitedTimes = new ArrayList<>();
		iteration.forEachAbsolute((topic, seconds) -> visitedTimes.add(List.of(topic, seconds)));
		assertThat(visitedTimes).isEqualTo(expectedTimes);
		assertThat(iteration.hasCallExtras()).as("%s", iteration)
			.isEqualTo(
					iteration.calls().values().stream().flatMap(List::stream).anyMatch((call) -> call.extra() != null));
	}

	private List<SavedIteration> assertScannedAsParsed(Path file) {
		List<String> problems = new ArrayList<>();
		List<SavedIteration> parsed = parse(file, problems);
		assertThat(problems).as(file.toString()).isEmpty();
		List<SavedIteration> scanned = scan(file);
		assertThat(scanned).as(file.toString()).isNotNull().isEqualTo(parsed);
		assertThat(scanned).as(file.toString()).hasToString(parsed.toString());
		List<String> readProblems = new ArrayList<>();
		assertThat(new ParallelDataReader(RunFileReader.DEFAULT).read(file, readProblems)).isEqualTo(parsed);
		assertThat(readProblems).isEmpty();
		return parsed;
	}

	private static List<SavedIteration> scan(Path file) {
		try {
			return DataFileScanner.scan(file, 0, Files.size(file), true, true, RunFileReader.DEFAULT.mapper());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<SavedIteration> parse(Path file, List<String> problems) {
		return RunFileReader.DEFAULT.read(file, "DATA", RunFileParser::iterations, List.of(), problems);
	}

	private Path write(String text) throws IOException {
		Path file = this.root.resolve("edited_STEP_DICT_DATA.json");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	private static byte[] utf8WithByte(String text, byte replacement) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '?') {
				bytes[i] = replacement;
			}
		}
		return bytes;
	}

	/**
	 * A run written by the core library: a few to a few thousand iterations, names with
	 * quotes, backslashes and non-ASCII characters, extras of every kind, calls repeated
	 * in an iteration, and an iteration left open.
	 */
	private Path writeRandomRun(Random random, int run) {
		Path folder = this.root.resolve("run" + run);
		MockBenchClock clock = new MockBenchClock(1_795_705_894.25 + run);
		int iterations = (run % 4 == 0) ? 3 : 1 + random.nextInt(3_000);
		BenchDict dict = BenchDict.builder().root(folder).clock(clock).retainedIterations(iterations + 1).build();
		Benchmarker bench = dict.get("random");
		String[] steps = { "load", "naïve \"step\"", "back\\slash", "emoji 😀", "GLOBALish", "x" };
		for (int i = 0; i < iterations; i++) {
			bench.gstep();
			int calls = random.nextInt(8);
			for (int c = 0; c < calls; c++) {
				clock.addNanos((random.nextInt(10) == 0) ? random.nextLong(1L << 40) : random.nextInt(50_000));
				String step = steps[random.nextInt(steps.length)];
				Object extra = switch (random.nextInt(8)) {
					case 0 -> Map.of("i", i, "text", "é \"x\"\n    },\n    {");
					case 1 -> List.of(1, 2.5, "three", List.of());
					case 2 -> "plain";
					case 3 -> random.nextDouble();
					default -> null;
				};
				if (extra != null) {
					bench.step(step, extra);
				}
				else {
					bench.step(step);
				}
			}
			bench.gstop();
		}
		bench.gstep();
		clock.addNanos(7);
		bench.step("open");
		Path data = RunFiles.dataFile(dict.save(), "random");
		dict.close();
		return data;
	}

}
