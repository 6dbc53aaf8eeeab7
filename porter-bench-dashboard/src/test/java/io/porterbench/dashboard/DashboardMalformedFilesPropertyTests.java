package io.porterbench.dashboard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.porterbench.dashboard.cli.DashboardServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Whatever happens to one benchmarker's file (truncated, wrong types, huge numbers, deep
 * nesting, wrong encodings, garbage), the catalog and the running dashboard's API never
 * fail: the broken benchmarker's problem is reported, named by its file and without the
 * server's paths, and the healthy benchmarker of the same run is still served. The
 * dashboard writes nothing.
 */
class DashboardMalformedFilesPropertyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] FILE_SUFFIXES = { "_STEP_DICT_DATA.json", "_STEP_DICT_SUMMARY.json", "_MEMORY.json" };

	private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

	private static final int GOOD_ITERATIONS = 4;

	private static final AtomicInteger runs = new AtomicInteger();

	private static Path folder;

	private static Path root;

	private static byte[][] healthyBadFiles;

	private static RunCatalog catalog;

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeContainer
	static void startDashboard() throws IOException {
		folder = Files.createTempDirectory("porterbench-dashboard-malformed");
		root = Files.createDirectories(folder.resolve("runs"));
		Path template = TestRuns.bench("bad")
			.iterations(3, "prépare", 0.1, "計算", 0.2)
			.memory(100_000_000, 50_000_000, 120_000_000)
			.memory(110_000_000, 55_000_000, 0)
			.writeTo(folder.resolve("template"));
		healthyBadFiles = new byte[FILE_SUFFIXES.length][];
		for (int i = 0; i < FILE_SUFFIXES.length; i++) {
			healthyBadFiles[i] = Files.readAllBytes(template.resolve("bad" + FILE_SUFFIXES[i]));
		}
		catalog = new RunCatalog(root);
		context = DashboardServer.start(root, 0, "/porterbench");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterContainer
	static void stopDashboard() throws IOException {
		if (context != null) {
			context.close();
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	@Property(tries = 200)
	void theBrokenBenchmarkerIsReportedAndTheHealthyOneIsStillServed(@ForAll("corruptions") Corruption corruption)
			throws IOException {
		String name = LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(runs.incrementAndGet()).format(RUN_NAME);
		Path run = TestRuns.bench("good")
			.iterations(GOOD_ITERATIONS, "load", 0.1, "work", 0.2)
			.memory(90_000_000, 40_000_000, 95_000_000)
			.writeTo(root.resolve(name));
		for (int i = 0; i < FILE_SUFFIXES.length; i++) {
			byte[] content = (i == corruption.file()) ? corruption.content() : healthyBadFiles[i];
			Files.write(run.resolve("bad" + FILE_SUFFIXES[i]), content);
		}
		LoadedRun[] loaded = new LoadedRun[1];
		assertThatNoException().isThrownBy(() -> loaded[0] = catalog.load(name));
		assertThat(loaded[0].problemsOf("good")).isEmpty();
		assertThat(loaded[0].bench("good").iterations()).hasSize(GOOD_ITERATIONS);
		assertThat(loaded[0].runProblems()).isEmpty();

		JsonNode detail = getJson("/porterbench/api/runs/" + name);
		JsonNode good = bench(detail, "good");
		assertThat(good.get("readable").asBoolean()).isTrue();
		assertThat(good.get("problems").size()).isZero();
		assertThat(detail.get("problems").size()).isZero();
		JsonNode bad = bench(detail, "bad");
		List<String> problems = bad.get("problems").valueStream().map(JsonNode::asString).toList();
		assertThat(problems)
			.allSatisfy((problem) -> assertThat(problem).startsWith("bad" + FILE_SUFFIXES[corruption.file()] + ": ")
				.doesNotContain(folder.toString())
				.doesNotContain("\n"));
		assertThat(problems).as("problems of %s", corruption).isEqualTo(loaded[0].problemsOf("bad"));
		if (corruption.kind().alwaysBroken) {
			assertThat(problems).as("problems of %s", corruption).isNotEmpty();
		}
		RawHttp.Response badBench = RawHttp.get(port, "/porterbench/api/runs/" + name + "/benches/bad");
		if (problems.isEmpty()) {
			assertThat(bad.get("readable").asBoolean()).isTrue();
			assertThat(badBench.status()).isEqualTo(200);
		}
		else {
			assertThat(badBench.status()).as(badBench.body()).isIn(200, 404);
		}
		assertThat(getJson("/porterbench/api/runs/" + name + "/benches/good").get("iterations").asInt())
			.isEqualTo(GOOD_ITERATIONS);
		assertThat(fileNames(run)).as("the dashboard writes nothing").containsExactlyInAnyOrder(runFileNames());
		assertThat(fileNames(root)).containsExactly(name);

		Statistics.label("kind").collect(corruption.kind());
		Statistics.label("outcome").collect(problems.isEmpty() ? "still readable" : "reported");
		Statistics.label("outcome").coverage((coverage) -> coverage.check("reported").percentage((p) -> p > 50));
		deleteRun(run);
	}

	@Provide
	Arbitrary<Corruption> corruptions() {
		Arbitrary<Integer> file = Arbitraries.integers().between(0, FILE_SUFFIXES.length - 1);
		Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
		return Arbitraries
			.oneOf(Combinators.combine(file, where)
				.as((f, at) -> corrupt(Kind.TRUNCATED, f,
						Arrays.copyOf(healthyBadFiles[f], 1 + (int) (at * (stripped(f).length - 2))))),
					Combinators
						.combine(file, where,
								Arbitraries.of(List.of(new byte[] { (byte) 0xff }),
										List.of(new byte[] { (byte) 0xc3, 0x28 }),
										List.of(new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }),
										List.of(new byte[] { (byte) 0xc0, (byte) 0xaf }),
										List.of(new byte[] { (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
												(byte) 0x80 })))
						.as((f, at, bytes) -> corrupt(Kind.INVALID_UTF8, f,
								insert(healthyBadFiles[f], at, bytes.get(0)))),
					Combinators
						.combine(file,
								Arbitraries.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
										StandardCharsets.UTF_16, Charset.forName("UTF-32"), StandardCharsets.ISO_8859_1,
										Charset.forName("windows-1252")))
						.as((f, charset) -> corrupt(Kind.WRONG_ENCODING, f, text(f).getBytes(charset))),
					Combinators
						.combine(file, Arbitraries.integers().between(0, 10_000),
								Arbitraries.of("\"x\"", "[]", "{}", "null", "true", "-1", "\"\"", "[[[]]]",
										"{\"a\": {}}"))
						.as((f, slot, replacement) -> corrupt(Kind.WRONG_TYPE, f, replaceValue(f, slot, replacement))),
					Combinators
						.combine(file, Arbitraries.integers().between(0, 10_000),
								Arbitraries.of("1e999", "-1e999", "1" + "0".repeat(400), "1e-999", "NaN", "Infinity",
										"123456789012345678901234567890"))
						.as((f, slot, number) -> corrupt(Kind.HUGE_NUMBER, f, replaceNumber(f, slot, number))),
					Combinators
						.combine(file, Arbitraries.integers().between(200, 5_000), Arbitraries.of("[", "{\"a\": "))
						.as((f, depth, open) -> corrupt(Kind.DEEP_NESTING, f, nest(f, depth, open))),
					Combinators.combine(file, Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
						.as((f, bytes) -> corrupt(Kind.GARBAGE, f, bytes)));
	}

	private static Corruption corrupt(Kind kind, int file, byte[] content) {
		return new Corruption(kind, file, content);
	}

	private static byte[] stripped(int file) {
		return text(file).strip().getBytes(StandardCharsets.UTF_8);
	}

	private static String text(int file) {
		return new String(healthyBadFiles[file], StandardCharsets.UTF_8);
	}

	private static byte[] insert(byte[] content, double at, byte[] bytes) {
		int where = (int) (at * content.length);
		byte[] result = new byte[content.length + bytes.length];
		System.arraycopy(content, 0, result, 0, where);
		System.arraycopy(bytes, 0, result, where, bytes.length);
		System.arraycopy(content, where, result, where + bytes.length, content.length - where);
		return result;
	}

	private static byte[] replaceValue(int file, int slot, String replacement) {
		JsonNode tree = JSON.readTree(healthyBadFiles[file]);
		List<Runnable> replacements = new ArrayList<>();
		JsonNode value = JSON.readTree(replacement);
		collectSlots(tree, value, replacements);
		if (replacements.isEmpty()) {
			return replacement.getBytes(StandardCharsets.UTF_8);
		}
		replacements.get(slot % replacements.size()).run();
		return JSON.writeValueAsBytes(tree);
	}

	private static void collectSlots(JsonNode node, JsonNode value, List<Runnable> replacements) {
		if (node instanceof ObjectNode object) {
			for (String field : List.copyOf(object.propertyNames())) {
				replacements.add(() -> object.set(field, value));
				collectSlots(object.get(field), value, replacements);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				int index = i;
				replacements.add(() -> array.set(index, value));
				collectSlots(array.get(i), value, replacements);
			}
		}
	}

	private static byte[] replaceNumber(int file, int slot, String number) {
		String text = text(file);
		List<int[]> spans = new ArrayList<>();
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			spans.add(new int[] { matcher.start(), matcher.end() });
		}
		if (spans.isEmpty()) {
			return number.getBytes(StandardCharsets.UTF_8);
		}
		int[] span = spans.get(slot % spans.size());
		return (text.substring(0, span[0]) + number + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] nest(int file, int depth, String open) {
		String close = open.startsWith("[") ? "]" : "}";
		return (open.repeat(depth) + text(file) + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
	}

	private static JsonNode getJson(String target) {
		RawHttp.Response response = RawHttp.get(port, target);
		assertThat(response.status()).as("GET %s: %s", target, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode bench(JsonNode run, String name) {
		return run.get("benches")
			.valueStream()
			.filter((bench) -> bench.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no bench " + name + " in " + run));
	}

	private static List<String> fileNames(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static String[] runFileNames() {
		List<String> names = new ArrayList<>();
		for (String bench : List.of("good", "bad")) {
			for (String suffix : FILE_SUFFIXES) {
				names.add(bench + suffix);
			}
		}
		return names.toArray(String[]::new);
	}

	private static void deleteRun(Path run) throws IOException {
		try (Stream<Path> paths = Files.list(run)) {
			for (Path path : paths.toList()) {
				Files.delete(path);
			}
		}
		Files.delete(run);
	}

	/** What was done to the file. */
	enum Kind {

		TRUNCATED(true), INVALID_UTF8(true), WRONG_ENCODING(false), WRONG_TYPE(false), HUGE_NUMBER(false),
		DEEP_NESTING(false), GARBAGE(false);

		final boolean alwaysBroken;

		Kind(boolean alwaysBroken) {
			this.alwaysBroken = alwaysBroken;
		}

	}

	/**
	 * One damaged file of the benchmarker {@code bad}.
	 *
	 * @param kind what was done to it
	 * @param file which of its files: 0 data, 1 summary, 2 memory
	 * @param content the damaged content
	 */
	record Corruption(Kind kind, int file, byte[] content) {

		@Override
		public String toString() {
			String shown = new String(this.content, StandardCharsets.UTF_8);
			return this.kind + " bad" + FILE_SUFFIXES[this.file] + " (" + this.content.length + " bytes: "
					+ ((shown.length() > 80) ? shown.substring(0, 80) + "..." : shown) + ")";
		}

	}

}
