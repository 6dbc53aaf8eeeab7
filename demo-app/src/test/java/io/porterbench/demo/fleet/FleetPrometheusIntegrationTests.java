package io.porterbench.demo.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.porterbench.demo.DemoApplication;
import io.porterbench.demo.fleet.PromQlExpressions.Expression;
import io.porterbench.demo.fleet.PromQlExpressions.Variable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fleet view, proven against a real Prometheus: two demo instances, each its own
 * Spring application context with its own web server on a free loopback port and its own
 * {@code instance} tag, scraped every second by a Prometheus server in a child process.
 * Every PromQL expression of the Grafana dashboard
 * ({@code docs/grafana/porter-bench.json}) and of the fleet guide ({@code docs/fleet.md})
 * returns data, the dashboard's variables list both instances, and the per-step p99
 * covers both. Everything started is stopped at the end, and checked to be gone.
 *
 * <p>
 * Without a {@code prometheus} binary the test is skipped on a developer's machine and
 * fails in CI ({@code CI=true}), where {@code .ci/run} installs Debian's
 * {@code prometheus} package.
 */
class FleetPrometheusIntegrationTests {

	static final String APPLICATION = "porter-bench-demo";

	static final List<String> INSTANCES = List.of("shop-1", "shop-2");

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

	static final Path DASHBOARD = REPOSITORY.resolve("docs/grafana/porter-bench.json");

	static final Path GUIDE = REPOSITORY.resolve("docs/fleet.md");

	@TempDir
	static Path temp;

	private static final List<ConfigurableApplicationContext> demos = new ArrayList<>();

	private static final List<Integer> demoPorts = new ArrayList<>();

	private static PrometheusServer prometheus;

	private static PromQlExpressions dashboard;

	@BeforeAll
	static void startFleet() throws Exception {
		Optional<Path> binary = PrometheusServer.binary();
		if (binary.isEmpty() && inCi()) {
			fail("No prometheus binary on the PATH; .ci/run installs Debian's prometheus package");
		}
		assumeTrue(binary.isPresent(), "No prometheus binary on the PATH (apt-get install prometheus)");
		dashboard = PromQlExpressions.ofDashboard(DASHBOARD);
		List<String> targets = new ArrayList<>();
		for (String instance : INSTANCES) {
			ConfigurableApplicationContext demo = startDemo(instance);
			demos.add(demo);
			int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
			demoPorts.add(port);
			targets.add("127.0.0.1:" + port);
		}
		prometheus = PrometheusServer.start(binary.get(), temp.resolve("prometheus"), "/actuator/prometheus", targets);
	}

	// CI services set CI to true or 1; .ci/run sets it to true unless it is set
	private static boolean inCi() {
		String ci = System.getenv("CI");
		return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
	}

	private static ConfigurableApplicationContext startDemo(String instance) {
		// command line arguments win over the demo's application.yml; the load generator
		// keeps posting orders for as long as the test runs
		return new SpringApplicationBuilder(DemoApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--management.metrics.tags.instance=" + instance, "--porterbench.root=" + temp.resolve(instance),
				"--porterbench.save-on-shutdown=false", "--demo.load.requests=3000", "--demo.load.duration=300s",
				"--demo.load.concurrency=2", "--spring.main.banner-mode=off");
	}

	@AfterAll
	static void stopFleet() {
		try {
			if (prometheus != null) {
				prometheus.close();
				assertThat(prometheus.isAlive()).as("Prometheus still running after close").isFalse();
				assertThat(listening(prometheus.base().getPort())).as("Prometheus's port still open").isFalse();
			}
		}
		finally {
			demos.forEach(ConfigurableApplicationContext::close);
		}
		for (int i = 0; i < demos.size(); i++) {
			assertThat(demos.get(i).isActive()).isFalse();
			assertThat(listening(demoPorts.get(i))).as("demo port %d still open", demoPorts.get(i)).isFalse();
		}
	}

	@Test
	void prometheusScrapesBothInstancesEverySecond() {
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode targets = prometheus.activeTargets();
			assertThat(targets.values()).hasSize(2)
				.allSatisfy((target) -> assertThat(target.path("health").asString()).isEqualTo("up"));
			assertThat(targets.values())
				.allSatisfy((target) -> assertThat(target.path("scrapeInterval").asString()).isEqualTo("1s"));
		});
	}

	@Test
	void everyQueryOfTheDashboardReturnsData() {
		List<Expression> panels = dashboard.panels();
		assertThat(panels).hasSizeGreaterThanOrEqualTo(12);
		for (Expression expression : panels) {
			awaitData(expression);
		}
	}

	@Test
	void everyQueryOfTheFleetGuideReturnsData() throws IOException {
		List<Expression> expressions = PromQlExpressions.ofMarkdown(GUIDE);
		assertThat(expressions).as("expressions of the promql blocks of %s", GUIDE).isNotEmpty();
		for (Expression expression : expressions) {
			awaitData(expression.withText(dashboard.replaceVariables(expression.text())));
		}
	}

	@Test
	void theDashboardVariablesListTheValuesOfBothInstances() {
		List<Variable> variables = dashboard.variables();
		assertThat(variables).extracting(Variable::name).containsExactly("application", "instance", "bench", "step");
		Map<String, Set<String>> expected = Map.of("application", Set.of(APPLICATION), "instance",
				Set.copyOf(INSTANCES), "bench", Set.of("orders", "pipeline", "training"), "step",
				Set.of("validate", "price", "persist", "notify"));
		for (Variable variable : variables) {
			await().atMost(PATIENCE).untilAsserted(() -> {
				Set<String> values = new TreeSet<>();
				for (JsonNode series : prometheus.query(variable.selector()).values()) {
					values.add(series.path("metric").path(variable.label()).asString());
				}
				assertThat(values).as("values of $%s from %s", variable.name(), variable.selector())
					.containsAll(expected.get(variable.name()));
			});
		}
	}

	@Test
	void theStepP99CoversBothInstances() {
		String perInstance = dashboard.replaceVariables(dashboard.rawPanelQuery("Step time p99 per instance"),
				Map.of("bench", "orders"));
		await().atMost(PATIENCE).untilAsserted(() -> {
			Set<String> instances = new TreeSet<>();
			for (JsonNode series : prometheus.query(perInstance).values()) {
				if (Double.isFinite(value(series))) {
					instances.add(series.path("metric").path("instance").asString());
				}
			}
			assertThat(instances).as("instances with a finite p99 from %s", perInstance)
				.containsExactlyInAnyOrderElementsOf(INSTANCES);
		});
		// the fleet's p99 is computed from the buckets of both: each instance alone has
		// buckets of its own, and the fleet's step count is the sum of theirs
		String p99 = dashboard.rawPanelQuery("Step time p99");
		for (String instance : INSTANCES) {
			awaitData(new Expression("p99 of " + instance,
					dashboard.replaceVariables(p99, Map.of("instance", instance, "bench", "orders"))));
		}
		await().atMost(PATIENCE).untilAsserted(() -> {
			String counts = "sum by (instance) (porterbench_step_seconds_bucket{bench=\"orders\", step=\"price\", "
					+ "le=\"+Inf\"})";
			double total = 0;
			Set<String> instances = new TreeSet<>();
			for (JsonNode series : prometheus.query(counts).values()) {
				instances.add(series.path("metric").path("instance").asString());
				total += value(series);
			}
			assertThat(instances).containsExactlyInAnyOrderElementsOf(INSTANCES);
			JsonNode fleet = prometheus
				.query("sum(porterbench_step_seconds_bucket{bench=\"orders\", step=\"price\", " + "le=\"+Inf\"})");
			assertThat(value(fleet.get(0))).isGreaterThanOrEqualTo(total);
		});
	}

	@Test
	void thePanelsDrawnWithChartJsMakeAPicture() throws Exception {
		boolean chromium = Files.isExecutable(PanelImage.CHROMIUM);
		if (!chromium && inCi()) {
			fail("No Chromium at " + PanelImage.CHROMIUM + "; .ci/run installs Debian's chromium package");
		}
		assumeTrue(chromium, "No Chromium at " + PanelImage.CHROMIUM + " to draw the panels with");
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		PanelImage image = new PanelImage();
		for (JsonNode panel : root.path("panels").values()) {
			List<JsonNode> results = new ArrayList<>();
			List<String> legends = new ArrayList<>();
			for (JsonNode target : panel.path("targets").values()) {
				Expression expression = new Expression(panel.path("title").asString(),
						dashboard.replaceVariables(target.path("expr").asString()));
				awaitData(expression);
				results.add(prometheus.queryRange(expression.text(), Duration.ofMinutes(2), Duration.ofSeconds(1)));
				legends.add(target.path("legendFormat").asString());
			}
			if (!results.isEmpty()) {
				image.add(panel.path("title").asString(),
						panel.path("fieldConfig").path("defaults").path("unit").asString(), results, legends);
			}
		}
		// -Dporterbench.fleet.panels=PATH writes the picture there (the docs' copy)
		Path png = Path.of(System.getProperty("porterbench.fleet.panels", "target/fleet/porter-bench-panels.png"));
		int drawn = image.render(temp.resolve("panels"), png);
		assertThat(drawn).isEqualTo(image.size()).isGreaterThanOrEqualTo(11);
		assertThat(Files.size(png)).isGreaterThan(20_000);
	}

	private static void awaitData(Expression expression) {
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode result = prometheus.query(expression.text());
			assertThat(result.values()).as("result of %s: %s", expression.origin(), expression.text()).isNotEmpty();
			assertThat(result.values()).as("finite values of %s: %s", expression.origin(), expression.text())
				.anySatisfy((series) -> assertThat(Double.isFinite(value(series))).isTrue());
		});
	}

	private static double value(JsonNode series) {
		return PrometheusServer.number(series.path("value").get(1).asString());
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
