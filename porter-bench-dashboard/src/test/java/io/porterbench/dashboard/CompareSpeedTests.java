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
 * Measures {@code diff} and the compare API on two runs of 100,000 iterations x 5 steps and logs the wall times (the
 * targets are 5 s and 2 s; the machine running the tests is too noisy and shared to assert them).
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
		RunRecord loaded = RunRecord.load(base);
		double loadSeconds = seconds(start);
		RunRecord loadedSlower = RunRecord.load(slower);
		start = System.nanoTime();
		BenchComparison analysis = RegressionAnalysis.compareBench("pipeline", List.of(loaded.bench("pipeline")),
				loadedSlower.bench("pipeline"), CompareOptions.DEFAULTS);
		double analysisSeconds = seconds(start);
		assertThat(analysis.count(Verdict.REGRESSED)).isEqualTo(1);

		start = System.nanoTime();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), PorterBenchCli.class.getName(), "diff", base.toString(),
				slower.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("diff.txt").toFile())
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		double processSeconds = seconds(start);
		assertThat(process.exitValue()).as(Files.readString(this.folder.resolve("diff.txt"))).isEqualTo(1);
		assertThat(Files.readString(this.folder.resolve("diff.txt"))).containsPattern("score\\s+regressed");

		ConfigurableApplicationContext context = DashboardServer.start(root, 0, "/porterbench");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String target = "/porterbench/api/compare?baseline=" + base.getFileName() + "&candidate="
					+ slower.getFileName() + "&bench=pipeline";
			// No read timeout: on a loaded machine the first request may take a while, and that is what is measured.
			HttpClient http = HttpClient.newHttpClient();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).build();
			start = System.nanoTime();
			HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
			double firstApiSeconds = seconds(start);
			start = System.nanoTime();
			HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
			double secondApiSeconds = seconds(start);
			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(second.body()).contains("\"regressions\":1");
			log(List.of(String.format(Locale.ROOT, "loading one run (RunRecord.load): %.2f s", loadSeconds),
					String.format(Locale.ROOT, "the analysis of its 7 steps, runs loaded: %.2f s", analysisSeconds),
					String.format(Locale.ROOT, "diff, own JVM (start, load, compare, print): %.2f s",
					processSeconds),
					String.format(Locale.ROOT, "compare API, first request (runs not yet loaded): %.2f s",
							firstApiSeconds),
					String.format(Locale.ROOT, "compare API, second request (runs cached): %.2f s",
							secondApiSeconds)));
		}
		finally {
			context.close();
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/** Logs to standard output and to target/compare-speed.txt, where the report's figures are read from. */
	private static void log(List<String> lines) throws IOException {
		String header = "Comparison speed, 2 runs x " + ITERATIONS + " iterations x 5 steps, "
				+ Runtime.getRuntime().availableProcessors() + " CPUs:";
		System.out.println(header);
		lines.forEach((line) -> System.out.println("  " + line));
		Files.write(Path.of("target", "compare-speed.txt"),
				java.util.stream.Stream.concat(java.util.stream.Stream.of(header), lines.stream()).toList());
	}

}
