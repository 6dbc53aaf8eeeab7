package io.porterbench.dashboard.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.porterbench.dashboard.TestRuns;
import io.porterbench.dashboard.compare.LogNormalRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path folder;

	private Path base() {
		return LogNormalRuns.of(200, 1).writeTo(this.folder.resolve("base"));
	}

	private Path slower() {
		return LogNormalRuns.of(200, 2).scale("score", 1.10).writeTo(this.folder.resolve("new"));
	}

	private Path same() {
		return LogNormalRuns.of(200, 3).writeTo(this.folder.resolve("same"));
	}

	@Test
	void runsFromTheSameDistributionsExitWithZeroAndATable() {
		Cli.Result result = Cli.run("diff", base().toString(), same().toString());
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).contains("Baseline: " + this.folder.resolve("base"))
			.containsPattern("bench\\s+step\\s+verdict\\s+base n\\s+new n\\s+base median\\s+new median\\s+change"
					+ "\\s+99% interval\\s+p")
			.containsPattern("pipeline\\s+load\\s+unchanged\\s+200\\s+200\\s+\\d+\\.\\d{3} ms")
			.contains("0 regressed, 0 improved, 7 unchanged");
	}

	@Test
	void aRegressedStepExitsWithOneAndIsNamed() {
		Cli.Result result = Cli.run("diff", base().toString(), slower().toString());
		assertThat(result.status()).as(result.out() + result.err()).isEqualTo(1);
		assertThat(result.out())
			.containsPattern("pipeline\\s+score\\s+regressed\\s+200\\s+200\\s+.*\\+\\d+\\.\\d%"
					+ "\\s+\\[\\+\\d+\\.\\d%, \\+\\d+\\.\\d%\\]\\s+\\d\\.\\de-\\d+")
			.contains("1 regressed, 0 improved, 6 unchanged");
		assertThat(Cli.run("diff", base().toString(), slower().toString(), "--threshold", "50%").status())
			.as("a 50% threshold")
			.isZero();
	}

	@Test
	void jsonHasTheDocumentedShape() throws IOException {
		Cli.Result result = Cli.run("diff", base().toString(), slower().toString(), "--format", "json");
		assertThat(result.status()).isEqualTo(1);
		JsonNode json = JSON.readTree(result.out());
		assertThat(json.propertyNames()).startsWith("base", "new", "alpha", "threshold");
		assertThat(json.get("base").valueStream().map(JsonNode::asString)).containsExactly(runOf("base"));
		assertThat(json.get("new").asString()).isEqualTo(runOf("new"));
		assertThat(json.get("alpha").asDouble()).isEqualTo(0.01);
		assertThat(json.get("threshold").asDouble()).isEqualTo(0.05);
		assertThat(json.get("regressions").asInt()).isEqualTo(1);
		assertThat(json.get("improvements").asInt()).isZero();
		JsonNode bench = json.get("benchmarkers").get(0);
		assertThat(bench.get("name").asString()).isEqualTo("pipeline");
		JsonNode score = bench.get("steps")
			.valueStream()
			.filter((s) -> s.get("step").asString().equals("score"))
			.findFirst()
			.orElseThrow();
		assertThat(score.propertyNames()).containsExactly("step", "verdict", "baseCount", "newCount", "baseMedian",
				"newMedian", "change", "changeLow", "changeHigh", "pValue");
		assertThat(score.get("verdict").asString()).isEqualTo("regressed");
		assertThat(score.get("baseCount").asInt()).isEqualTo(200);
		assertThat(score.get("baseMedian").asDouble()).isBetween(0.007, 0.009);
		assertThat(score.get("change").asDouble()).isBetween(0.05, 0.15);
		assertThat(score.get("changeLow").asDouble()).isLessThan(score.get("change").asDouble());
		assertThat(score.get("changeHigh").asDouble()).isGreaterThan(score.get("change").asDouble());
		assertThat(score.get("pValue").asDouble()).isLessThan(0.01);
	}

	@Test
	void jsonHasNullFiguresWhereThereIsNoVerdict() throws IOException {
		Path base = TestRuns.bench("etl").iterations(3, "load", 0.01, "old", 0.02).writeTo(this.folder.resolve("a"));
		Path after = TestRuns.bench("etl").iterations(3, "load", 0.01, "fresh", 0.02).writeTo(this.folder.resolve("b"));
		Cli.Result result = Cli.run("diff", base.toString(), after.toString(), "--format", "json");
		assertThat(result.status()).as(result.err()).isZero();
		JsonNode steps = JSON.readTree(result.out()).get("benchmarkers").get(0).get("steps");
		List<String> verdicts = new ArrayList<>();
		for (JsonNode step : steps) {
			verdicts.add(step.get("step").asString() + " " + step.get("verdict").asString());
			for (String key : List.of("change", "changeLow", "changeHigh", "pValue")) {
				assertThat(step.get(key).isNull()).as(step + " " + key).isTrue();
			}
		}
		assertThat(verdicts).containsExactly("load insufficient", "old removed", "fresh added", "GLOBAL insufficient");
	}

	@Test
	void markdownIsATableForAPullRequest() {
		Cli.Result result = Cli.run("diff", base().toString(), slower().toString(), "--format", "markdown");
		assertThat(result.status()).isEqualTo(1);
		assertThat(result.out()).startsWith("### porter-bench diff: 1 regressed, 0 improved, 6 unchanged")
			.contains("| verdict | bench | step | base median | new median | change [99% interval] | p |")
			.containsPattern(
					"\\| :red_circle: \\*\\*regressed\\*\\* \\| pipeline \\| score \\| [\\d.]+ ms \\| [\\d.]+ ms"
							+ " \\| \\+\\d+\\.\\d% \\[\\+\\d+\\.\\d%, \\+\\d+\\.\\d%\\] \\| \\d\\.\\de-\\d+ \\| 200/200 \\|")
			.contains("| unchanged | pipeline | load |");
	}

	@Test
	void junitHasAFailedTestCasePerRegressedStep() throws Exception {
		Cli.Result result = Cli.run("diff", base().toString(), slower().toString(), "--format", "junit");
		assertThat(result.status()).isEqualTo(1);
		Document xml = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)));
		Element suites = xml.getDocumentElement();
		assertThat(suites.getTagName()).isEqualTo("testsuites");
		assertThat(suites.getAttribute("failures")).isEqualTo("1");
		Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
		assertThat(suite.getAttribute("name")).isEqualTo("pipeline");
		assertThat(suite.getAttribute("tests")).isEqualTo("7");
		assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(7);
		assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
		Element failure = (Element) xml.getElementsByTagName("failure").item(0);
		assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("score");
		assertThat(failure.getAttribute("message")).startsWith("pipeline / score regressed: median ")
			.contains("99% interval [+", "p = ", "n = 200/200");
	}

	@Test
	void outputWritesTheReportToAFileInsteadOfStandardOutput() throws IOException {
		Path report = this.folder.resolve("reports/diff.xml");
		Cli.Result result = Cli.run("diff", base().toString(), slower().toString(), "--format", "junit", "--output",
				report.toString());
		assertThat(result.status()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(Files.readString(report)).startsWith("<?xml").contains("<failure");
	}

	@Test
	void aBaselineRootOfFiveRunsIsPooledAndEveryFormatListsTheFive() throws IOException {
		Path root = this.folder.resolve("main-runs");
		List<Path> runs = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			runs.add(LogNormalRuns.of(60, 100 + i).writeTo(root));
		}
		Path after = slower();
		for (String format : List.of("text", "markdown", "json", "junit")) {
			Cli.Result result = Cli.run("diff", root.toString(), after.toString(), "--baseline-runs", "5", "--format",
					format);
			assertThat(result.status()).as(format + ": " + result.err()).isIn(0, 1);
			for (Path run : runs) {
				assertThat(result.out()).as(format).contains(run.getFileName().toString());
			}
		}
		JsonNode json = JSON.readTree(
				Cli.run("diff", root.toString(), after.toString(), "--baseline-runs", "5", "--format", "json").out());
		assertThat(json.get("base").valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(runs.stream().map(Path::toString).toList());
		assertThat(json.get("benchmarkers").get(0).get("steps").get(0).get("baseCount").asInt()).isEqualTo(300);
		Cli.Result text = Cli.run("diff", root.toString(), after.toString(), "--baseline-runs", "5");
		assertThat(text.out()).contains("Baseline: 5 runs pooled");
	}

	@Test
	void underTheSameRootOnlyRunsOlderThanTheNewOneArePooled() throws IOException {
		Path root = this.folder.resolve("runs");
		List<Path> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(LogNormalRuns.of(20, 200 + i).writeTo(root));
		}
		JsonNode json = JSON.readTree(
				Cli.run("diff", root.toString(), root.toString(), "--baseline-runs", "10", "--format", "json").out());
		assertThat(json.get("new").asString()).isEqualTo(runs.get(3).toString());
		assertThat(json.get("base").valueStream().map(JsonNode::asString)).containsExactly(runs.get(0).toString(),
				runs.get(1).toString(), runs.get(2).toString());
		JsonNode two = JSON.readTree(
				Cli.run("diff", root.toString(), runs.get(2).toString(), "--baseline-runs", "1", "--format", "json")
					.out());
		assertThat(two.get("base").valueStream().map(JsonNode::asString)).containsExactly(runs.get(1).toString());
	}

	@Test
	void theReferenceRunOfThePythonOriginalCanBeCompared() {
		Path python = TestRuns.copyPythonRun(this.folder.resolve("python"));
		Cli.Result result = Cli.run("diff", python.toString(), python.toString());
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("etl", "alloc", "GLOBAL");
	}

	@Test
	void badInputExitsWithTwoAndOneLineNamingTheProblem() throws IOException {
		Path a = base();
		Path b = same();
		Path text = Files.writeString(this.folder.resolve("notes.txt"), "not a run");
		Path empty = Files.createDirectories(this.folder.resolve("empty"));
		Path other = TestRuns.bench("other").iterations(6, "x", 0.1).writeTo(this.folder.resolve("other"));
		Path broken = LogNormalRuns.of(10, 4).writeTo(this.folder.resolve("broken"));
		Files.writeString(broken.resolve("pipeline_STEP_DICT_DATA.json"), "[{\"absolutes\": ");
		Path lonely = LogNormalRuns.of(10, 5).writeTo(this.folder.resolve("lonely"));
		String runA = a.toString();
		String runB = b.toString();
		assertBadInput("NEW: No folder at " + this.folder.resolve("nope"), "diff", runA,
				this.folder.resolve("nope").toString());
		assertBadInput("BASE: " + text + " is a file", "diff", text.toString(), runB);
		assertBadInput("BASE: " + empty + " is neither a run folder", "diff", empty.toString(), runB);
		assertBadInput("pipeline_STEP_DICT_DATA.json: not valid JSON", "diff", broken.toString(), runB);
		assertBadInput("The runs have no benchmarker in common: the baseline has [pipeline], the new run has [other]",
				"diff", runA, other.toString());
		assertBadInput("Benchmarker 'nope' is not in both runs; both have [pipeline]", "diff", runA, runB, "--bench",
				"nope");
		assertBadInput("alpha must be above 0 and below 1, such as 0.01; was '0'", "diff", runA, runB, "--alpha", "0");
		assertBadInput("alpha must be a number above 0 and below 1", "diff", runA, runB, "--alpha", "often");
		assertBadInput("threshold '10' would be read as a fraction (1000%); write 10% for a percentage or 0.1 for the"
				+ " fraction", "diff", runA, runB, "--threshold", "10");
		assertBadInput("threshold must be 0 or more", "diff", runA, runB, "--threshold", "-5%");
		assertBadInput("threshold must be a fraction such as 0.05 or a percentage such as 5%; was 'ten'", "diff", runA,
				runB, "--threshold", "ten");
		assertBadInput("min-iterations must be a whole number of 1 or more; was '0'", "diff", runA, runB,
				"--min-iterations", "0");
		assertBadInput("--baseline-runs must be a whole number of 1 or more; was 'all'", "diff", runA, runB,
				"--baseline-runs", "all");
		assertBadInput("--baseline-runs 3 pools the runs of a root, but BASE is a run folder", "diff", runA, runB,
				"--baseline-runs", "3");
		assertBadInput("BASE has no run older than the new run", "diff", lonely.getParent().toString(),
				lonely.getParent().toString());
		assertBadInput("--format must be one of text, markdown, json, junit; was 'html'", "diff", runA, runB,
				"--format", "html");
		assertBadInput("diff needs two runs, BASE and NEW; got 1", "diff", runA);
		assertBadInput("Unknown option: '--candidate'", "diff", runA, runB, "--candidate", runB);
		assertBadInput("Missing required parameter for option '--alpha'", "diff", runA, runB, "--alpha");
	}

	private void assertBadInput(String message, String... args) {
		Path report = this.folder.resolve("report-" + System.nanoTime() + ".txt");
		List<String> withOutput = new ArrayList<>(List.of(args));
		withOutput.addAll(1, List.of("--output", report.toString()));
		Cli.Result result = Cli.run(withOutput.toArray(String[]::new));
		assertThat(result.status()).as("%s: %s", List.of(args), result.err()).isEqualTo(2);
		assertThat(result.err()).as("%s", List.of(args)).contains(message);
		assertThat(result.err().strip().lines()).as("%s", List.of(args)).hasSize(1);
		assertThat(result.out()).isEmpty();
		assertThat(report).doesNotExist();
	}

	private String runOf(String name) {
		try (var entries = Files.list(this.folder.resolve(name))) {
			return entries.findFirst().orElseThrow().toString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
