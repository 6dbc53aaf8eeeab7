package io.porterbench.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;
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

	/**
	 * The system property that asks a start to record Boot's startup steps and print the
	 * given number of the longest ones (for finding where the time goes, never set by
	 * {@link StartupCheck}: recording costs time itself).
	 */
	static final String STEPS_PROPERTY = "startup.steps";

	/**
	 * Which steps {@link #STEPS_PROPERTY} prints: those with a tag containing this text.
	 */
	static final String STEPS_FILTER_PROPERTY = "startup.steps.filter";

	/**
	 * The system property that asks a start to list porter-bench's beans, each marked
	 * {@code created} when the startup created it or {@code on first use} when it is only
	 * defined (for finding eager beans, never set by {@link StartupCheck}).
	 */
	static final String BEANS_PROPERTY = "startup.beans";

	/**
	 * The system property that asks a start to print its threads' CPU time when ready,
	 * per thread name ({@link ThreadCpu}, Linux only; for finding where the CPU goes
	 * besides the main thread, never set by {@link StartupCheck}).
	 */
	static final String THREADS_PROPERTY = "startup.threads";

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
	 * Starts the application once, prints its {@link StartupResult} line and exits.
	 * @param args the folder for run files
	 */
	public static void main(String[] args) {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setDefaultProperties(properties(args[0]));
		int steps = Integer.getInteger(STEPS_PROPERTY, 0);
		BufferingApplicationStartup recorder = (steps > 0) ? new BufferingApplicationStartup(100_000) : null;
		if (recorder != null) {
			application.setApplicationStartup(recorder);
		}
		ConfigurableApplicationContext context = application.run();
		long runNanos = System.nanoTime() - start;
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long mainCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		StartupResult result = new StartupResult(runNanos / 1_000_000, uptime, cpuNanos / 1_000_000,
				mainCpuNanos / 1_000_000, classes, porterBenchBeans(context));
		if (recorder != null) {
			printLongestSteps(recorder, steps, System.getProperty(STEPS_FILTER_PROPERTY, ""));
		}
		if (Boolean.getBoolean(BEANS_PROPERTY)) {
			List<String> created = createdPorterBenchBeans(context);
			for (String name : porterBenchBeanNames(context)) {
				System.out.printf(Locale.ROOT, "bean %s %s %s%n",
						created.contains(name) ? "created    " : "on first use", name,
						context.getBeanFactory().getType(name, false).getName());
			}
			System.out.printf(Locale.ROOT, "porter-bench beans: %d defined, %d created at startup%n",
					porterBenchBeans(context), created.size());
		}
		if (Boolean.getBoolean(THREADS_PROPERTY)) {
			ThreadCpu.ofThisProcess()
				.forEach((name, millis) -> System.out.printf(Locale.ROOT, "threads %6d ms %s%n", millis, name));
		}
		System.out.println(result.toLine());
		context.close();
		System.exit(0);
	}

	private static void printLongestSteps(BufferingApplicationStartup recorder, int count, String filter) {
		String wanted = filter.toLowerCase(Locale.ROOT);
		recorder.getBufferedTimeline()
			.getEvents()
			.stream()
			.filter((event) -> wanted.isEmpty()
					|| tags(event.getStartupStep()).toLowerCase(Locale.ROOT).contains(wanted))
			.sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
			.limit(count)
			.forEach((event) -> System.out.printf(Locale.ROOT, "step %6.1f ms %s %s%n",
					event.getDuration().toNanos() / 1e6, event.getStartupStep().getName(),
					tags(event.getStartupStep())));
	}

	private static String tags(StartupStep step) {
		StringBuilder text = new StringBuilder();
		step.getTags().forEach((tag) -> text.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
		return text.toString().trim();
	}

	/**
	 * The number of beans whose class is porter-bench's.
	 * @param context the started context
	 * @return the count
	 */
	static long porterBenchBeans(ConfigurableApplicationContext context) {
		return porterBenchBeanNames(context).size();
	}

	/**
	 * The porter-bench beans that the startup created, in the order of their definitions.
	 * @param context the started context
	 * @return their names
	 */
	static List<String> createdPorterBenchBeans(ConfigurableApplicationContext context) {
		List<String> created = new ArrayList<>();
		for (String name : porterBenchBeanNames(context)) {
			if (context.getBeanFactory().containsSingleton(name)) {
				created.add(name);
			}
		}
		return created;
	}

	// allowFactoryBeanInit=false (getType(name, false)) so that counting creates nothing
	private static List<String> porterBenchBeanNames(ConfigurableApplicationContext context) {
		List<String> names = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getBeanFactory().getType(name, false);
			if (type != null && type.getName().startsWith("io.porterbench.")
					&& !type.getName().startsWith(StartupApp.class.getPackageName())) {
				names.add(name);
			}
		}
		return names;
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
