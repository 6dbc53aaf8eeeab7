package io.porterbench.dashboard;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardLiveBrowserIntegrationTests {

	@TempDir
	Path root;

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private int start(Class<?> applicationClass, String... args) {
		SpringApplication application = new SpringApplication(applicationClass);
		// The embedded dashboard is opt-in; these applications opt in, on the loopback
		// address only.
		application
			.setDefaultProperties(Map.of("porterbench.dashboard.enabled", "true", "server.address", "127.0.0.1"));
		this.context = application.run(args);
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Test
	void theLiveViewRefreshesTheApplicationsSummaries() {
		int port = start(EmbeddingApplication.class, "--server.port=0", "--porterbench.root=" + this.root,
				"--porterbench.dashboard.path=/tools/bench", "--spring.main.banner-mode=off");
		Benchmarker orders = this.context.getBean(BenchDict.class).get("orders");
		record(orders, 3);
		assertThat(RawHttp.get(port, "/tools/bench/api/live").body()).contains("\"available\":true")
			.contains("\"name\":\"orders\"");
		assertThat(RawHttp.get(port, "/porterbench/").status()).isEqualTo(404);
		try (Browser browser = Browser.start()) {
			browser.open("http://localhost:" + port + "/tools/bench/#view=live");
			browser.awaitReady("live", Duration.ofSeconds(30));
			assertThat(browser.find(By.id("live-benches")).getText()).contains("orders · 3 iterations");
			record(orders, 4);
			browser.awaitText(By.id("live-benches"), "orders · 7 iterations", Duration.ofSeconds(30));
			assertThat(browser.find(By.id("live-benches")).getText()).contains("validate", "GLOBAL");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void withoutABenchDictTheLiveViewSaysSo() {
		int port = start(PlainApplication.class, "--server.port=0", "--porterbench.root=" + this.root,
				"--spring.main.banner-mode=off");
		assertThat(RawHttp.get(port, "/porterbench/api/runs").body()).contains("\"live\":false");
		assertThat(RawHttp.get(port, "/porterbench/api/live").body()).contains("\"available\":false");
		try (Browser browser = Browser.start()) {
			browser.open("http://localhost:" + port + "/porterbench/#view=live");
			browser.awaitReady("live", Duration.ofSeconds(30));
			assertThat(browser.find(By.id("live-status")).getText()).contains("no BenchDict");
			assertThat(browser.find(By.id("tab-live")).isDisplayed()).isFalse();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private static void record(Benchmarker bench, int iterations) {
		for (int i = 0; i < iterations; i++) {
			bench.gstep();
			bench.step("validate");
			bench.step("store");
			bench.gstop();
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EmbeddingApplication {

		@Bean
		BenchDict benchDict() {
			return BenchDict.builder().root(Paths.get("target/live-runs")).build();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainApplication {

	}

}
