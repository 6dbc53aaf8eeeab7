package io.porterbench.dashboard;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's documents keep their shape in an application whose own Jackson settings would
 * change it: the page reads them by their names.
 */
class DashboardAnswersShapeTests {

	@TempDir
	Path root;

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void anApplicationsSnakeCaseAndNonNullSettingsLeaveTheApiAnswersAsTheyAre() {
		String run = CoreRuns.write(this.root, "pipeline", 5, "load", 1).getFileName().toString();
		SpringApplication application = new SpringApplication(JacksonApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1", "porterbench.root",
				this.root.toString(), "spring.main.banner-mode", "off", "porterbench.dashboard.enabled", "true",
				"spring.jackson.property-naming-strategy", "SNAKE_CASE", "spring.jackson.default-property-inclusion",
				"non_null"));
		this.context = application.run();
		// the application's own mapper does follow its settings
		JsonMapper applicationMapper = this.context.getBean(JsonMapper.class);
		assertThat(applicationMapper.writeValueAsString(new Sample(1, null))).isEqualTo("{\"open_iterations\":1}");
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		RawHttp.Response response = RawHttp.get(port, "/porterbench/api/runs/" + run + "/benches/pipeline");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.head()).containsIgnoringCase("Content-Type: application/json");
		JsonNode bench = JsonMapper.builder().build().readTree(response.body());
		assertThat(bench.has("openIterations")).as(response.body()).isTrue();
		assertThat(bench.has("open_iterations")).isFalse();
		// a run without JFR figures says so with null, which the page tests for
		assertThat(bench.has("gcPauses")).isTrue();
		assertThat(bench.get("gcPauses").isNull()).isTrue();
		RawHttp.Response missing = RawHttp.get(port, "/porterbench/api/runs/none/benches/pipeline");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(JsonMapper.builder().build().readTree(missing.body()).get("error").asString()).contains("none");
	}

	record Sample(int openIterations, String absent) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class JacksonApplication {

	}

}
