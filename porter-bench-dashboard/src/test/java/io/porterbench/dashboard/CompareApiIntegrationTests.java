package io.porterbench.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.porterbench.dashboard.cli.DashboardServer;
import io.porterbench.dashboard.compare.CompareOptions;
import io.porterbench.dashboard.compare.Comparison;
import io.porterbench.dashboard.compare.ReportFormat;
import io.porterbench.dashboard.compare.SavedRunComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard's compare API gives the verdicts of {@code diff}, from the same code: the
 * same document for the same runs, up to how the runs are named.
 */
class CompareApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path folder;

	private static ConfigurableApplicationContext context;

	private static int port;

	private static Path root;

	private static Path baseline;

	private static Path slower;

	@BeforeAll
	static void startDashboard() throws IOException {
		root = Files.createDirectories(folder.resolve("runs"));
		baseline = CoreRuns.write(root, "pipeline", 50, "load", 10, "process", 20);
		slower = CoreRuns.write(root, "pipeline", 50, "load", 12, "process", 20);
		context = DashboardServer.start(root, 0, "/porterbench");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void aSlowerRunIsRegressedInTheApiExactlyAsDiffSaysIt() {
		String query = "/porterbench/api/compare?baseline=" + baseline.getFileName() + "&candidate="
				+ slower.getFileName() + "&bench=pipeline&threshold=0.1&alpha=0.05";
		JsonNode verdicts = get(query).get("verdicts");
		assertThat(verdicts.get("threshold").asDouble()).isEqualTo(0.1);
		assertThat(verdicts.get("regressions").asInt()).isEqualTo(1);
		JsonNode load = verdicts.get("benchmarkers").get(0).get("steps").get(0);
		assertThat(load.get("verdict").asString()).isEqualTo("regressed");
		assertThat(load.get("change").asDouble()).isCloseTo(0.2, within(1e-9));
		Comparison cli = SavedRunComparison.compare(SavedRunComparison.select(baseline, 1, slower), java.util.List.of(),
				new CompareOptions(0.05, 0.1, 5));
		JsonNode expected = JSON.valueToTree(ReportFormat.toJson(cli));
		assertThat(verdicts.get("benchmarkers")).isEqualTo(expected.get("benchmarkers"));
	}

	@Test
	void aBareThresholdOfTenIsRefusedWithAReason() {
		RawHttp.Response bare = RawHttp.get(port, "/porterbench/api/compare?baseline=" + baseline.getFileName()
				+ "&candidate=" + slower.getFileName() + "&bench=pipeline&threshold=10");
		assertThat(bare.status()).isEqualTo(400);
		assertThat(bare.body()).contains("write 10% for a percentage");
		assertThat(RawHttp
			.get(port,
					"/porterbench/api/compare?baseline=" + baseline.getFileName() + "&candidate=" + slower.getFileName()
							+ "&bench=pipeline&minIterations=none")
			.body()).contains("min-iterations must be a whole number");
	}

	private static JsonNode get(String target) {
		RawHttp.Response response = RawHttp.get(port, target);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
