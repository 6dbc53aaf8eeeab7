package io.porterbench.dashboard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.dashboard.cli.DashboardServer;
import io.porterbench.jfr.JfrImport;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run imported from a JFR recording in the browser: the page says how many of the
 * slowest iterations overlapped a GC pause, and says nothing of GC pauses for a run saved
 * by a benchmarker.
 */
class DashboardJfrBrowserIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	static Path folder;

	private static ConfigurableApplicationContext context;

	private static String base;

	private static String importedRun;

	private static String savedRun;

	@BeforeAll
	static void recordImportAndServe() throws IOException {
		Path root = Files.createDirectories(folder.resolve("runs"));
		BenchDict dict = BenchDict.builder().root(root).build();
		Benchmarker bench = dict.get("orders");
		Path recording = folder.resolve("orders.jfr");
		try (Recording jfr = new Recording()) {
			jfr.enable("porterbench.Step");
			jfr.enable("porterbench.Iteration");
			jfr.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
			jfr.start();
			for (int i = 0; i < 10; i++) {
				bench.gstep();
				sleep((i == 3) ? 40 : 4);
				if (i == 3) {
					System.gc();
				}
				bench.step("store");
			}
			bench.gstop();
			jfr.stop();
			jfr.dump(recording);
		}
		savedRun = dict.save().getFileName().toString();
		dict.close();
		importedRun = JfrImport.importRecording(recording, root).runFolder().getFileName().toString();
		context = DashboardServer.start(root, 0, "/porterbench");
		base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/porterbench/";
	}

	@AfterAll
	static void stopDashboard() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void anImportedRunShowsHowManyOfTheSlowestIterationsOverlappedAGcPause() {
		try (Browser browser = Browser.start()) {
			open(browser, importedRun);
			assertThat(browser.find(By.id("bench-gc")).isDisplayed()).isTrue();
			assertThat(browser.find(By.id("bench-gc")).getText())
				.matches("GC pauses: 1 of the 1 slowest iterations \\(10%\\) overlapped a GC pause; \\d+ of 10 in all");
			open(browser, savedRun);
			assertThat(browser.find(By.id("bench-gc")).isDisplayed()).isFalse();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private static void open(Browser browser, String run) {
		browser.open(base + "#view=run&run=" + URLEncoder.encode(run, StandardCharsets.UTF_8) + "&bench=orders");
		browser.awaitReady("run", WAIT);
		browser.awaitText(By.id("bench-title"), "orders", WAIT);
		// the meta line and the GC line are written together, once the run's data arrived
		browser.awaitText(By.id("bench-meta"), run, WAIT);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
