package io.porterbench.dashboard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import io.porterbench.dashboard.cli.DashboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardBrowserIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Path SCREENSHOTS = Paths.get("target/dashboard-screenshots");

	private static final List<String> RUN_CHARTS = List.of("chart-times", "chart-bars-mean", "chart-bars-filtered",
			"chart-crono");

	@TempDir
	static Path folder;

	private static ConfigurableApplicationContext context;

	private static String base;

	private static int port;

	private static String baselineRun;

	private static String candidateRun;

	private static String brokenRun;

	private Browser browser;

	@BeforeAll
	static void startDashboard() throws IOException {
		Path root = Files.createDirectories(folder.resolve("runs"));
		Files.move(TestRuns.copyPythonRun(folder.resolve("python")), root.resolve(TestRuns.PYTHON_RUN));
		baselineRun = CoreRuns.write(root, "pipeline", 50, "load", 10, "process", 20).getFileName().toString();
		candidateRun = CoreRuns.write(root, "pipeline", 50, "load", 12, "process", 20).getFileName().toString();
		brokenRun = "2026-01-01_00-00-00";
		TestRuns good = TestRuns.bench("good")
			.iterations(40, (i) -> new Object[] { "read", 0.020 + 0.004 * Math.sin(i / 3.0), "parse",
					0.012 + 0.002 * Math.cos(i / 5.0), "write", (i % 13 == 7) ? 0.090 : 0.050 + 0.001 * (i % 4) });
		for (int i = 0; i < 12; i++) {
			good.memory(200_000_000L + i * 6_000_000L, 50_000_000L + (i % 4) * 9_000_000L,
					(i % 3 == 0) ? 230_000_000L + i * 6_000_000L : 0);
		}
		Path broken = good.writeTo(root.resolve(brokenRun));
		Files.writeString(broken.resolve("bad_STEP_DICT_DATA.json"), "[{\"absolutes\": {\"a\": 0.1");
		context = DashboardServer.start(root, 0, "/porterbench");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
		base = "http://localhost:" + port + "/porterbench/";
	}

	@AfterAll
	static void stopDashboard() {
		if (context != null) {
			context.close();
		}
	}

	@BeforeEach
	void startBrowser() {
		this.browser = Browser.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private void openRun(String run, String bench) {
		this.browser.open(base + "#view=run&run=" + enc(run) + "&bench=" + enc(bench));
		this.browser.awaitReady("run", WAIT);
		assertThat(this.browser.find(By.id("bench-title")).getText()).isEqualTo(bench);
	}

	private void assertDrawn(List<String> canvases) {
		for (String canvas : canvases) {
			assertThat(this.browser.colouredPixels(canvas)).as("coloured pixels of %s", canvas).isGreaterThan(100);
		}
	}

	@Test
	void thePythonReferenceRunDrawsEveryChartWithoutConsoleErrors() {
		openRun(TestRuns.PYTHON_RUN, "alloc");
		assertDrawn(RUN_CHARTS);
		assertDrawn(List.of("chart-memory"));
		assertThat(this.browser.findAll(By.cssSelector("#summary-table tr"))).hasSizeGreaterThan(3);
		assertThat(this.browser.find(By.id("summary-table")).getText()).contains("GLOBAL");
		this.browser.screenshot(SCREENSHOTS.resolve("python-alloc.png"));
		this.browser.find(By.cssSelector("#benches li[data-bench='etl']")).click();
		this.browser.awaitText(By.id("bench-title"), "etl", WAIT);
		this.browser.awaitReady("run", WAIT);
		assertDrawn(RUN_CHARTS);
		assertThat(this.browser.find(By.id("memory-empty")).isDisplayed()).isTrue();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void aRunWrittenByTheCoreLibraryDrawsEveryChartWithoutConsoleErrors() {
		openRun(baselineRun, "pipeline");
		assertDrawn(RUN_CHARTS);
		assertThat(this.browser.find(By.id("summary-table")).getText()).contains("load", "process", "GLOBAL");
		this.browser.screenshot(SCREENSHOTS.resolve("core-pipeline.png"));
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void aBrokenFileShowsAsAnErrorLineWhileTheRestRenders() {
		openRun(brokenRun, "good");
		assertDrawn(RUN_CHARTS);
		assertDrawn(List.of("chart-memory"));
		List<String> errors = this.browser.findAll(By.cssSelector("#benches .error"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(errors).anySatisfy((line) -> assertThat(line).startsWith("bad: bad_STEP_DICT_DATA.json"));
		this.browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void theComparisonViewShowsTheVerdictsOfTwoKnownRuns() {
		this.browser.open(base + "#view=compare&baseline=" + enc(baselineRun) + "&candidate=" + enc(candidateRun)
				+ "&bench=pipeline&threshold=10");
		this.browser.awaitReady("compare", WAIT);
		assertDrawn(List.of("chart-compare-times", "chart-compare-mean", "chart-compare-filtered"));
		List<WebElement> rows = this.browser.findAll(By.cssSelector("#delta-table tr"));
		List<String> texts = rows.stream().map(WebElement::getText).toList();
		// load: 10 ms -> 12 ms (+5% every fifth iteration on both sides); process
		// unchanged; GLOBAL 30.3 -> 32.32 ms.
		assertThat(texts).anySatisfy((row) -> assertThat(row).startsWith("load \u25b2 regressed")
			.contains("+20.0% [+20.0%, +20.0%]")
			.endsWith("50 50"));
		assertThat(texts).anySatisfy((row) -> assertThat(row).startsWith("process unchanged").contains("+0.0%"));
		assertThat(texts).anySatisfy((row) -> assertThat(row).startsWith("GLOBAL unchanged").contains("+6.7%"));
		assertThat(rows).filteredOn((row) -> row.getText().startsWith("load"))
			.singleElement()
			.satisfies((row) -> assertThat(row.getAttribute("class")).isEqualTo("regressed"));
		assertThat(this.browser.find(By.id("compare-summary")).getText())
			.isEqualTo("1 regressed, 0 improved of 4 steps.");
		this.browser.screenshot(SCREENSHOTS.resolve("compare.png"));
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void aHundredThousandIterationRunRenders() {
		long writing = System.nanoTime();
		String big = CoreRuns
			.write(folder.resolve("runs"), "big", 100_000, "load", 1, "parse", 2, "compute", 3, "save", 1, "notify",
					0.5)
			.getFileName()
			.toString();
		long written = System.nanoTime();
		String api = "/porterbench/api/runs/" + big + "/benches/big";
		JvmActivity.Counter counter = JvmActivity.start();
		RawHttp.Response first = RawHttp.get(port, api);
		long firstApi = System.nanoTime();
		JvmActivity firstActivity = counter.stop();
		RawHttp.Response second = RawHttp.get(port, api);
		long secondApi = System.nanoTime();
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(firstActivity.allocatedBytes()).isPositive();
		this.browser.open(base + "#view=run&run=" + enc(big) + "&bench=big");
		this.browser.awaitReady("run", WAIT);
		long rendered = System.nanoTime();
		assertDrawn(RUN_CHARTS);
		long points = ((Number) this.browser.script("return porterBench.charts['chart-times'].data.datasets"
				+ ".reduce((n, d) => Math.max(n, d.data.length), 0);"))
			.longValue();
		assertThat(points).isBetween(3L, 2000L);
		Object renderMs = this.browser.script("return porterBench.lastRenderMs;");
		System.out.printf(
				"100,000-iteration run: written by the core library in %d ms; API first answer (reads the"
						+ " run) %d ms (%s), next answer %d ms, %d KB; page load until every chart is drawn %d ms"
						+ " (fetch and drawing %.0f ms)%n",
				ms(writing, written), ms(written, firstApi), firstActivity, ms(firstApi, secondApi),
				second.body().length() / 1024, ms(secondApi, rendered), ((Number) renderMs).doubleValue());
		this.browser.screenshot(SCREENSHOTS.resolve("hundred-thousand.png"));
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	private static long ms(long from, long to) {
		return (to - from) / 1_000_000;
	}

	@Test
	void chartsAndTablesCanBeDownloaded() {
		openRun(baselineRun, "pipeline");
		String png = (String) this.browser
			.script("return document.getElementById('chart-times').toDataURL('image/png');");
		assertThat(png).startsWith("data:image/png;base64,");
		assertThat(png.length()).isGreaterThan(5000);
		String csv = (String) this.browser.script("return porterBench.csv('summary-table');");
		assertThat(csv).startsWith("step,count,mean,min,max,q-filtered,std,p50,p90,p99").contains("\nload,50,");
		assertThat(this.browser.findAll(By.cssSelector("button.png"))).hasSizeGreaterThanOrEqualTo(5);
		assertThat(this.browser.findAll(By.cssSelector("button.csv"))).hasSizeGreaterThanOrEqualTo(2);
		this.browser.find(By.cssSelector("button.png[data-canvas='chart-times']")).click();
		this.browser.find(By.cssSelector("button.csv[data-table='summary-table']")).click();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

}
