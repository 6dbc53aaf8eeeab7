package io.porterbench.boot.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.boot.testapp.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code Server-Timing} header of a real server, read by a real headless Chromium
 * through the Performance API, which exposes it to scripts of the same origin.
 */
class ServerTimingBrowserIntegrationTests {

	private static final String SERVER_TIMING = """
			return performance.getEntriesByType('navigation')[0].serverTiming
				.map((entry) => ({ name: entry.name, duration: entry.duration }));""";

	@TempDir
	Path root;

	@Test
	@SuppressWarnings("unchecked")
	void chromiumSeesTheStepsAndDurationsPorterBenchRecorded() throws Exception {
		try (RunningApp app = RunningApp.start(this.root, new Class<?>[0],
				"porterbench.web.server-timing.enabled=true"); Browser browser = Browser.start()) {
			browser.open(app.uri("/checkout").toString());
			List<Map<String, Object>> entries = (List<Map<String, Object>>) browser.script(SERVER_TIMING);
			assertThat(entries).extracting((entry) -> entry.get("name"))
				.containsExactly("reserve", "charge_payment", "total");
			BenchSummary recorded = app.context().getBean(BenchDict.class).get("checkout").summary();
			assertThat(recorded.iterations()).isOne();
			assertDuration(entries.get(0), recorded.step("reserve").total());
			assertDuration(entries.get(1), recorded.step("charge payment").total());
			assertDuration(entries.get(2), recorded.step(BenchSummary.GLOBAL).total());
		}
	}

	@Test
	void theHeaderIsOffByDefault() throws Exception {
		try (RunningApp app = RunningApp.start(this.root, new Class<?>[0])) {
			HttpResponse<String> response = app.get("/checkout", "application/json");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue(ServerTimingFilter.HEADER)).isEmpty();
		}
	}

	@Test
	void stepsAfterTheResponseIsCommittedAreLeftOut() throws Exception {
		try (RunningApp app = RunningApp.start(this.root, new Class<?>[0],
				"porterbench.web.server-timing.enabled=true")) {
			HttpResponse<String> response = app.get("/streaming", "text/plain");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("reserved\ncharged\n");
			assertThat(response.headers().firstValue(ServerTimingFilter.HEADER))
				.hasValueSatisfying((header) -> assertThat(header).matches("reserve;dur=\\d+\\.\\d{3}"));
			BenchSummary recorded = app.context().getBean(BenchDict.class).get("streaming").summary();
			assertThat(recorded.step("charge payment").count()).isOne();
		}
	}

	private static void assertDuration(Map<String, Object> entry, double recordedSeconds) {
		double millis = ((Number) entry.get("duration")).doubleValue();
		// The header carries three decimals of a millisecond.
		assertThat(millis).as((String) entry.get("name")).isCloseTo(recordedSeconds * 1000, within(0.001));
	}

}
