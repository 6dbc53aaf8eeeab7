package io.porterbench.boot.actuate;

import java.nio.file.Path;

import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.ConfigurableConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PorterBenchEndpointAutoConfiguration}.
 */
class PorterBenchEndpointAutoConfigurationTests {

	// The application's conversion service reads 'none' as Access.NONE, as
	// SpringApplication does.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.setConversionService((ConfigurableConversionService) ApplicationConversionService.getSharedInstance()))
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, BenchDictAutoConfiguration.class,
				PorterBenchEndpointAutoConfiguration.class));

	@TempDir
	Path root;

	@Test
	void runWhenExposedHasEndpointAndWebExtension() {
		this.runner
			.withPropertyValues("porterbench.root=" + this.root,
					"management.endpoints.web.exposure.include=porterbench")
			.run((context) -> assertThat(context).hasSingleBean(PorterBenchEndpoint.class)
				.hasSingleBean(PorterBenchEndpointWebExtension.class));
	}

	@Test
	void runWhenNotExposedHasNoEndpoint() {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.run((context) -> assertThat(context).hasSingleBean(BenchDict.class)
				.doesNotHaveBean(PorterBenchEndpoint.class)
				.doesNotHaveBean(PorterBenchEndpointWebExtension.class));
	}

	@Test
	void runWhenAccessIsNoneHasNoEndpoint() {
		this.runner.withPropertyValues("porterbench.root=" + this.root,
				"management.endpoints.web.exposure.include=porterbench", "management.endpoint.porterbench.access=none")
			.run((context) -> assertThat(context).doesNotHaveBean(PorterBenchEndpoint.class));
	}

	@Test
	void runWhenDisabledHasNoEndpoint() {
		this.runner
			.withPropertyValues("porterbench.enabled=false", "management.endpoints.web.exposure.include=porterbench")
			.run((context) -> assertThat(context).doesNotHaveBean(BenchDict.class)
				.doesNotHaveBean(PorterBenchEndpoint.class));
	}

	@Test
	void runWithoutActuatorHasNoEndpoint() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BenchDictAutoConfiguration.class, PorterBenchEndpointAutoConfiguration.class))
			.withPropertyValues("porterbench.root=" + this.root,
					"management.endpoints.web.exposure.include=porterbench")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(BenchDict.class)
				.doesNotHaveBean(PorterBenchEndpoint.class));
	}

	@Test
	void runWithUserEndpointBacksOff() {
		this.runner
			.withPropertyValues("porterbench.root=" + this.root,
					"management.endpoints.web.exposure.include=porterbench")
			.withUserConfiguration(UserEndpointConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PorterBenchEndpoint.class);
				assertThat(context.getBean(PorterBenchEndpoint.class)).isSameAs(context.getBean("userEndpoint"));
				assertThat(context).hasSingleBean(PorterBenchEndpointWebExtension.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		PorterBenchEndpoint userEndpoint(BenchDict benchDict) {
			return new PorterBenchEndpoint(benchDict);
		}

	}

}
