package io.porterbench.dashboard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.porterbench.dashboard.cli.DashboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardApiIntegrationTests {

	private static final String SECRET = "TOP-SECRET-MARKER";

	private static final String BROKEN_RUN = "2026-01-01_00-00-00";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path folder;

	private static ConfigurableApplicationContext context;

	private static int port;

	private static String coreRun;

	@BeforeAll
	static void startDashboard() throws IOException {
		Path root = Files.createDirectories(folder.resolve("runs"));
		Files.writeString(folder.resolve("secret.txt"), SECRET);
		Files.writeString(folder.resolve("secret_STEP_DICT_DATA.json"),
				"[{\"absolutes\": {\"" + SECRET + "\": 1.0}, \"info\": {}, \"individual_calls\": {}}]");
		Path python = TestRuns.copyPythonRun(folder.resolve("python"));
		Files.move(python, root.resolve(TestRuns.PYTHON_RUN));
		coreRun = CoreRuns.write(root, "pipeline", 50, "load", 10, "process", 20).getFileName().toString();
		Path broken = TestRuns.bench("good").iterations(5, "a", 0.1).writeTo(root.resolve(BROKEN_RUN));
		TestRuns.bench("bad").iterations(5, "a", 0.1).writeTo(broken);
		Files.writeString(broken.resolve("bad_STEP_DICT_DATA.json"), "{\"this is\": \"not a run file\"");
		Files.writeString(broken.resolve("foreign_STEP_DICT_SUMMARY.json"), "<html>not json</html>");
		Files.createSymbolicLink(broken.resolve("leak_STEP_DICT_DATA.json"),
				folder.resolve("secret_STEP_DICT_DATA.json"));
		Files.createSymbolicLink(root.resolve("2026-02-02_00-00-00"), folder);
		context = DashboardServer.start(root, 0, "/porterbench");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stopDashboard() {
		if (context != null) {
			context.close();
		}
	}

	private static JsonNode getJson(String target) {
		RawHttp.Response response = RawHttp.get(port, target);
		assertThat(response.status()).as("GET %s: %s", target, response.body()).isEqualTo(200);
		assertThat(response.head()).containsIgnoringCase("application/json");
		return JSON.readTree(response.body());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Test
	void runsAreListedNewestFirstWithoutLinkedFolders() {
		JsonNode runs = getJson("/porterbench/api/runs");
		List<String> names = runs.get("runs").valueStream().map((run) -> run.get("name").asString()).toList();
		assertThat(names).containsExactlyInAnyOrder(coreRun, TestRuns.PYTHON_RUN, BROKEN_RUN);
		assertThat(names.get(0)).isEqualTo(coreRun);
		assertThat(runs.get("root").asString()).isEqualTo("runs");
		assertThat(runs.get("live").asBoolean()).isFalse();
	}

	@Test
	void thePythonRunServesItsFourCharts() {
		JsonNode alloc = getJson("/porterbench/api/runs/" + enc(TestRuns.PYTHON_RUN) + "/benches/alloc");
		assertThat(alloc.get("iterations").asInt()).isEqualTo(3);
		assertThat(alloc.get("times").get("series").valueStream().map((s) -> s.get("name").asString())).contains("grow",
				"work", "GLOBAL");
		assertThat(alloc.get("bars").get("steps").get(alloc.get("bars").get("steps").size() - 1).asString())
			.isEqualTo("GLOBAL");
		assertThat(alloc.get("crono").get("series").get(0).get("x").size()).isPositive();
		assertThat(alloc.get("memory").get("series").get(0).get("name").asString()).isEqualTo("RSS (MB)");
		assertThat(alloc.get("summary").size()).isEqualTo(alloc.get("bars").get("steps").size());
		JsonNode etl = getJson("/porterbench/api/runs/" + enc(TestRuns.PYTHON_RUN) + "/benches/etl");
		assertThat(etl.get("memory").isNull()).isTrue();
		assertThat(etl.get("problems").size()).isZero();
	}

	@Test
	void aRunWrittenByTheCoreLibraryIsServed() {
		JsonNode pipeline = getJson("/porterbench/api/runs/" + coreRun + "/benches/pipeline");
		assertThat(pipeline.get("iterations").asInt()).isEqualTo(50);
		assertThat(pipeline.get("times").get("series").valueStream().map((s) -> s.get("name").asString()))
			.contains("load", "process", "GLOBAL");
	}

	@Test
	void brokenFilesAreReportedPerBenchmarkerWhileTheOthersAreServed() {
		JsonNode run = getJson("/porterbench/api/runs/" + BROKEN_RUN);
		JsonNode bad = bench(run, "bad");
		JsonNode foreign = bench(run, "foreign");
		JsonNode good = bench(run, "good");
		JsonNode leak = bench(run, "leak");
		assertThat(bad.get("problems").get(0).asString()).startsWith("bad_STEP_DICT_DATA.json");
		assertThat(foreign.get("problems").valueStream().map(JsonNode::asString))
			.anySatisfy((problem) -> assertThat(problem).startsWith("foreign_STEP_DICT_SUMMARY.json"));
		assertThat(good.get("problems").size()).isZero();
		assertThat(good.get("readable").asBoolean()).isTrue();
		assertThat(leak.get("readable").asBoolean()).isFalse();
		assertThat(leak.get("problems").get(0).asString()).contains("links outside the root");
		assertThat(run.toString()).doesNotContain(SECRET).doesNotContain(folder.toString());
		assertThat(getJson("/porterbench/api/runs/" + BROKEN_RUN + "/benches/good").get("iterations").asInt())
			.isEqualTo(5);
	}

	private static JsonNode bench(JsonNode run, String name) {
		return run.get("benches")
			.valueStream()
			.filter((bench) -> bench.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no bench " + name + " in " + run));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/porterbench/api/runs/..", "/porterbench/api/runs/../../secret.txt",
			"/porterbench/api/runs/..%2F..%2Fsecret.txt", "/porterbench/api/runs/%2e%2e",
			"/porterbench/api/runs/%2e%2e/benches/secret", "/porterbench/api/runs/%2Fetc%2Fpasswd",
			"/porterbench/api/runs//etc/passwd", "/porterbench/api/runs/2026-02-02_00-00-00/benches/secret",
			"/porterbench/api/runs/2026-01-01_00-00-00/benches/leak",
			"/porterbench/api/runs/2026-01-01_00-00-00/benches/..%2F..%2Fsecret",
			"/porterbench/api/runs/2026-01-01_00-00-00/benches/%2e%2e%2f%2e%2e%2fsecret",
			"/porterbench/api/runs/2026-01-01_00-00-00/benches/../../../secret.txt",
			"/porterbench/api/runs/%252e%252e/benches/secret", "/porterbench/assets/../../secret.txt",
			"/porterbench/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt", "/porterbench/assets/..%2f..%2fsecret.txt",
			"/porterbench/webjars/chart.js/..%2F..%2F..%2F..%2Fsecret.txt",
			"/porterbench/webjars/chart.js/4.5.1/../../../../../../etc/passwd",
			"/porterbench/api/compare?baseline=..&candidate=..&bench=secret",
			"/porterbench/api/compare?baseline=%2Fetc&candidate=%2Fetc&bench=passwd",
			"/porterbench/assets/file:%2F%2F%2Fetc%2Fpasswd" })
	void pathsOutsideTheRootAreRefused(String target) {
		RawHttp.Response response = RawHttp.get(port, target);
		assertThat(response.status()).as("GET %s", target).isIn(400, 404);
		assertThat(response.body()).doesNotContain(SECRET).doesNotContain("root:x:0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "DELETE", "PATCH" })
	void theApiIsReadOnly(String method) {
		for (String target : List.of("/porterbench/api/runs", "/porterbench/api/runs/" + coreRun,
				"/porterbench/api/live")) {
			assertThat(RawHttp.send(port, method, target).status()).as("%s %s", method, target).isGreaterThan(399);
		}
	}

	@Test
	void badQueryParametersAreRejectedWithAReason() {
		RawHttp.Response points = RawHttp.get(port,
				"/porterbench/api/runs/" + coreRun + "/benches/pipeline?maxPoints=1");
		assertThat(points.status()).isEqualTo(400);
		assertThat(points.body()).contains("maxPoints must be a whole number from 10");
		RawHttp.Response threshold = RawHttp.get(port, "/porterbench/api/compare?baseline=" + coreRun + "&candidate="
				+ coreRun + "&bench=pipeline&threshold=-5");
		assertThat(threshold.status()).isEqualTo(400);
		assertThat(RawHttp.get(port, "/porterbench/api/compare?baseline=" + coreRun).status()).isEqualTo(400);
	}

	@Test
	void comparingARunWithItselfGivesTheVerdictsOfDiff() {
		JsonNode comparison = getJson("/porterbench/api/compare?baseline=" + coreRun + "&candidate=" + coreRun
				+ "&bench=pipeline&threshold=5%25");
		JsonNode verdicts = comparison.get("verdicts");
		assertThat(verdicts.get("threshold").asDouble()).isEqualTo(0.05);
		assertThat(verdicts.get("alpha").asDouble()).isEqualTo(0.01);
		assertThat(verdicts.get("base").valueStream().map(JsonNode::asString)).containsExactly(coreRun);
		assertThat(verdicts.get("new").asString()).isEqualTo(coreRun);
		JsonNode steps = verdicts.get("benchmarkers").get(0).get("steps");
		assertThat(steps.valueStream().map((d) -> d.get("step").asString())).containsExactly("load", "process", "gstop",
				"GLOBAL");
		assertThat(steps.valueStream().map((d) -> d.get("verdict").asString())).containsOnly("unchanged");
		assertThat(steps.get(0).get("pValue").asDouble()).isEqualTo(1.0);
		assertThat(steps.get(0).get("baseCount").asInt()).isEqualTo(50);
	}

	@Test
	void thePageLoadsChartJsFromTheWebjar() {
		RawHttp.Response redirect = RawHttp.get(port, "/porterbench");
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.head()).contains("Location: /porterbench/");
		assertThat(RawHttp.get(port, "/").head()).contains("Location: /porterbench/");
		RawHttp.Response page = RawHttp.get(port, "/porterbench/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("<script src=\"webjars/chart.js/" + DashboardPage.chartJsVersion()
					+ "/dist/chart.umd.min.js\"></script>")
			.doesNotContain("http://")
			.doesNotContain("https://");
		RawHttp.Response chartJs = RawHttp.get(port,
				"/porterbench/webjars/chart.js/" + DashboardPage.chartJsVersion() + "/dist/chart.umd.min.js");
		assertThat(chartJs.status()).isEqualTo(200);
		assertThat(chartJs.head()).containsIgnoringCase("javascript");
		assertThat(RawHttp.get(port, "/porterbench/assets/dashboard.js").status()).isEqualTo(200);
	}

}
