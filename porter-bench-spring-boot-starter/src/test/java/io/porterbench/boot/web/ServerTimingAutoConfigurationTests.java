package io.porterbench.boot.web;

import java.nio.file.Path;

import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerTimingAutoConfiguration}.
 */
class ServerTimingAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(BenchDictAutoConfiguration.class,
			ServerTimingAutoConfiguration.class);

	@TempDir
	Path root;

	@Test
	void theHeaderIsOffByDefault() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("porterbench.root=" + this.root)
			.run((context) -> assertThat(context).doesNotHaveBean(ServerTimingFilter.class));
	}

	@Test
	void thePropertyTurnsTheFilterOnInServletApplications() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("porterbench.root=" + this.root, "porterbench.web.server-timing.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ServerTimingFilter.class));
	}

	@Test
	void applicationsThatAreNotServletApplicationsGetNoFilter() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("porterbench.root=" + this.root, "porterbench.web.server-timing.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerTimingFilter.class));
	}

}
