package io.porterbench.dashboard;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.porterbench.BenchDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DashboardAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DashboardAutoConfiguration.class, DashboardOffAutoConfiguration.class));

	private final WebApplicationContextRunner enabled = this.runner
		.withPropertyValues("porterbench.dashboard.enabled=true");

	@TempDir
	Path root;

	@Test
	void theDashboardIsOffByDefaultAndSaysHowToTurnItOn(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(RunCatalog.class)
				.doesNotHaveBean(DashboardHandler.class)
				.doesNotHaveBean("porterBenchDashboardRoutes");
			assertThat(output).containsOnlyOnce("porter-bench dashboard is on the classpath but off: set"
					+ " porterbench.dashboard.enabled=true to serve it, and secure its path");
		});
	}

	@Test
	void turnedOnTheDashboardServesItsRoutesOverTheDefaultRoot(CapturedOutput output) {
		this.enabled.run((context) -> {
			assertThat(context).hasSingleBean(RunCatalog.class);
			assertThat(context).hasSingleBean(DashboardHandler.class);
			assertThat(context).hasBean("porterBenchDashboardRoutes");
			assertThat(context.getBean(RunCatalog.class).root())
				.isEqualTo(Paths.get(BenchDict.DEFAULT_ROOT).toAbsolutePath().normalize());
			assertThat(context.getBean(DashboardProperties.class).normalizedPath()).isEqualTo("/porterbench");
		});
		assertThat(output).doesNotContain("porter-bench dashboard is on the classpath but off");
	}

	@Test
	void turnedOffOnPurposeTheDashboardIsQuiet(CapturedOutput output) {
		this.runner.withPropertyValues("porterbench.dashboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RunCatalog.class)
				.doesNotHaveBean("porterBenchDashboardRoutes"));
		assertThat(output).doesNotContain("porter-bench dashboard is on the classpath but off");
	}

	@Test
	void theDashboardNeedsAServletWebApplication(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DashboardAutoConfiguration.class, DashboardOffAutoConfiguration.class))
			.withPropertyValues("porterbench.dashboard.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(RunCatalog.class));
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DashboardAutoConfiguration.class, DashboardOffAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RunCatalog.class));
		assertThat(output).doesNotContain("porter-bench dashboard is on the classpath but off");
	}

	@Test
	void theRootPropertyWins() {
		this.enabled.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(BenchDictConfiguration.class)
			.run((context) -> assertThat(context.getBean(RunCatalog.class).root()).isEqualTo(this.root));
	}

	@Test
	void withoutTheRootPropertyTheApplicationsBenchDictRootIsUsedAndItsSummariesAreLive() {
		this.enabled.withBean(BenchDict.class, () -> new BenchDict(this.root)).run((context) -> {
			assertThat(context.getBean(RunCatalog.class).root()).isEqualTo(this.root);
			assertThat(context.getBean(LiveSummaries.class).isAvailable()).isTrue();
		});
	}

	@Test
	void withoutABenchDictThereIsNothingLive() {
		this.enabled.run((context) -> {
			assertThat(context.getBean(LiveSummaries.class).isAvailable()).isFalse();
			assertThat(context.getBean(LiveSummaries.class).take().available()).isFalse();
		});
	}

	@Test
	void thePathIsNormalized() {
		this.enabled.withPropertyValues("porterbench.dashboard.path=tools/bench/")
			.run((context) -> assertThat(context.getBean(DashboardProperties.class).normalizedPath())
				.isEqualTo("/tools/bench"));
	}

	@Test
	void aPathThatIsNotPlainIsRejected() {
		this.enabled.withPropertyValues("porterbench.dashboard.path=/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("porterbench.dashboard.path must be a plain path"));
	}

	@Test
	void aUserCatalogReplacesTheDefault() {
		this.enabled.withBean(RunCatalog.class, () -> new RunCatalog(this.root))
			.run((context) -> assertThat(context.getBean(RunCatalog.class).root()).isEqualTo(this.root));
	}

	@Configuration(proxyBeanMethods = false)
	static class BenchDictConfiguration {

		@Bean
		BenchDict benchDict() {
			return new BenchDict(Paths.get("elsewhere"));
		}

	}

}
