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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.porterbench.BenchDict;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo under load on a real server at a random port: 8 threads place orders for 20
 * seconds while another thread saves the run through {@code POST /actuator/porterbench}
 * and reads {@code GET /actuator/porterbench} again and again. Every response is 2xx, and
 * the benchmarker, the endpoint, the saved files and the database agree on the number of
 * orders. The demo's own load generator is off; write access to the endpoint is on for
 * this test only.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.load.enabled=false", "management.endpoint.porterbench.access=unrestricted",
				"porterbench.retained-iterations=10000000", "porterbench.save-on-shutdown=false" })
@DirtiesContext
class DemoApplicationLoadIntegrationTests {

	private static final Log logger = LogFactory.getLog(DemoApplicationLoadIntegrationTests.class);

	private static final int CLIENTS = 8;

	private static final Duration LOAD_TIME = Duration.ofSeconds(20);

	private static final List<String> STEPS = List.of("validate", "price", "persist", "notify", "GLOBAL");

	@TempDir
	static Path root;

	@DynamicPropertySource
	static void runFolder(DynamicPropertyRegistry registry) {
		registry.add("porterbench.root", () -> root.toString());
	}

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	@LocalServerPort
	private int port;

	@Autowired
	private BenchDict benchDict;

	@Test
	void eightClientsAndAConcurrentSaverGetOnly2xxAndEveryCountAgrees() throws Exception {
		AtomicLong placed = new AtomicLong();
		AtomicLong saves = new AtomicLong();
		AtomicLong reads = new AtomicLong();
		AtomicBoolean loadRunning = new AtomicBoolean(true);
		long deadline = System.nanoTime() + LOAD_TIME.toNanos();
		ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
		List<Future<?>> clients = new ArrayList<>();
		try {
			for (int client = 0; client < CLIENTS; client++) {
				int quantity = client + 1;
				clients.add(threads.submit(() -> placeOrdersUntil(deadline, quantity, placed)));
			}
			Future<?> saver = threads.submit(() -> saveAndReadWhile(loadRunning, saves, reads));
			for (Future<?> client : clients) {
				client.get(LOAD_TIME.toSeconds() + 120, TimeUnit.SECONDS);
			}
			loadRunning.set(false);
			saver.get(120, TimeUnit.SECONDS);
		}
		finally {
			loadRunning.set(false);
			threads.shutdownNow();
		}
		logger.info("Load: " + placed + " orders placed by " + CLIENTS + " clients in " + LOAD_TIME.toSeconds()
				+ " s, with " + saves + " saves and " + reads + " reads of /actuator/porterbench meanwhile");
		assertThat(this.failures).as("responses that were not 2xx, or requests that failed").isEmpty();
		assertThat(placed.get()).as("orders placed").isPositive();
		assertThat(saves.get()).as("saves during the load").isGreaterThanOrEqualTo(2);
		assertThat(reads.get()).as("reads during the load").isGreaterThanOrEqualTo(2);
		long orders = placed.get();
		assertThat(this.benchDict.get("orders").iterationCount()).isEqualTo(orders);
		JsonNode summary = getJson("/actuator/porterbench/orders");
		assertThat(summary.get("iterations").asLong()).isEqualTo(orders);
		assertThat(summary.get("openIterations").asInt()).isZero();
		for (String step : STEPS) {
			assertThat(summary.get("steps").get(step).get("count").asLong()).as("step %s", step).isEqualTo(orders);
		}
		assertThat(Long.parseLong(send(HttpRequest.newBuilder(uri("/orders/count"))).body())).isEqualTo(orders);
		JsonNode saved = this.json.readTree(expect2xx(save()).body());
		Path runDirectory = Path.of(saved.get("runDirectory").asString());
		RunRecord record = RunRecord.load(runDirectory);
		assertThat(record.problems()).isEmpty();
		BenchRecord ordersRecord = record.bench("orders");
		assertThat(ordersRecord.iterations()).hasSize(Math.toIntExact(orders));
		for (String step : STEPS) {
			assertThat(ordersRecord.summary().get(step).count()).as("saved step %s", step).isEqualTo(orders);
		}
	}

	private void placeOrdersUntil(long deadline, int quantity, AtomicLong placed) {
		String order = """
				{"customer": "load%d@example.com", "lines": [{"sku": "BEN-00%d", "quantity": %d}]}"""
			.formatted(quantity, 1 + quantity % 3, quantity);
		while (System.nanoTime() - deadline < 0) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri("/orders"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(order));
			if (check("POST /orders", request)) {
				placed.incrementAndGet();
			}
		}
	}

	private void saveAndReadWhile(AtomicBoolean loadRunning, AtomicLong saves, AtomicLong reads) {
		long lastIterations = 0;
		while (loadRunning.get()) {
			if (check("POST /actuator/porterbench", saveRequest())) {
				saves.incrementAndGet();
			}
			try {
				HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/porterbench")));
				if (response.statusCode() / 100 != 2) {
					this.failures.add("GET /actuator/porterbench: " + response.statusCode() + " " + response.body());
					continue;
				}
				JsonNode orders = this.json.readTree(response.body()).get("benches").get("orders");
				if (orders != null) {
					long iterations = orders.get("iterations").asLong();
					// a benchmarker the first request created has no GLOBAL step until
					// its first iteration closes
					long global = orders.path("steps").path("GLOBAL").path("count").asLong(0);
					if (iterations < lastIterations || global != iterations) {
						this.failures.add("GET /actuator/porterbench: iterations went from " + lastIterations + " to "
								+ iterations + " with " + global + " GLOBAL steps");
					}
					lastIterations = iterations;
				}
				reads.incrementAndGet();
			}
			catch (IOException | RuntimeException ex) {
				this.failures.add("GET /actuator/porterbench: " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private boolean check(String what, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = send(request);
			if (response.statusCode() / 100 == 2) {
				return true;
			}
			this.failures.add(what + ": " + response.statusCode() + " " + response.body());
		}
		catch (IOException ex) {
			this.failures.add(what + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	private HttpRequest.Builder saveRequest() {
		return HttpRequest.newBuilder(uri("/actuator/porterbench"))
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody());
	}

	private HttpResponse<String> save() throws IOException, InterruptedException {
		return send(saveRequest());
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		return this.json.readTree(expect2xx(send(HttpRequest.newBuilder(uri(path)))).body());
	}

	private static HttpResponse<String> expect2xx(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isBetween(200, 299);
		return response;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
