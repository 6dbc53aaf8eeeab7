package io.porterbench.demo.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server in a child process: its own configuration and data folder
 * under a temporary folder, on a free loopback port, scraping the given targets every
 * second. {@link #close()} stops it and waits until it is gone.
 */
final class PrometheusServer implements AutoCloseable {

	/**
	 * The environment variable or system property that names the binary when it is not
	 * {@code /usr/bin/prometheus}.
	 */
	static final String BINARY_PROPERTY = "porterbench.prometheus";

	private static final int ATTEMPTS = 3;

	private final Process process;

	private final URI base;

	private final Path log;

	private final Thread killer;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private PrometheusServer(Process process, URI base, Path log) {
		this.process = process;
		this.base = base;
		this.log = log;
		// should the JVM end without close() (a killed build), the server must not
		// outlive it
		this.killer = new Thread(process::destroyForcibly, "prometheus-killer");
		Runtime.getRuntime().addShutdownHook(this.killer);
	}

	/**
	 * Finds the Prometheus binary: the {@value #BINARY_PROPERTY} system property or
	 * environment variable, else {@code prometheus} on the {@code PATH}.
	 * @return the binary, when there is one
	 */
	static Optional<Path> binary() {
		String configured = System.getProperty(BINARY_PROPERTY, System.getenv("PORTERBENCH_PROMETHEUS"));
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		String path = System.getenv().getOrDefault("PATH", "/usr/bin");
		return Stream.of(path.split(java.io.File.pathSeparator))
			.map((folder) -> Path.of(folder, "prometheus"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Writes the configuration and starts the server, on a new free port if another
	 * process took the first one.
	 * @param binary the Prometheus binary
	 * @param folder a folder of its own for the configuration, the data and the log
	 * @param metricsPath the path the targets publish at
	 * @param targets the {@code host:port} of each target
	 * @return the server, ready to answer queries
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	static PrometheusServer start(Path binary, Path folder, String metricsPath, List<String> targets)
			throws IOException, InterruptedException {
		Files.createDirectories(folder);
		Path config = folder.resolve("prometheus.yml");
		Files.writeString(config, configuration(metricsPath, targets));
		IOException failure = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			int port = freePort();
			Path log = folder.resolve("prometheus-" + attempt + ".log");
			Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
					"--storage.tsdb.path=" + folder.resolve("data-" + attempt),
					"--web.listen-address=127.0.0.1:" + port, "--log.level=info")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
			if (server.awaitReady()) {
				return server;
			}
			server.close();
			failure = new IOException("Prometheus did not start; its log " + log + " says:\n" + server.logText());
		}
		throw failure;
	}

	static String configuration(String metricsPath, List<String> targets) {
		String list = targets.stream().map((target) -> "\"" + target + "\"").collect(Collectors.joining(", "));
		return """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: porter-bench-demo
				    metrics_path: %s
				    # the instances tag their meters with management.metrics.tags.instance: keep their value
				    honor_labels: true
				    static_configs:
				      - targets: [%s]
				""".formatted(metricsPath, list);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private boolean awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (this.process.isAlive() && System.nanoTime() < deadline) {
			try {
				HttpResponse<Void> response = this.http.send(
						HttpRequest.newBuilder(this.base.resolve("/-/ready")).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return true;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		return false;
	}

	/**
	 * Runs an instant query through {@code /api/v1/query}.
	 * @param expression the PromQL expression
	 * @return the {@code data.result} array
	 * @throws IOException when Prometheus cannot be reached or rejects the expression
	 * (the message says why)
	 * @throws InterruptedException when interrupted
	 */
	JsonNode query(String expression) throws IOException, InterruptedException {
		URI uri = this.base.resolve("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode body = this.json.readTree(response.body());
		if (response.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
			throw new IOException("Prometheus rejected " + expression + ": " + response.statusCode() + " "
					+ body.path("errorType").asString() + ": " + body.path("error").asString());
		}
		return body.path("data").path("result");
	}

	/**
	 * Runs a range query through {@code /api/v1/query_range}, over the last minutes.
	 * @param expression the PromQL expression
	 * @param range how far back
	 * @param step the resolution
	 * @return the {@code data.result} array of matrices
	 * @throws IOException when Prometheus cannot be reached or rejects the expression
	 * @throws InterruptedException when interrupted
	 */
	JsonNode queryRange(String expression, Duration range, Duration step) throws IOException, InterruptedException {
		long end = System.currentTimeMillis() / 1000;
		String query = "query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8) + "&start="
				+ (end - range.toSeconds()) + "&end=" + end + "&step=" + step.toSeconds();
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(this.base.resolve("/api/v1/query_range?" + query))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode body = this.json.readTree(response.body());
		if (response.statusCode() != 200) {
			throw new IOException("Prometheus rejected " + expression + ": " + body.path("error").asString());
		}
		return body.path("data").path("result");
	}

	/**
	 * The state of the scrape targets, from {@code /api/v1/targets}.
	 * @return the active targets
	 * @throws IOException when Prometheus cannot be reached
	 * @throws InterruptedException when interrupted
	 */
	JsonNode activeTargets() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(this.base.resolve("/api/v1/targets")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body()).path("data").path("activeTargets");
	}

	/**
	 * Reads a sample value as the HTTP API writes it: a decimal, {@code NaN},
	 * {@code +Inf} or {@code -Inf}.
	 * @param value the value's text
	 * @return the value
	 */
	static double number(String value) {
		return switch (value) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(value);
		};
	}

	/**
	 * The address the server listens at.
	 * @return its base URI
	 */
	URI base() {
		return this.base;
	}

	/**
	 * Whether the server process still runs.
	 * @return {@code true} until it has exited
	 */
	boolean isAlive() {
		return this.process.isAlive();
	}

	String logText() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

	/** Stops the server, gracefully first, and waits until the process has exited. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.killer);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down already, and the hook will run
		}
	}

}
