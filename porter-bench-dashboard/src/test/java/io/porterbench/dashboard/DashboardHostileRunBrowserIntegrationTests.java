package io.porterbench.dashboard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.porterbench.dashboard.cli.DashboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs whose names are markup, in headless Chromium under the dashboard's
 * Content-Security-Policy: the names show as text, no script runs, every chart is drawn,
 * and the browser reports no policy violation; and the policy is really enforced, so that
 * a script that did slip into the page would be refused and reported.
 */
class DashboardHostileRunBrowserIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final List<String> RUN_CHARTS = List.of("chart-times", "chart-bars-mean", "chart-bars-filtered",
			"chart-crono");

	/**
	 * Step topics the core library accepts: any text but control characters and the
	 * reserved names.
	 */
	private static final List<String> HOSTILE_STEPS = List.of("<img src=x onerror=window.pwned='img'>",
			"\"><script>window.pwned='script'</script>", "javascript:window.pwned='href'");

	/**
	 * A benchmarker name the core library refuses, but which a file written by another
	 * tool (the Python original, a hand-made copy) can carry in its file name: no
	 * {@code /}, so it stays one file name.
	 */
	private static final String HOSTILE_BENCH = "<img src=x onerror=window.pwned='bench'>";

	/** A foreign run folder's name, listed by the dashboard as it is. */
	private static final String HOSTILE_RUN = "\"><svg onload=window.pwned='run'>";

	private static final String PAGE_IS_INERT = """
			return {
				pwned: window.pwned === undefined ? null : String(window.pwned),
				injected: document.querySelectorAll('img, svg, iframe, object, embed').length,
				scripts: Array.from(document.scripts).map((s) => s.getAttribute('src'))
			};""";

	@TempDir
	static Path folder;

	private static ConfigurableApplicationContext context;

	private static String base;

	private static String coreRun;

	private Browser browser;

	@BeforeAll
	static void startDashboard() throws IOException {
		Path root = Files.createDirectories(folder.resolve("runs"));
		coreRun = CoreRuns
			.write(root, "pipeline", 30, HOSTILE_STEPS.get(0), 2, HOSTILE_STEPS.get(1), 3, HOSTILE_STEPS.get(2), 1)
			.getFileName()
			.toString();
		TestRuns.bench(HOSTILE_BENCH)
			.iterations(30,
					(i) -> new Object[] { HOSTILE_STEPS.get(0), 0.010 + 0.001 * (i % 3), HOSTILE_STEPS.get(1),
							0.020 + 0.002 * (i % 5), HOSTILE_STEPS.get(2), 0.005 })
			.memory(200_000_000L, 50_000_000L, 230_000_000L)
			.memory(210_000_000L, 60_000_000L, 0)
			.writeTo(root.resolve(HOSTILE_RUN));
		context = DashboardServer.start(root, 0, "/porterbench");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		base = "http://127.0.0.1:" + port + "/porterbench/";
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
	}

	private List<String> texts(String css) {
		return this.browser.findAll(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	private void assertInert() {
		@SuppressWarnings("unchecked")
		Map<String, Object> page = (Map<String, Object>) this.browser.script(PAGE_IS_INERT);
		assertThat(page.get("pwned")).as("a script from a name ran").isNull();
		assertThat(((Number) page.get("injected")).intValue()).as("elements made from a name").isZero();
		assertThat((List<?>) page.get("scripts")).as("the page's scripts")
			.hasSize(2)
			.allSatisfy((src) -> assertThat(src).isNotNull());
	}

	private void assertDrawn() {
		for (String canvas : RUN_CHARTS) {
			assertThat(this.browser.colouredPixels(canvas)).as("coloured pixels of %s", canvas).isGreaterThan(100);
		}
	}

	@Test
	void stepNamesWrittenByTheCoreLibraryShowAsTextAndRunNothing() {
		openRun(coreRun, "pipeline");
		assertDrawn();
		String table = this.browser.find(By.id("summary-table")).getText();
		assertThat(table).contains(HOSTILE_STEPS);
		assertThat(texts("#summary-table td:first-child")).containsAll(HOSTILE_STEPS);
		assertInert();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void aForeignRunWhoseFolderBenchmarkerAndStepNamesAreMarkupShowsThemAsTextAndRunsNothing() {
		openRun(HOSTILE_RUN, HOSTILE_BENCH);
		assertThat(this.browser.find(By.id("bench-title")).getText()).isEqualTo(HOSTILE_BENCH);
		assertThat(this.browser.find(By.id("bench-meta")).getText()).startsWith(HOSTILE_RUN + " · 30 iterations");
		assertThat(texts("#runs li")).contains(HOSTILE_RUN);
		assertThat(texts("#benches li[data-bench]")).containsExactly(HOSTILE_BENCH);
		assertThat(texts("#summary-table td:first-child")).containsAll(HOSTILE_STEPS);
		assertDrawn();
		assertThat(this.browser.colouredPixels("chart-memory")).isGreaterThan(100);
		assertInert();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void theComparisonOfRunsWithMarkupNamesShowsThemAsText() {
		this.browser.open(base + "#view=compare&baseline=" + enc(HOSTILE_RUN) + "&candidate=" + enc(HOSTILE_RUN)
				+ "&bench=" + enc(HOSTILE_BENCH) + "&threshold=10");
		this.browser.awaitReady("compare", WAIT);
		assertThat(texts("#compare-baseline option")).contains(HOSTILE_RUN);
		assertThat(texts("#compare-bench option")).contains(HOSTILE_BENCH);
		assertThat(texts("#delta-table td:first-child")).containsAll(HOSTILE_STEPS);
		for (String canvas : List.of("chart-compare-times", "chart-compare-mean", "chart-compare-filtered")) {
			assertThat(this.browser.colouredPixels(canvas)).as("coloured pixels of %s", canvas).isGreaterThan(100);
		}
		assertInert();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void theBrowserEnforcesThePolicyAndReportsAViolationInItsLog() {
		openRun(coreRun, "pipeline");
		assertThat(this.browser.consoleErrors()).isEmpty();
		this.browser.script("""
				const script = document.createElement('script');
				script.textContent = 'window.pwned = "inline"';
				document.head.appendChild(script);""");
		assertThat(this.browser.script("return window.pwned === undefined;")).isEqualTo(true);
		List<LogEntry> errors = this.browser.consoleErrors();
		assertThat(errors).anySatisfy((entry) -> assertThat(entry.getMessage()).containsIgnoringCase("inline script")
			.contains("Content Security Policy", "script-src 'self'"));
	}

}
