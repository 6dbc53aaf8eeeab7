package io.porterbench.demo.load;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Posts orders to the application's own {@code /orders} as soon as its web server is up,
 * so the {@code orders} charts, the Micrometer timers and the endpoint have data without
 * anyone sending a request.
 *
 * <p>
 * What it shows: the iterations of a {@code @BenchIteration} come from real HTTP requests
 * on Tomcat's threads, several at once ({@code demo.load.concurrency}); each thread has
 * its own open iteration, and they all add up in one benchmarker. About one order in
 * twelve is rejected (400), which shows how failed calls look in the timings.
 *
 * <p>
 * It talks to the loopback address only, on the port the server actually got (so
 * {@code server.port=0} works), and stays off when {@code server.address} binds another
 * interface. {@code demo.load.enabled=false} turns it off.
 */
@Component
public class LoadGenerator {

	/** The seed of the orders, so that every run posts the same ones. */
	static final long SEED = 42;

	private static final Log logger = LogFactory.getLog(LoadGenerator.class);

	private final LoadProperties properties;

	private final JsonMapper jsonMapper;

	private final Environment environment;

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicInteger created = new AtomicInteger();

	private final AtomicInteger rejected = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private volatile @Nullable Thread thread;

	private volatile boolean finished;

	LoadGenerator(LoadProperties properties, JsonMapper jsonMapper, Environment environment) {
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.environment = environment;
	}

	/**
	 * What the generator has done so far.
	 * @return the counts
	 */
	public Report report() {
		return new Report(this.sent.get(), this.created.get(), this.rejected.get(), this.failed.get(), this.finished);
	}

	@EventListener
	void onWebServerInitialized(WebServerInitializedEvent event) {
		// A separate management port starts a second web server; only the application's
		// own one serves /orders.
		if (event.getApplicationContext().getServerNamespace() != null || !this.properties.enabled()
				|| this.properties.requests() == 0) {
			return;
		}
		InetAddress loopback = loopbackTarget();
		if (loopback == null) {
			return;
		}
		URI target = ordersUri(loopback, event.getWebServer().getPort());
		Thread generator = new Thread(() -> run(target), "demo-load");
		generator.setDaemon(true);
		this.thread = generator;
		generator.start();
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		Thread generator = this.thread;
		if (generator != null) {
			generator.interrupt();
		}
	}

	private @Nullable InetAddress loopbackTarget() {
		String address = this.environment.getProperty("server.address");
		if (address == null || address.isBlank()) {
			return InetAddress.getLoopbackAddress();
		}
		try {
			InetAddress bound = InetAddress.getByName(address);
			if (bound.isLoopbackAddress()) {
				return bound;
			}
			if (bound.isAnyLocalAddress()) {
				return InetAddress.getLoopbackAddress();
			}
		}
		catch (UnknownHostException ex) {
			// Reported below, like any other address the generator will not use.
		}
		logger.info("Load generator off: it only talks to the loopback address, and server.address is " + address);
		return null;
	}

	static URI ordersUri(InetAddress loopback, int port) {
		String host = loopback.getHostAddress();
		if (loopback instanceof Inet6Address) {
			host = "[" + host.replaceFirst("%.*$", "") + "]";
		}
		return URI.create("http://" + host + ":" + port + "/orders");
	}

	private void run(URI target) {
		int requests = this.properties.requests();
		int concurrency = this.properties.concurrency();
		Duration duration = this.properties.duration();
		logger.info("Load generator: posting " + requests + " orders to " + target + " over " + duration.toMillis()
				+ " ms, " + concurrency + " at a time (demo.load.enabled=false turns this off)");
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		RandomOrders orders = new RandomOrders(SEED);
		Semaphore inFlight = new Semaphore(concurrency);
		long spacing = duration.toNanos() / requests;
		long start = System.nanoTime();
		try {
			for (int i = 0; i < requests; i++) {
				long wait = start + i * spacing - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				inFlight.acquire();
				HttpRequest request = HttpRequest.newBuilder(target)
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(this.jsonMapper.writeValueAsBytes(orders.next())))
					.build();
				this.sent.incrementAndGet();
				client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, ex) -> {
					count(response, ex);
					inFlight.release();
				});
			}
			inFlight.acquire(concurrency);
			this.finished = true;
			Report report = report();
			logger.info(String.format("Load generator done in %.1f s: %d orders created, %d rejected, %d failed",
					(System.nanoTime() - start) / 1e9, report.created(), report.rejected(), report.failed()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void count(HttpResponse<Void> response, Throwable failure) {
		if (failure == null && response.statusCode() == 201) {
			this.created.incrementAndGet();
		}
		else if (failure == null && response.statusCode() == 400) {
			this.rejected.incrementAndGet();
		}
		else {
			this.failed.incrementAndGet();
			if (this.failed.get() == 1) {
				logger.warn("Load generator: a request failed: "
						+ ((failure != null) ? failure : "status " + response.statusCode()));
			}
		}
	}

	/**
	 * What the load generator has done.
	 *
	 * @param sent requests sent
	 * @param created answered {@code 201 Created}
	 * @param rejected answered {@code 400 Bad Request} (orders that break a rule, on
	 * purpose)
	 * @param failed anything else: other statuses, connection errors, timeouts
	 * @param finished whether every request has been answered
	 */
	public record Report(int sent, int created, int rejected, int failed, boolean finished) {

	}

}
