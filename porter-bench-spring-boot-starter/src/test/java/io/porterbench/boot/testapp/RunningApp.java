package io.porterbench.boot.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application running on a random loopback port, with a plain HTTP client.
 */
public final class RunningApp implements AutoCloseable {

	private final HttpClient http = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final URI base;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.base = URI.create("http://127.0.0.1:" + port);
	}

	/**
	 * Starts {@link BenchTestApplication} and the given extra configuration classes.
	 * @param root porter-bench's root folder
	 * @param sources extra configuration classes
	 * @param properties extra properties
	 * @return the running application
	 */
	public static RunningApp start(Path root, Class<?>[] sources, String... properties) {
		Class<?>[] all = new Class<?>[sources.length + 1];
		all[0] = BenchTestApplication.class;
		System.arraycopy(sources, 0, all, 1, sources.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(all)
			.properties("server.port=0", "server.address=127.0.0.1", "porterbench.root=" + root)
			.properties(properties)
			.run();
		return new RunningApp(context);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public URI uri(String path) {
		return this.base.resolve(path);
	}

	public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build();
		return this.http.send(request, BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
