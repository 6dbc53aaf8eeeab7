package io.porterbench.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures what porter-bench adds to a Spring Boot application's startup: starts
 * {@link StartupApp} in fresh JVMs with porter-bench (the starter, the dashboard and the
 * {@code porterbench} endpoint, all auto-configured and on) and without it (the same
 * class path less porter-bench's modules and the libraries only they bring), in pairs
 * started back to back, {@value #DEFAULT_PAIRS} pairs by default, after one unmeasured
 * start of each kind to warm the disk cache. Within a pair the order alternates (with
 * first, then without first), so neither kind always runs second. It prints each start,
 * then for the wall time of {@code SpringApplication.run}, the JVM's uptime when ready
 * and the CPU time used until then: the medians with and without, their difference, and
 * the spread of the differences within pairs; and the machine's load average before and
 * after.
 *
 * <p>
 * Run it from the repository root with {@code porter-bench-benchmarks/startup-check.sh
 * [pairs]}. The script packages porter-bench's modules (as jars: an application gets
 * jars) and writes the class path Maven resolves for {@code porter-bench-startup-app} (a
 * Boot web application with the actuator, to which the starter and the dashboard are
 * added after its web starter, as an application adds them), then runs:
 *
 * <pre>
 * java -Dstartup.application=porter-bench-benchmarks/startup-app/target/dependencies.classpath \
 *     -cp porter-bench-benchmarks/target/test-classes:$(cat porter-bench-benchmarks/target/dependencies.classpath) \
 *     io.porterbench.benchmarks.startup.StartupCheck [pairs]
 * </pre>
 *
 * <p>
 * The starts with porter-bench then have {@link StartupApp}'s folder followed by that
 * class path, in Maven's order. Without {@code -Dstartup.application}
 * ({@link #APPLICATION_PROPERTY}) they have this JVM's own class path instead (this
 * module's test class path, from an IDE for instance). With {@code
 * -Dstartup.porterBenchFirst=true} ({@link #FIRST_PROPERTY}) porter-bench's jars come
 * first, as in an application whose pom declares porter-bench before its web starter.
 */
public final class StartupCheck {

	static final int DEFAULT_PAIRS = 9;

	/**
	 * The system property that names a file holding the application's class path, as
	 * Maven's {@code dependency:build-classpath} writes it: the starts with porter-bench
	 * have {@link StartupApp}'s folder followed by it.
	 */
	static final String APPLICATION_PROPERTY = "startup.application";

	/**
	 * The system property that puts porter-bench's modules and libraries first on the
	 * class path of the starts with porter-bench, right after {@link StartupApp}'s
	 * folder, as in an application whose pom declares porter-bench before its web
	 * starter: each lookup of a Boot, Spring or Tomcat class then looks in them first.
	 */
	static final String FIRST_PROPERTY = "startup.porterBenchFirst";

	// porter-bench's own modules, as jars or as a reactor build's class folders
	private static final List<String> PORTER_BENCH_MODULES = List.of("porter-bench-core",
			"porter-bench-spring-boot-starter", "porter-bench-dashboard");

	// The libraries only porter-bench brings to a Boot web application with the actuator,
	// as the start of their path in a Maven repository (group folders, then the
	// artifact):
	// OSHI and JNA (the core's memory sources), Chart.js (the dashboard's page), Commons
	// Statistics with the Commons Numbers and RNG it uses (the dashboard's comparisons).
	// StartupAppTests checks this list against the modules' poms.
	static final List<String> PORTER_BENCH_LIBRARIES = List.of("com/github/oshi/", "net/java/dev/jna/", "org/webjars/",
			"org/apache/commons/commons-statistics-", "org/apache/commons/commons-numbers-",
			"org/apache/commons/commons-rng-");

	private StartupCheck() {
	}

	/**
	 * Runs the comparison.
	 * @param args the number of measured pairs of starts, {@value #DEFAULT_PAIRS} by
	 * default
	 * @throws Exception if a start fails
	 */
	public static void main(String[] args) throws Exception {
		int pairs = pairs(args, DEFAULT_PAIRS);
		String classPath = classPathWithPorterBench();
		String without = withoutPorterBench(classPath);
		Path root = Files.createTempDirectory("porter-bench-startup-");
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		start(classPath, root, List.of());
		start(without, root, List.of());
		List<StartupResult> with = new ArrayList<>();
		List<StartupResult> plain = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			boolean withFirst = withFirst(i);
			StartupResult first = start(withFirst ? classPath : without, root, List.of());
			StartupResult second = start(withFirst ? without : classPath, root, List.of());
			with.add(withFirst ? first : second);
			plain.add(withFirst ? second : first);
			if (with.get(i).porterBenchBeans() == 0 || plain.get(i).porterBenchBeans() != 0) {
				throw new IllegalStateException("Start " + (i + 1) + " had " + with.get(i).porterBenchBeans()
						+ " porter-bench beans with porter-bench and " + plain.get(i).porterBenchBeans() + " without");
			}
			System.out.printf(Locale.ROOT,
					"pair %d (%s first): with porter-bench run %d ms, uptime %d ms, cpu %d ms, main thread %d ms,"
							+ " %d classes, %d beans; without run %d ms, uptime %d ms, cpu %d ms, main thread %d ms,"
							+ " %d classes; load %.2f%n",
					i + 1, withFirst ? "with" : "without", with.get(i).runMillis(), with.get(i).uptimeMillis(),
					with.get(i).cpuMillis(), with.get(i).mainCpuMillis(), with.get(i).loadedClasses(),
					with.get(i).porterBenchBeans(), plain.get(i).runMillis(), plain.get(i).uptimeMillis(),
					plain.get(i).cpuMillis(), plain.get(i).mainCpuMillis(), plain.get(i).loadedClasses(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.printf(Locale.ROOT,
				"%d pairs of fresh JVMs, %d cores, load average (1 min) %.2f before, %.2f after, %s%n", pairs,
				Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, describeClassPath());
		for (StartupComparison comparison : compare(with, plain)) {
			System.out.println(comparison.describe(comparison.name().equals("loaded classes") ? "classes" : "ms"));
		}
	}

	/**
	 * Whether the pair of the given index starts with porter-bench first: every other
	 * pair.
	 * @param pair the index of the pair, from 0
	 * @return whether porter-bench's start comes first
	 */
	static boolean withFirst(int pair) {
		return pair % 2 == 0;
	}

	/**
	 * The comparisons the check prints, of paired results.
	 * @param with the starts with porter-bench
	 * @param without the starts without, in the same order
	 * @return the comparisons of the run time, the uptime, the CPU times and the classes
	 */
	static List<StartupComparison> compare(List<StartupResult> with, List<StartupResult> without) {
		return List.of(comparison("SpringApplication.run", with, without, StartupResult::runMillis),
				comparison("JVM uptime when ready", with, without, StartupResult::uptimeMillis),
				comparison("CPU time until ready", with, without, StartupResult::cpuMillis),
				comparison("main thread CPU time", with, without, StartupResult::mainCpuMillis),
				comparison("loaded classes", with, without, StartupResult::loadedClasses));
	}

	private static StartupComparison comparison(String name, List<StartupResult> with, List<StartupResult> without,
			ToLongFunction<StartupResult> measure) {
		return StartupComparison.of(name, with.stream().mapToLong(measure).toArray(),
				without.stream().mapToLong(measure).toArray());
	}

	/**
	 * The class path without porter-bench's modules and the libraries only they bring.
	 * @param classPath a class path
	 * @return the entries that are not porter-bench's, in order
	 */
	static String withoutPorterBench(String classPath) {
		return Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !isPorterBench(entry))
			.collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * The class path of the starts with porter-bench: {@link StartupApp}'s folder and the
	 * application's class path when {@link #APPLICATION_PROPERTY} names one, otherwise
	 * this JVM's; with porter-bench's entries moved to the front when
	 * {@link #FIRST_PROPERTY} is set.
	 * @return the class path
	 * @throws IOException if the application's class path cannot be read
	 */
	static String classPathWithPorterBench() throws IOException {
		String file = System.getProperty(APPLICATION_PROPERTY);
		String classPath = (file != null) ? applicationClassPath(Path.of(file)) : System.getProperty("java.class.path");
		return Boolean.getBoolean(FIRST_PROPERTY) ? porterBenchFirst(classPath) : classPath;
	}

	/**
	 * What the check's summary says of the class path.
	 * @return where the class path comes from and where porter-bench is on it
	 */
	static String describeClassPath() {
		String file = System.getProperty(APPLICATION_PROPERTY);
		String source = (file != null) ? "the application's class path (" + file + ")" : "this JVM's class path";
		return source + ", porter-bench "
				+ (Boolean.getBoolean(FIRST_PROPERTY) ? "moved first" : "where the pom puts it");
	}

	/**
	 * {@link StartupApp}'s folder followed by an application's class path.
	 * @param file the file holding the application's class path
	 * @return the class path
	 * @throws IOException if the file cannot be read
	 * @throws IllegalArgumentException if it is empty
	 */
	static String applicationClassPath(Path file) throws IOException {
		String application = readClassPath(file, "The application's class path");
		String folder = Path.of(StartupApp.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.toString();
		return folder + File.pathSeparator + application;
	}

	/**
	 * A class path written in a file, as {@code dependency:build-classpath} writes it.
	 * @param file the file
	 * @param what what the class path is, for the message when the file is empty
	 * @return the class path, trimmed
	 * @throws IOException if the file cannot be read
	 * @throws IllegalArgumentException if it is empty
	 */
	static String readClassPath(Path file, String what) throws IOException {
		String classPath = Files.readString(file, StandardCharsets.UTF_8).trim();
		if (classPath.isEmpty()) {
			throw new IllegalArgumentException(what + " in " + file
					+ " is empty; write it with dependency:build-classpath, as startup-check.sh does");
		}
		return classPath;
	}

	/**
	 * The class path with porter-bench's modules and the libraries only they bring moved
	 * to the front, after the first entry (the application's own classes).
	 * @param classPath a class path
	 * @return its first entry, porter-bench's entries in order, then the others in order
	 */
	static String porterBenchFirst(String classPath) {
		List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
		List<String> rest = entries.subList(1, entries.size());
		return Stream
			.of(Stream.of(entries.get(0)), rest.stream().filter(StartupCheck::isPorterBench),
					rest.stream().filter((entry) -> !isPorterBench(entry)))
			.flatMap((stream) -> stream)
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static boolean isPorterBench(String entry) {
		String path = entry.replace(File.separatorChar, '/');
		List<String> segments = Arrays.asList(path.split("/"));
		return PORTER_BENCH_MODULES.stream().anyMatch(segments::contains)
				|| PORTER_BENCH_LIBRARIES.stream().anyMatch((library) -> path.contains("/" + library));
	}

	/**
	 * The number of pairs of starts a command asks for.
	 * @param args the command's arguments, the number first if given
	 * @param defaultPairs the number when none is given
	 * @return the number, at least 1
	 * @throws IllegalArgumentException if the argument is not a number of at least 1
	 */
	static int pairs(String[] args, int defaultPairs) {
		if (args.length == 0) {
			return defaultPairs;
		}
		try {
			int pairs = Integer.parseInt(args[0]);
			if (pairs >= 1) {
				return pairs;
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the value as given
		}
		throw new IllegalArgumentException(
				"The number of pairs of starts must be a whole number of at least 1, was '" + args[0] + "'");
	}

	/**
	 * Starts {@link StartupApp} in a fresh JVM and reads its result.
	 * @param classPath the JVM's class path
	 * @param root the folder for its run files
	 * @param jvmOptions options for the JVM, before the class path
	 * @return what it reported
	 * @throws IOException if the JVM cannot be started
	 * @throws InterruptedException if interrupted while waiting for it
	 */
	static StartupResult start(String classPath, Path root, List<String> jvmOptions)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath, StartupApp.class.getName(), root.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectErrorStream(true);
		Process process = builder.start();
		List<String> output = new ArrayList<>();
		StartupResult result = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.add(line);
				if (line.startsWith(StartupResult.PREFIX)) {
					result = StartupResult.parse(line);
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

}
