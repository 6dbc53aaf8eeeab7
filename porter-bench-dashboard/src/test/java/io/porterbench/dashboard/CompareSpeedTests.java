package io.porterbench.dashboard;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.porterbench.dashboard.cli.PorterBenchCli;
import io.porterbench.dashboard.compare.BenchComparison;
import io.porterbench.dashboard.compare.CompareOptions;
import io.porterbench.dashboard.compare.LogNormalRuns;
import io.porterbench.dashboard.compare.RegressionAnalysis;
import io.porterbench.dashboard.compare.Verdict;
import io.porterbench.record.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures {@code diff} and the compare API on two runs of 100,000 iterations x 5 steps
 * and logs the wall times (the targets are 5 s and 2 s; the machine running the tests is
 * too noisy and shared to assert them).
 *
 * <p>
 * Both are measured as a user meets them: {@code diff} and {@code serve} each in a fresh
 * JVM, the compare API's first request being the server's first reading of the two runs,
 * once with the JVM options of the command line's launcher ({@code porter-bench}, read
 * from its source) and once with the JVM's default flags (a bare {@code java -jar}).
 */
class CompareSpeedTests {

	private static final int ITERATIONS = 100_000;

	private static final Path LAUNCHER = Path.of("src", "main", "launcher", "porter-bench");

	@TempDir
	Path folder;

	@Test
	void diffAndTheCompareApiOnTwoRunsOfAHundredThousandIterations() throws Exception {
		Path root = Files.createDirectories(this.folder.resolve("runs"));
		Path base = LogNormalRuns.of(ITERATIONS, 1).writeTo(root);
		Path slower = LogNormalRuns.of(ITERATIONS, 2).scale("score", 1.10).writeTo(root);
		long stealBefore = stolenTicks();
		List<String> lines = new ArrayList<>();

		long start = System.nanoTime();
		long cpu = processCpuNanos();
		RunRecord loaded = RunRecord.load(base);
		lines
			.add(line("loading one run in this JVM (RunRecord.load)", seconds(start), (processCpuNanos() - cpu) / 1e9));
		RunRecord loadedSlower = RunRecord.load(slower);
		start = System.nanoTime();
		cpu = processCpuNanos();
		BenchComparison analysis = RegressionAnalysis.compareBench("pipeline", List.of(loaded.bench("pipeline")),
				loadedSlower.bench("pipeline"), CompareOptions.DEFAULTS);
		lines.add(line("the analysis of the 7 steps, runs loaded", seconds(start), (processCpuNanos() - cpu) / 1e9));
		assertThat(analysis.count(Verdict.REGRESSED)).isEqualTo(1);

		List<String> launcherOptions = launcherOptions();
		for (List<String> flags : List.of(launcherOptions, List.<String>of())) {
			String launch = flags.isEmpty() ? "default flags (java -jar)"
					: "the launcher's flags (" + String.join(" ", flags) + ")";
			lines.add(diffInItsOwnJvm(flags, base, slower, launch));
			lines.addAll(compareApiInAFreshServer(flags, root, base, slower, launch));
		}
		lines.add("CPU stolen by the host meanwhile: " + (stolenTicks() - stealBefore) + " ticks of 10 ms");
		log(lines);
	}

	private String diffInItsOwnJvm(List<String> flags, Path base, Path slower, String launch) throws Exception {
		Path output = this.folder.resolve("diff.txt");
		long start = System.nanoTime();
		double childCpuBefore = childrenCpuSeconds();
		Process process = new ProcessBuilder(
				java(flags, System.getProperty("java.class.path"), "diff", base.toString(), slower.toString()))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		double wall = seconds(start);
		double childCpu = childrenCpuSeconds() - childCpuBefore;
		assertThat(process.exitValue()).as(Files.readString(output)).isEqualTo(1);
		assertThat(Files.readString(output)).containsPattern("score\\s+regressed");
		return line("diff in its own JVM (start, load both, compare, print), " + launch, wall, childCpu);
	}

	private List<String> compareApiInAFreshServer(List<String> flags, Path root, Path base, Path slower, String launch)
			throws Exception {
		Path output = this.folder.resolve("serve-" + (flags.isEmpty() ? "default" : "launcher") + ".txt");
		// port 0: the server takes a free one and prints its address when it is ready
		Process server = new ProcessBuilder(
				java(flags, classPathWithoutSecurity(), "serve", "--root", root.toString(), "--port", "0"))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			String api = awaitAddress(output, server) + "api/";
			// The page asks for the list of runs before it compares two of them.
			long start = System.nanoTime();
			HttpResponse<String> runs = get(http, api + "runs");
			double runsSeconds = seconds(start);
			assertThat(runs.body()).contains(base.getFileName().toString());
			String compare = api + "compare?baseline=" + base.getFileName() + "&candidate=" + slower.getFileName()
					+ "&bench=pipeline";
			start = System.nanoTime();
			double cpu = processCpuSeconds(server.pid());
			HttpResponse<String> first = get(http, compare);
			double firstSeconds = seconds(start);
			double firstCpu = processCpuSeconds(server.pid()) - cpu;
			start = System.nanoTime();
			HttpResponse<String> second = get(http, compare);
			double secondSeconds = seconds(start);
			assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
			assertThat(second.body()).isEqualTo(first.body()).contains("\"regressions\":1");
			return List.of(
					String.format(Locale.ROOT, "list of runs, the page's first request, %s: %.2f s wall", launch,
							runsSeconds),
					line("compare API in a fresh server, first request (reads both runs), " + launch, firstSeconds,
							firstCpu),
					String.format(Locale.ROOT, "compare API, second request (runs cached), %s: %.2f s wall", launch,
							secondSeconds));
		}
		finally {
			server.destroy();
			server.waitFor(1, TimeUnit.MINUTES);
		}
	}

	/**
	 * The JVM options the launcher gives ahead of a user's, from its
	 * {@code DEFAULT_JVM_OPTS} line.
	 */
	private static List<String> launcherOptions() throws IOException {
		Matcher options = Pattern.compile("^DEFAULT_JVM_OPTS=\"([^\"]*)\"$", Pattern.MULTILINE)
			.matcher(Files.readString(LAUNCHER));
		assertThat(options.find()).as("DEFAULT_JVM_OPTS in %s", LAUNCHER).isTrue();
		return List.of(options.group(1).trim().split("\\s+"));
	}

	private static List<String> java(List<String> flags, String classPath, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(flags);
		command.addAll(List.of("-cp", classPath, PorterBenchCli.class.getName()));
		command.addAll(Arrays.asList(arguments));
		return command;
	}

	/**
	 * The test class path less Spring Security, which this module has in test scope only
	 * (to prove that an application's filter chain guards the dashboard) and which would
	 * ask the standalone server's requests for a password.
	 */
	private static String classPathWithoutSecurity() {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).getFileName().toString().contains("security"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	/** The dashboard's address, from the line {@code serve} prints once it serves. */
	private static String awaitAddress(Path output, Process server) throws Exception {
		Pattern ready = Pattern.compile("porter-bench dashboard at (http://\\S+/) over ");
		while (true) {
			Matcher matcher = ready.matcher(Files.readString(output));
			if (matcher.find()) {
				return matcher.group(1);
			}
			assertThat(server.isAlive()).as("the server is running: %s", Files.readString(output)).isTrue();
			Thread.sleep(100);
		}
	}

	private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
		// No read timeout: on a loaded machine the first request may take a while, and
		// that is what is measured.
		return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String line(String what, double wall, double cpu) {
		return String.format(Locale.ROOT, "%s: %.2f s wall, %.2f s CPU", what, wall, cpu);
	}

	/**
	 * CPU time of this JVM, all threads: on a shared machine it says what the work costs,
	 * whatever the wait.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU time of the finished child processes (Linux's cutime and cstime), or NaN
	 * elsewhere.
	 */
	private static double childrenCpuSeconds() throws IOException {
		String[] fields = procStatFields(Path.of("/proc/self/stat"));
		// cutime and cstime, in clock ticks (100 a second)
		return (fields == null) ? Double.NaN : (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
	}

	/** CPU time of a running process (Linux's utime and stime), or NaN elsewhere. */
	private static double processCpuSeconds(long pid) throws IOException {
		String[] fields = procStatFields(Path.of("/proc", Long.toString(pid), "stat"));
		return (fields == null) ? Double.NaN : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	/** The fields of a {@code /proc/PID/stat} file after the command, the state first. */
	private static String[] procStatFields(Path stat) throws IOException {
		if (!Files.isReadable(stat)) {
			return null;
		}
		String text = Files.readString(stat);
		return text.substring(text.lastIndexOf(')') + 2).split(" ");
	}

	/** The CPU time the hypervisor gave to others while this VM wanted it, or -1. */
	private static long stolenTicks() throws IOException {
		Path stat = Path.of("/proc/stat");
		if (!Files.isReadable(stat)) {
			return -1;
		}
		String[] cpu = Files.readAllLines(stat).get(0).trim().split("\\s+");
		return (cpu.length > 8) ? Long.parseLong(cpu[8]) : -1;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/**
	 * Logs to standard output and to target/compare-speed.txt, where the report's figures
	 * are read from.
	 */
	private static void log(List<String> lines) throws IOException {
		String header = "Comparison speed, 2 runs x " + ITERATIONS + " iterations x 5 steps, "
				+ Runtime.getRuntime().availableProcessors() + " CPUs, load average "
				+ java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ":";
		System.out.println(header);
		lines.forEach((line) -> System.out.println("  " + line));
		Files.write(Path.of("target", "compare-speed.txt"), Stream.concat(Stream.of(header), lines.stream()).toList());
	}

}
