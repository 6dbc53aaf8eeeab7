package io.porterbench.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.porterbench.dashboard.cli.DashboardServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's defaults as a user meets them, over real HTTP: off in an application
 * until it opts in, and every answer of the page and its API, embedded or standalone,
 * carrying the headers that keep run data inert.
 */
@ExtendWith(OutputCaptureExtension.class)
class DashboardSafeDefaultsIntegrationTests {

	private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
			+ " connect-src 'self'; font-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none';"
			+ " form-action 'self'; frame-ancestors 'none'";

	private static final String NOTICE = "porter-bench dashboard is on the classpath but off: set"
			+ " porterbench.dashboard.enabled=true to serve it, and secure its path (for example with a Spring"
			+ " Security SecurityFilterChain) wherever others can reach this application, since it shows every saved"
			+ " run";

	@TempDir
	Path root;

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private int start(String... args) {
		SpringApplication application = new SpringApplication(PlainApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1", "porterbench.root",
				this.root.toString(), "spring.main.banner-mode", "off"));
		this.context = application.run(args);
		return port();
	}

	private int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Test
	void withThePropertyUnsetTheDashboardAnswers404AndOneInfoLineSaysHowToTurnItOnAndSecureIt(CapturedOutput output) {
		CoreRuns.write(this.root, "pipeline", 5, "load", 1);
		int port = start();
		for (String target : List.of("/porterbench", "/porterbench/", "/porterbench/index.html",
				"/porterbench/api/runs", "/porterbench/api/live", "/porterbench/assets/dashboard.js")) {
			assertThat(RawHttp.get(port, target).status()).as(target).isEqualTo(404);
		}
		assertThat(output).containsOnlyOnce(NOTICE);
		assertThat(Pattern.compile("\\bINFO\\b.*" + Pattern.quote(NOTICE)).matcher(output.getOut()).find()).isTrue();
	}

	@Test
	void turnedOffOnPurposeItAnswers404WithoutTheNotice(CapturedOutput output) {
		int port = start("--porterbench.dashboard.enabled=false");
		assertThat(RawHttp.get(port, "/porterbench/").status()).isEqualTo(404);
		assertThat(RawHttp.get(port, "/porterbench/api/runs").status()).isEqualTo(404);
		assertThat(output).doesNotContain(NOTICE);
	}

	@Test
	void turnedOnInAnApplicationThePageTheApiAndTheAssetsCarryTheSecurityHeaders(CapturedOutput output) {
		String run = CoreRuns.write(this.root, "pipeline", 5, "load", 1).getFileName().toString();
		int port = start("--porterbench.dashboard.enabled=true");
		assertEverythingCarriesTheHeaders(port, run);
		assertThat(output).doesNotContain(NOTICE);
	}

	@Test
	void theStandaloneServerCarriesTheSameHeaders() {
		String run = CoreRuns.write(this.root, "pipeline", 5, "load", 1).getFileName().toString();
		this.context = DashboardServer.start(this.root, 0, "/porterbench");
		assertEverythingCarriesTheHeaders(port(), run);
	}

	@Test
	void thePageHasNoInlineScriptStyleOrEventHandler() {
		int port = start("--porterbench.dashboard.enabled=true");
		String html = RawHttp.get(port, "/porterbench/").body();
		assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).as("inline <script>")
			.isFalse();
		assertThat(html).doesNotContainIgnoringCase("<style")
			.doesNotContainIgnoringCase(" style=")
			.doesNotContainIgnoringCase("javascript:")
			.doesNotContain("data:");
		assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
			.as("inline event handler")
			.isFalse();
		assertThat(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find()).as("a resource elsewhere")
			.isFalse();
	}

	private static void assertEverythingCarriesTheHeaders(int port, String run) {
		String chartJs = "/porterbench/webjars/chart.js/" + DashboardPage.chartJsVersion() + "/dist/chart.umd.min.js";
		Map<String, Integer> targets = Map.of("/porterbench/", 200, "/porterbench/api/runs", 200,
				"/porterbench/api/runs/" + run, 200, "/porterbench/api/runs/" + run + "/benches/pipeline", 200,
				"/porterbench/api/live", 200, "/porterbench/api/runs/no-such-run", 404, "/porterbench/api/compare", 400,
				"/porterbench/assets/dashboard.js", 200, "/porterbench/assets/favicon.svg", 200, chartJs, 200);
		targets.forEach((target, status) -> {
			RawHttp.Response response = RawHttp.get(port, target);
			assertThat(response.status()).as(target).isEqualTo(status);
			assertThat(response.head()).as(target)
				.containsOnlyOnce("\r\nContent-Security-Policy: " + POLICY + "\r\n")
				.containsOnlyOnce("\r\nX-Content-Type-Options: nosniff\r\n")
				.containsOnlyOnce("\r\nReferrer-Policy: no-referrer\r\n");
		});
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainApplication {

	}

}
