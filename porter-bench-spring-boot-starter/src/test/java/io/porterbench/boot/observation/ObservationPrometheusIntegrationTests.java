package io.porterbench.boot.observation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.porterbench.boot.testapp.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With Observations on, Spring Boot's {@code DefaultMeterObservationHandler} and the
 * Prometheus registry in one application, the Observations' meters stand beside
 * porter-bench's own without a name clash: the scrape parses and holds every series once.
 */
class ObservationPrometheusIntegrationTests {

	private static final Path PROMTOOL = Paths.get(System.getProperty("porterbench.promtool", "/usr/bin/promtool"));

	@TempDir
	Path root;

	@Test
	void scrapeHoldsBothPorterBenchMetersAndTheObservationMetersEachSeriesOnce() throws Exception {
		try (RunningApp app = RunningApp.start(this.root, new Class<?>[0], "porterbench.observation.enabled=true",
				"management.endpoints.web.exposure.include=prometheus")) {
			assertThat(app.get("/checkout", "application/json").statusCode()).isEqualTo(200);
			assertThat(app.get("/checkout", "application/json").statusCode()).isEqualTo(200);
			String scrape = app.get("/actuator/prometheus", "text/plain;version=0.0.4;charset=utf-8").body();
			assertThat(scrape)
				.containsPattern("porterbench_step_seconds_count\\{bench=\"checkout\",step=\"reserve\"} 2(\\.0)?\\n");
			assertThat(scrape).containsPattern("porterbench_iteration_seconds_count\\{bench=\"checkout\"} 2(\\.0)?\\n");
			assertThat(scrape).containsPattern(
					"porterbench_observation_step_seconds_count\\{bench=\"checkout\",error=\"none\",step=\"reserve\"} 2(\\.0)?\\n");
			assertThat(scrape).containsPattern(
					"porterbench_observation_iteration_seconds_count\\{bench=\"checkout\",error=\"none\"} 2(\\.0)?\\n");
			List<String> series = Arrays.stream(scrape.split("\\n"))
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.substring(0, line.lastIndexOf(' ')))
				.toList();
			Map<String, Long> counts = series.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(counts).allSatisfy((name, count) -> assertThat(count).as(name).isOne());
			assertThat(series).hasSizeGreaterThan(20);
			assertValidForPrometheus(scrape);
		}
	}

	private void assertValidForPrometheus(String scrape) throws IOException, InterruptedException {
		assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed at " + PROMTOOL);
		Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
		process.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		// Exit 3 is lint advice about naming conventions; 1 is a scrape Prometheus cannot
		// parse.
		assertThat(exit).as(report).isIn(0, 3);
		assertThat(report).doesNotContainIgnoringCase("error while linting");
	}

}
