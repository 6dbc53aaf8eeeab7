package io.porterbench.boot.autoconfigure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that {@code spring-boot-configuration-processor}
 * generates from {@link PorterBenchProperties}, merged with
 * {@code additional-spring-configuration-metadata.json}.
 */
class PorterBenchPropertiesMetadataTests {

	private final Map<String, JsonNode> properties = new HashMap<>();

	private final Map<String, JsonNode> hints = new HashMap<>();

	PorterBenchPropertiesMetadataTests() throws Exception {
		// Read this module's own file: every Spring Boot jar on the classpath has one of
		// the same name.
		Path classes = Path.of(PorterBenchProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		JsonNode metadata = JsonMapper.shared()
			.readTree(classes.resolve("META-INF/spring-configuration-metadata.json").toFile());
		metadata.get("properties")
			.forEach((property) -> this.properties.put(property.get("name").asString(), property));
		metadata.get("hints").forEach((hint) -> this.hints.put(hint.get("name").asString(), hint));
	}

	@Test
	void everyPropertyIsDescribed() {
		assertThat(this.properties).containsKeys("porterbench.enabled", "porterbench.root", "porterbench.save-on-gstop",
				"porterbench.save-on-shutdown", "porterbench.retained-iterations", "porterbench.default-bench",
				"porterbench.legacy-folder-names", "porterbench.memory.enabled", "porterbench.memory.per-step",
				"porterbench.memory.poll-interval", "porterbench.jfr.enabled");
		this.properties.forEach(
				(name, property) -> assertThat(property.path("description").asString()).as("description of %s", name)
					.isNotBlank()
					.endsWith("."));
	}

	@Test
	void defaultsAreDocumented() {
		assertThat(this.properties.get("porterbench.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(this.properties.get("porterbench.jfr.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(this.properties.get("porterbench.save-on-shutdown").get("defaultValue").asBoolean()).isTrue();
		assertThat(this.properties.get("porterbench.root").get("defaultValue").asString())
			.isEqualTo("TICTOC_PERFORMANCE");
		assertThat(this.properties.get("porterbench.retained-iterations").get("defaultValue").asInt())
			.isEqualTo(10_000);
		assertThat(this.properties.get("porterbench.default-bench").get("defaultValue").asString())
			.isEqualTo("default");
	}

	@Test
	void observationsAndServerTimingAreDescribedOptIns() {
		assertThat(this.properties).containsKeys("porterbench.observation.enabled",
				"porterbench.web.server-timing.enabled");
		assertThat(this.properties.get("porterbench.observation.enabled").get("defaultValue").asBoolean()).isFalse();
		assertThat(this.properties.get("porterbench.web.server-timing.enabled").get("defaultValue").asBoolean())
			.isFalse();
		assertThat(this.properties.get("porterbench.web.server-timing.enabled").get("description").asString())
			.contains("Server-Timing");
	}

	@Test
	void durationPropertyIsTyped() {
		assertThat(this.properties.get("porterbench.memory.poll-interval").get("type").asString())
			.isEqualTo("java.time.Duration");
	}

	@Test
	void hintsComeFromTheAdditionalMetadata() {
		assertThat(this.hints).containsKeys("porterbench.save-on-gstop", "porterbench.memory.poll-interval",
				"porterbench.default-bench");
		assertThat(this.hints.get("porterbench.memory.poll-interval").get("values").get(0).get("value").asString())
			.isEqualTo("50ms");
	}

	@Test
	void endpointAccessIsReadOnlyByDefault() {
		assertThat(this.properties.get("management.endpoint.porterbench.access").get("defaultValue").asString())
			.isEqualTo("read_only");
	}

}
