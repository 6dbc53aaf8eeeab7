package io.porterbench.dashboard.cli;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.porterbench.dashboard.DashboardProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The standalone dashboard: a Spring Boot application with nothing but the dashboard over
 * a folder of saved runs, and {@code /} redirecting to it, listening on the loopback
 * address unless told otherwise.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class DashboardServer {

	@Bean
	RouterFunction<ServerResponse> porterBenchRootRedirect(DashboardProperties properties) {
		URI dashboard = URI.create(properties.normalizedPath() + "/");
		return RouterFunctions.route()
			.GET("/", (request) -> ServerResponse.status(HttpStatus.FOUND).location(dashboard).build())
			.build();
	}

	/**
	 * Starts the dashboard on the loopback address {@code 127.0.0.1}.
	 * @param root the folder of saved runs
	 * @param port the HTTP port, 0 for a free one
	 * @param path the dashboard path
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(Path root, int port, String path) {
		return start(root, InetAddress.getLoopbackAddress(), port, path);
	}

	/**
	 * Starts the dashboard.
	 * @param root the folder of saved runs
	 * @param address the local address to listen on: every saved run is readable by
	 * whoever can reach it
	 * @param port the HTTP port, 0 for a free one
	 * @param path the dashboard path
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(Path root, InetAddress address, int port, String path) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("porterbench.root", root.toAbsolutePath().normalize().toString());
		// The standalone server exists to show the dashboard: here, unlike in an
		// application, it is the point.
		properties.put("porterbench.dashboard.enabled", true);
		properties.put("porterbench.dashboard.path", path);
		properties.put("server.address", address.getHostAddress());
		properties.put("server.port", port);
		properties.put("spring.application.name", "porter-bench-dashboard");
		properties.put("spring.main.banner-mode", "off");
		// Ready when started: Spring builds its dispatcher at startup, not in the first
		// request, which a large run already makes the slowest.
		properties.put("spring.mvc.servlet.load-on-startup", 1);
		SpringApplication application = new SpringApplication(DashboardServer.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setDefaultProperties(properties);
		return application.run();
	}

}
