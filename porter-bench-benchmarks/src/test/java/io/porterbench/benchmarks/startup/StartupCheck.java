package io.porterbench.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Measures what porter-bench adds to a Spring Boot application's startup: starts
 * {@link StartupApp} in a fresh JVM with porter-bench on the class path and without it,
 * alternately, {@value #DEFAULT_STARTS} times each (after one unmeasured start of each to
 * warm the disk cache), and prints the medians of {@code SpringApplication.run} and of
 * the JVM's uptime when the application is ready.
 *
 * <p>
 * Run it from the repository root with the module's test class path:
 *
 * <pre>
 * ./mvnw -B -q -pl porter-bench-benchmarks -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp porter-bench-benchmarks/target/test-classes:$(cat porter-bench-benchmarks/target/test.classpath) \
 *     io.porterbench.benchmarks.startup.StartupCheck [starts]
 * </pre>
 */
public final class StartupCheck {

	static final int DEFAULT_STARTS = 5;

	// porter-bench's own modules, as jars or as a reactor build's class folders
	private static final List<String> PORTER_BENCH_ENTRIES = List.of("porter-bench-core",
			"porter-bench-spring-boot-starter", "porter-bench-dashboard");

	private StartupCheck() {
	}

	/**
	 * Runs the comparison.
	 * @param args the number of measured starts of each kind, {@value #DEFAULT_STARTS} by
	 * default
	 * @throws Exception if a start fails
	 */
	public static void main(String[] args) throws Exception {
		int starts = (args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_STARTS;
		String classPath = System.getProperty("java.class.path");
		String without = withoutPorterBench(classPath);
		Path root = Files.createTempDirectory("porter-bench-startup-");
		start(classPath, root);
		start(without, root);
		long[][] with = new long[starts][];
		long[][] plain = new long[starts][];
		for (int i = 0; i < starts; i++) {
			with[i] = start(classPath, root);
			plain[i] = start(without, root);
			System.out.printf(Locale.ROOT,
					"start %d: with porter-bench run %d ms (uptime %d ms, %d beans), without %d ms"
							+ " (uptime %d ms, %d beans)%n",
					i + 1, with[i][0], with[i][1], with[i][2], plain[i][0], plain[i][1], plain[i][2]);
		}
		long withRun = median(with, 0);
		long plainRun = median(plain, 0);
		long withUptime = median(with, 1);
		long plainUptime = median(plain, 1);
		System.out.printf(Locale.ROOT,
				"median of %d: SpringApplication.run %d ms with porter-bench, %d ms without: +%d ms;"
						+ " JVM uptime when ready %d ms and %d ms: +%d ms%n",
				starts, withRun, plainRun, withRun - plainRun, withUptime, plainUptime, withUptime - plainUptime);
	}

	/**
	 * The class path without porter-bench's modules.
	 * @param classPath a class path
	 * @return the entries that are not porter-bench's, in order
	 */
	static String withoutPorterBench(String classPath) {
		return Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> PORTER_BENCH_ENTRIES.stream().noneMatch(entry::contains))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static long[] start(String classPath, Path root) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classPath, StartupApp.class.getName(),
				root.toString());
		builder.redirectErrorStream(true);
		Process process = builder.start();
		List<String> output = new ArrayList<>();
		long[] result = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.add(line);
				if (line.startsWith(StartupApp.RESULT_PREFIX)) {
					result = Arrays.stream(line.substring(StartupApp.RESULT_PREFIX.length()).split(" "))
						.mapToLong(Long::parseLong)
						.toArray();
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0 || result == null) {
			throw new IllegalStateException(
					"The application did not start (exit " + exit + "):\n" + String.join("\n", output));
		}
		return result;
	}

	private static long median(long[][] results, int column) {
		long[] values = Arrays.stream(results).mapToLong((result) -> result[column]).sorted().toArray();
		return values[values.length / 2];
	}

}
