package io.porterbench.boot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.porterbench.boot.testapp.BenchTestApplication;
import io.porterbench.record.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the starter in a web application on a real server at a random
 * port: the test application ({@link BenchTestApplication}) gets porter-bench only
 * through auto-configuration.
 */
class PorterBenchEndpointWebIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path root;

	@Test
	void getListsTheBenchmarkersWithTheirSteps() throws Exception {
		try (App app = start()) {
			app.placeOrder(2);
			app.placeOrder(5);
			HttpResponse<String> response = app.send("GET", "/actuator/porterbench");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json(response);
			assertThat(body.get("root").asString()).isEqualTo(this.root.toAbsolutePath().normalize().toString());
			assertThat(body.get("runDirectory").asString()).startsWith(body.get("root").asString());
			assertThat(body.get("benches").propertyNames()).containsExactly("orders");
			JsonNode orders = body.get("benches").get("orders");
			assertThat(orders.get("iterations").asLong()).isEqualTo(2);
			assertThat(orders.get("openIterations").asInt()).isZero();
			assertThat(orders.get("steps").propertyNames()).containsExactly("price", "gstop", "GLOBAL");
			assertThat(orders.get("steps").get("price").propertyNames()).containsExactlyInAnyOrder("count", "mean",
					"min", "max", "quantileFiltered", "std", "p50", "p90", "p99", "total");
			assertThat(orders.get("steps").get("price").get("count").asLong()).isEqualTo(2);
			assertThat(orders.get("steps").get("price").get("mean").isNumber()).isTrue();
			assertThat(orders.has("memory")).as("memory appears only with memory tracking").isFalse();
		}
	}

	@Test
	void getShowsMemoryFiguresWithMemoryTracking() throws Exception {
		try (App app = start("porterbench.memory.enabled=true")) {
			app.placeOrder(2);
			JsonNode memory = json(app.send("GET", "/actuator/porterbench/orders")).get("memory");
			assertThat(memory.propertyNames()).containsExactlyInAnyOrder("samples", "lastRss", "peakRss",
					"peakHeapUsed");
			assertThat(memory.get("samples").asLong()).isPositive();
			assertThat(memory.get("lastRss").asLong()).isPositive();
			assertThat(memory.get("peakRss").asLong()).isGreaterThanOrEqualTo(memory.get("lastRss").asLong());
			assertThat(memory.get("peakHeapUsed").asLong()).isPositive();
		}
	}

	@Test
	void getOfOneBenchmarkerShowsIt() throws Exception {
		try (App app = start()) {
			app.placeOrder(1);
			HttpResponse<String> response = app.send("GET", "/actuator/porterbench/orders");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode orders = json(response);
			assertThat(orders.get("iterations").asLong()).isOne();
			assertThat(orders.get("steps").get("price").get("count").asLong()).isOne();
		}
	}

	@Test
	void getOfAnUnknownBenchmarkerIsNotFound() throws Exception {
		try (App app = start()) {
			assertThat(app.send("GET", "/actuator/porterbench/nobody").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void writesAreRefusedByDefault() throws Exception {
		try (App app = start("porterbench.save-on-shutdown=false")) {
			app.placeOrder(1);
			assertThat(app.send("POST", "/actuator/porterbench").statusCode()).isEqualTo(405);
			assertThat(app.send("DELETE", "/actuator/porterbench/orders").statusCode()).isEqualTo(405);
			assertThat(json(app.send("GET", "/actuator/porterbench/orders")).get("iterations").asLong()).isOne();
			assertThat(filesUnder(this.root)).isEmpty();
		}
	}

	@Test
	void postSavesAndListsTheFilesWhenUnrestricted() throws Exception {
		try (App app = start("management.endpoint.porterbench.access=unrestricted",
				"porterbench.save-on-shutdown=false")) {
			app.placeOrder(1);
			HttpResponse<String> response = app.send("POST", "/actuator/porterbench");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json(response);
			Path run = Path.of(body.get("runDirectory").asString());
			assertThat(run.getParent()).isEqualTo(this.root.toAbsolutePath().normalize());
			List<String> files = new ArrayList<>();
			body.get("files").forEach((file) -> files.add(file.asString()));
			assertThat(files).contains(RunFiles.summaryFile(run, "orders").toString(),
					RunFiles.dataFile(run, "orders").toString());
			assertThat(files).allSatisfy((file) -> assertThat(Path.of(file)).isRegularFile());
		}
	}

	@Test
	void deleteResetsTheBenchmarkerWhenUnrestricted() throws Exception {
		try (App app = start("management.endpoint.porterbench.access=unrestricted")) {
			app.placeOrder(1);
			app.placeOrder(2);
			HttpResponse<String> response = app.send("DELETE", "/actuator/porterbench/orders");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json(response).get("iterations").asLong()).isZero();
			assertThat(json(app.send("GET", "/actuator/porterbench/orders")).get("iterations").asLong()).isZero();
			assertThat(app.send("DELETE", "/actuator/porterbench/nobody").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void stepsArePublishedToMicrometer() throws Exception {
		try (App app = start()) {
			app.placeOrder(1);
			app.placeOrder(2);
			app.placeOrder(3);
			HttpResponse<String> response = app.send("GET",
					"/actuator/metrics/porterbench.step?tag=bench:orders&tag=step:price");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode count = json(response).get("measurements").get(0);
			assertThat(count.get("statistic").asString()).isEqualTo("COUNT");
			assertThat(count.get("value").asDouble()).isEqualTo(3.0);
		}
	}

	@Test
	void closingTheApplicationWritesTheRunFiles() throws Exception {
		Path run;
		try (App app = start()) {
			app.placeOrder(4);
			run = Path.of(json(app.send("GET", "/actuator/porterbench")).get("runDirectory").asString());
			assertThat(run).doesNotExist();
		}
		assertThat(RunFiles.summaryFile(run, "orders")).isRegularFile();
		assertThat(RunFiles.dataFile(run, "orders")).isRegularFile();
		assertThat(JsonMapper.shared().readTree(RunFiles.dataFile(run, "orders").toFile()).size()).isOne();
	}

	private App start(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchTestApplication.class)
			.properties("server.port=0", "porterbench.root=" + this.root,
					"management.endpoints.web.exposure.include=porterbench,metrics")
			.properties(properties)
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new App(context, URI.create("http://localhost:" + port));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	private static List<Path> filesUnder(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).toList();
		}
	}

	private final class App implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final URI base;

		App(ConfigurableApplicationContext context, URI base) {
			this.context = context;
			this.base = base;
		}

		void placeOrder(int quantity) throws Exception {
			HttpResponse<String> response = send("POST", "/orders?quantity=" + quantity);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json(response).get("price").asInt()).isEqualTo(quantity * 3);
		}

		HttpResponse<String> send(String method, String path) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
				.method(method, BodyPublishers.noBody())
				.header("Accept", "application/json")
				.build();
			return PorterBenchEndpointWebIntegrationTests.this.http.send(request, BodyHandlers.ofString());
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
