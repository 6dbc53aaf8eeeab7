package io.porterbench.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application whose startup {@link StartupCheck} measures: a web application with the
 * actuator and one controller, using no porter-bench type, so that it starts with
 * porter-bench on the class path (the starter, the dashboard and the {@code porterbench}
 * endpoint, all auto-configured) and without it.
 */
@SpringBootApplication
public class StartupApp {

	/** The line a started JVM prints for {@link StartupCheck}. */
	static final String RESULT_PREFIX = "STARTUP ";

	/**
	 * The properties of a measured start: a random loopback port, the porterbench
	 * endpoint exposed, the opt-in dashboard on, run files in the given folder.
	 * @param root the folder for porter-bench's run files
	 * @return the properties
	 */
	static Map<String, Object> properties(String root) {
		return Map.of("server.port", "0", "server.address", "127.0.0.1", "management.endpoints.web.exposure.include",
				"health,porterbench", "porterbench.root", root, "porterbench.dashboard.enabled", "true",
				"spring.main.banner-mode", "off");
	}

	/**
	 * Starts the application once, prints
	 * {@code STARTUP <run ms> <jvm uptime ms> <porter-bench beans>} and exits.
	 * @param args the folder for run files
	 */
	public static void main(String[] args) {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setDefaultProperties(properties(args[0]));
		ConfigurableApplicationContext context = application.run();
		long runNanos = System.nanoTime() - start;
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long porterBeans = porterBenchBeans(context);
		System.out.println(RESULT_PREFIX + (runNanos / 1_000_000) + " " + uptime + " " + porterBeans);
		context.close();
		System.exit(0);
	}

	/**
	 * The number of beans whose class is porter-bench's.
	 * @param context the started context
	 * @return the count
	 */
	static long porterBenchBeans(ConfigurableApplicationContext context) {
		long count = 0;
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			if (type != null && type.getName().startsWith("io.porterbench.")
					&& !type.getName().startsWith(StartupApp.class.getPackageName())) {
				count++;
			}
		}
		return count;
	}

	/**
	 * A controller, so that the application has a request mapping of its own.
	 */
	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
