package io.porterbench.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.porterbench.demo.load.LoadGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo as a user meets it: a real server on a random port, the load generator
 * shortened to 30 orders in a second.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.load.requests=30", "demo.load.duration=1s" })
@DirtiesContext
class DemoApplicationIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	@TempDir
	static Path root;

	@DynamicPropertySource
	static void runFolder(DynamicPropertyRegistry registry) {
		registry.add("porterbench.root", () -> root.toString());
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private LoadGenerator loadGenerator;

	@Test
	void endpointListsTheOrdersAndTrainingBenchmarkersWithTheirSteps() throws Exception {
		// the benchmarkers and their steps appear as the load generator's first orders
		// complete
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			JsonNode benches = getJson("/actuator/porterbench").get("benches");
			assertThat(fieldNames(benches.get("orders").get("steps"))).contains("validate", "price", "persist",
					"notify", "GLOBAL");
			assertThat(fieldNames(benches.get("training").get("steps"))).contains("forward", "backward", "update",
					"GLOBAL");
		});
		JsonNode body = getJson("/actuator/porterbench");
		assertThat(body.get("root").asString()).isEqualTo(root.toString());
		assertThat(body.get("benches").get("orders").get("steps").get("persist").get("mean").asDouble()).isPositive();
	}

	@Test
	void loadGeneratorPostsEveryConfiguredOrderAndEachIsOneIteration() throws Exception {
		await().atMost(PATIENCE).until(() -> this.loadGenerator.report().finished());
		LoadGenerator.Report report = this.loadGenerator.report();
		assertThat(report.sent()).isEqualTo(30);
		assertThat(report.failed()).isZero();
		assertThat(report.created()).isPositive();
		assertThat(report.rejected()).isPositive();
		assertThat(report.created() + report.rejected()).isEqualTo(30);
		// Rejected orders are iterations too: the aspect closes the iteration when the
		// exception leaves.
		JsonNode orders = getJson("/actuator/porterbench/orders");
		assertThat(orders.get("iterations").asLong()).isGreaterThanOrEqualTo(30);
		assertThat(orders.get("steps").get("notify").get("count").asLong()).isGreaterThanOrEqualTo(report.created());
	}

	@Test
	void prometheusScrapeHasTheStepTimersOfTheOrders() {
		await().atMost(PATIENCE).untilAsserted(() -> {
			String scrape = get("/actuator/prometheus").body();
			assertThat(scrape).contains("porterbench_step");
			assertThat(scrape).containsPattern(
					"porterbench_step_seconds_count\\{[^}]*bench=\"orders\"[^}]*step=\"persist\"[^}]*} \\d");
			// application.yml asks for histogram buckets of porterbench.step, so the
			// steps are Timers, not
			// FunctionTimers
			assertThat(scrape).containsPattern(
					"porterbench_step_seconds_bucket\\{[^}]*bench=\"orders\"[^}]*step=\"persist\"[^}]*} \\d");
		});
	}

	@Test
	void dashboardPageIsServed() throws Exception {
		HttpResponse<String> page = get("/porterbench/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).containsIgnoringCase("<html").containsIgnoringCase("porter");
		// on because application.yml opts in (porterbench.dashboard.enabled=true), and
		// locked down like any page
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self'"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void dashboardDrawsASavedRunWithoutTheCommandLineLibraries() throws Exception {
		// porter-bench-dashboard's picocli and JFreeChart are optional: a Boot
		// application
		// that uses the page has neither
		assertThat(ClassUtils.isPresent("picocli.CommandLine", getClass().getClassLoader())).isFalse();
		assertThat(ClassUtils.isPresent("org.jfree.chart.JFreeChart", getClass().getClassLoader())).isFalse();
		// the pipeline saves itself every 4 iterations
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			String run = getJson("/porterbench/api/runs").get("runs").get(0).get("name").asString();
			JsonNode bench = getJson("/porterbench/api/runs/" + run + "/benches/pipeline");
			assertThat(bench.get("times").get("series")).isNotEmpty();
			assertThat(bench.get("summary")).isNotEmpty();
		});
	}

	@Test
	void chartJsIsServedFromItsBundleAloneWithoutTheColorWebjar() throws Exception {
		String page = get("/porterbench/").body();
		Matcher script = Pattern.compile("src=\"(webjars/chart\\.js/[^\"]+/dist/chart\\.umd\\.min\\.js)\"")
			.matcher(page);
		assertThat(script.find()).as("the page's Chart.js script in %s", page).isTrue();
		HttpResponse<String> chartJs = get("/porterbench/" + script.group(1));
		assertThat(chartJs.statusCode()).isEqualTo(200);
		assertThat(chartJs.body()).contains("Chart");
		// the bundle carries @kurkle/color: its own webjar, a dependency of Chart.js's,
		// is excluded so that applications do not carry one more jar
		assertThat(getClass().getClassLoader().getResource("META-INF/resources/webjars/kurkle__color")).isNull();
	}

	@Test
	void validOrderIsCreatedWithItsDiscounts() throws Exception {
		HttpResponse<String> response = post("/orders", """
				{"customer": "test@example.com", "coupon": "WELCOME10",
				 "lines": [{"sku": "BEN-001", "quantity": 10}]}""");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode placed = this.json.readTree(response.body());
		assertThat(placed.get("subtotal").decimalValue()).isEqualByComparingTo("199.00");
		assertThat(placed.get("discount").decimalValue()).isEqualByComparingTo("28.85");
		assertThat(placed.get("total").decimalValue()).isEqualByComparingTo("170.15");
		// The demo opts in to the Server-Timing header (application.yml): the steps of
		// the order's iteration.
		assertThat(response.headers().firstValue("Server-Timing")).hasValueSatisfying((timing) -> assertThat(timing)
			.matches("validate;dur=\\d+\\.\\d{3}, price;dur=\\d+\\.\\d{3}, .*total;dur=\\d+\\.\\d{3}"));
	}

	@Test
	void invalidOrderIsRejectedWithEveryProblem() throws Exception {
		HttpResponse<String> response = post("/orders", """
				{"customer": "nobody", "lines": [{"sku": "BEN-001", "quantity": 0}]}""");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("problems")).hasSize(2);
	}

	@Test
	void savingThroughTheEndpointIsRefusedWhileAccessIsReadOnly() throws Exception {
		HttpResponse<String> response = post("/actuator/porterbench", "{}");
		assertThat(response.statusCode()).isBetween(400, 499);
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static List<String> fieldNames(JsonNode node) {
		assertThat(node).isNotNull();
		return new ArrayList<>(node.propertyNames());
	}

}
