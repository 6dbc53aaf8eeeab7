package io.porterbench.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.porterbench.dashboard.cli.DashboardServer;
import io.porterbench.dashboard.cli.PorterBenchCli;
import io.porterbench.dashboard.compare.BenchComparison;
import io.porterbench.dashboard.compare.CompareOptions;
import io.porterbench.dashboard.compare.LogNormalRuns;
import io.porterbench.dashboard.compare.RegressionAnalysis;
import io.porterbench.dashboard.compare.Verdict;
import io.porterbench.record.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures {@code diff} and the compare API on two runs of 100,000 iterations x 5 steps
 * and logs the wall times (the targets are 5 s and 2 s; the machine running the tests is
 * too noisy and shared to assert them).
 */
class CompareSpeedTests {

	private static final int ITERATIONS = 100_000;

	@TempDir
	Path folder;

	@Test
	void diffAndTheCompareApiOnTwoRunsOfAHundredThousandIterations() throws Exception {
		Path root = Files.createDirectories(this.folder.resolve("runs"));
		Path base = LogNormalRuns.of(ITERATIONS, 1).writeTo(root);
		Path slower = LogNormalRuns.of(ITERATIONS, 2).scale("score", 1.10).writeTo(root);

		long start = System.nanoTime();
		long cpu = processCpuNanos();
		RunRecord loaded = RunRecord.load(base);
		double loadSeconds = seconds(start);
		double loadCpu = (processCpuNanos() - cpu) / 1e9;
		RunRecord loadedSlower = RunRecord.load(slower);
		start = System.nanoTime();
		cpu = processCpuNanos();
		BenchComparison analysis = RegressionAnalysis.compareBench("pipeline", List.of(loaded.bench("pipeline")),
				loadedSlower.bench("pipeline"), CompareOptions.DEFAULTS);
		double analysisSeconds = seconds(start);
		double analysisCpu = (processCpuNanos() - cpu) / 1e9;
		assertThat(analysis.count(Verdict.REGRESSED)).isEqualTo(1);

		start = System.nanoTime();
		double childCpuBefore = childrenCpuSeconds();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), PorterBenchCli.class.getName(), "diff", base.toString(),
				slower.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("diff.txt").toFile())
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		double processSeconds = seconds(start);
		double processCpu = childrenCpuSeconds() - childCpuBefore;
		assertThat(process.exitValue()).as(Files.readString(this.folder.resolve("diff.txt"))).isEqualTo(1);
		assertThat(Files.readString(this.folder.resolve("diff.txt"))).containsPattern("score\\s+regressed");

		ConfigurableApplicationContext context = DashboardServer.start(root, 0, "/porterbench");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String target = "/porterbench/api/compare?baseline=" + base.getFileName() + "&candidate="
					+ slower.getFileName() + "&bench=pipeline";
			// No read timeout: on a loaded machine the first request may take a while,
			// and that is what is measured.
			HttpClient http = HttpClient.newHttpClient();
			// The page asks for the list of runs before it compares two of them.
			start = System.nanoTime();
			HttpResponse<String> runs = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/porterbench/api/runs")).build(),
					HttpResponse.BodyHandlers.ofString());
			double runsSeconds = seconds(start);
			assertThat(runs.body()).contains(base.getFileName().toString());
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).build();
			start = System.nanoTime();
			cpu = processCpuNanos();
			HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
			double firstApiSeconds = seconds(start);
			double firstApiCpu = (processCpuNanos() - cpu) / 1e9;
			start = System.nanoTime();
			cpu = processCpuNanos();
			HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
			double secondApiSeconds = seconds(start);
			double secondApiCpu = (processCpuNanos() - cpu) / 1e9;
			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(second.body()).contains("\"regressions\":1");
			log(List.of(line("loading one run (RunRecord.load)", loadSeconds, loadCpu),
					line("the analysis of the 7 steps, runs loaded", analysisSeconds, analysisCpu),
					line("diff in its own JVM (start, load both, compare, print)", processSeconds, processCpu),
					String.format(Locale.ROOT, "list of runs, the page's first request: %.2f s wall", runsSeconds),
					line("compare API, first request (runs not yet loaded)", firstApiSeconds, firstApiCpu),
					line("compare API, second request (runs cached)", secondApiSeconds, secondApiCpu)));
		}
		finally {
			context.close();
		}
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
		Path stat = Path.of("/proc/self/stat");
		if (!Files.isReadable(stat)) {
			return Double.NaN;
		}
		String text = Files.readString(stat);
		String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
		// After the command: state is field 3; cutime and cstime are fields 16 and 17, in
		// clock ticks (100 a second).
		return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
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
		Files.write(Path.of("target", "compare-speed.txt"),
				java.util.stream.Stream.concat(java.util.stream.Stream.of(header), lines.stream()).toList());
	}

}
