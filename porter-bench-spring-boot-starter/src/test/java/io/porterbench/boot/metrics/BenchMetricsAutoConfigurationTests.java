package io.porterbench.boot.metrics;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.boot.autoconfigure.StepMeterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link BenchMetricsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				BenchDictAutoConfiguration.class, BenchMetricsAutoConfiguration.class));

	@TempDir
	Path root;

	@Test
	void runBindsTheBenchmarkersToTheApplicationsRegistry() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			assertThat(context).hasSingleBean(BenchMetricsBinder.class);
			Benchmarker bench = context.getBean(BenchDict.class).get("orders");
			bench.gstep();
			bench.step("price");
			bench.gstop();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(BenchMetricNames.STEP)
				.tags("bench", "orders", "step", "price")
				.functionTimer()
				.count()).isOne();
			assertThat(registry.get(BenchMetricNames.ITERATION).tag("bench", "orders").timer().count()).isOne();
		});
	}

	@Test
	void runWithBootCommonTagsPublishesThemWithTheBenchmarkersOwnTagsOnly() {
		// the application and the instance are Spring Boot's tags
		// (management.metrics.tags.*); porter-bench adds
		// only bench and step, so that no tag of its own can clash with or duplicate them
		this.runner
			.withPropertyValues("porterbench.root=" + this.root, "porterbench.metrics.step-meter-type=timer",
					"management.metrics.tags.application=shop", "management.metrics.tags.instance=shop-1")
			.run((context) -> {
				MeterRegistry registry = recordTwoPriceSteps(context);
				assertThat(registry.get(BenchMetricNames.STEP).tag("step", "price").timer().getId().getTags())
					.extracting(Tag::getKey, Tag::getValue)
					.containsExactlyInAnyOrder(tuple("application", "shop"), tuple("instance", "shop-1"),
							tuple("bench", "orders"), tuple("step", "price"));
				assertThat(registry.get(BenchMetricNames.ITERATION).timer().getId().getTags()).extracting(Tag::getKey)
					.containsExactlyInAnyOrder("application", "instance", "bench");
				assertThat(registry.get(BenchMetricNames.ITERATION_ACTIVE).gauge().getId().getTags())
					.extracting(Tag::getKey)
					.containsExactlyInAnyOrder("application", "instance", "bench");
			});
	}

	@Test
	void runWithoutCommonTagsPublishesTheBenchmarkersOwnTagsOnly() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.metrics.step-meter-type=timer")
			.run((context) -> {
				MeterRegistry registry = recordTwoPriceSteps(context);
				assertThat(registry.get(BenchMetricNames.STEP).tag("step", "price").timer().getId().getTags())
					.extracting(Tag::getKey)
					.containsExactlyInAnyOrder("bench", "step");
				assertThat(registry.get(BenchMetricNames.ITERATION).timer().getId().getTags()).extracting(Tag::getKey)
					.containsExactly("bench");
			});
	}

	@Test
	void runWithTimerStepsPublishesStepsAsTimersWithTheirMax() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.metrics.step-meter-type=timer")
			.run((context) -> {
				MeterRegistry registry = recordTwoPriceSteps(context);
				Timer price = registry.get(BenchMetricNames.STEP).tags("bench", "orders", "step", "price").timer();
				assertThat(price.count()).isEqualTo(2);
				assertThat(price.max(TimeUnit.NANOSECONDS)).isPositive();
				assertThat(registry.find(BenchMetricNames.STEP).functionTimer()).isNull();
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "management.metrics.distribution.percentiles-histogram.porterbench.step=true",
			"management.metrics.distribution.percentiles-histogram.porterbench=true",
			"management.metrics.distribution.percentiles-histogram.all=true",
			"management.metrics.distribution.percentiles.porterbench.step=0.5,0.99",
			"management.metrics.distribution.slo.porterbench.step=10ms,100ms" })
	void runWithADistributionOfTheStepsRequestedPublishesThemAsTimers(String distribution) {
		this.runner.withPropertyValues("porterbench.root=" + this.root, distribution).run((context) -> {
			MeterRegistry registry = recordTwoPriceSteps(context);
			assertThat(registry.get(BenchMetricNames.STEP).tag("step", "price").timer().count()).isEqualTo(2);
			assertThat(registry.find(BenchMetricNames.STEP).functionTimer()).isNull();
		});
	}

	@Test
	void runWithTheMostSpecificDistributionSettingOffPublishesFunctionTimers() {
		this.runner
			.withPropertyValues("porterbench.root=" + this.root,
					"management.metrics.distribution.percentiles-histogram.all=true",
					"management.metrics.distribution.percentiles-histogram.porterbench.step=false",
					"management.metrics.distribution.percentiles.porterbench.iteration=0.99")
			.run((context) -> {
				MeterRegistry registry = recordTwoPriceSteps(context);
				assertThat(registry.get(BenchMetricNames.STEP).tag("step", "price").functionTimer().count())
					.isEqualTo(2);
			});
	}

	@Test
	void runWithFunctionTimersAndADistributionRequestedWarnsThatItHasNoEffect(CapturedOutput output) {
		this.runner
			.withPropertyValues("porterbench.root=" + this.root, "porterbench.metrics.step-meter-type=function-timer",
					"management.metrics.distribution.percentiles-histogram.porterbench.step=true")
			.run((context) -> {
				MeterRegistry registry = recordTwoPriceSteps(context);
				assertThat(registry.get(BenchMetricNames.STEP).tag("step", "price").functionTimer().count())
					.isEqualTo(2);
				assertThat(output)
					.containsOnlyOnce(
							"management.metrics.distribution.percentiles-histogram." + "porterbench.step has no effect")
					.contains("WARN");
			});
	}

	@Test
	void runWithAnUnknownStepMeterTypeFailsNamingTheProperty() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.metrics.step-meter-type=histogram")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("histogram"));
	}

	private static MeterRegistry recordTwoPriceSteps(ApplicationContext context) {
		Benchmarker bench = context.getBean(BenchDict.class).get("orders");
		bench.gstep();
		bench.step("price");
		bench.step("price");
		bench.gstop();
		return context.getBean(MeterRegistry.class);
	}

	@Test
	void runWithUserBinderBacksOff() {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(UserBinderConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(BenchMetricsBinder.class);
				assertThat(context.getBean(BenchMetricsBinder.class)).isSameAs(context.getBean("userBinder"));
			});
	}

	@Test
	void runWhenDisabledHasNoBinder() {
		this.runner.withPropertyValues("porterbench.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(BenchMetricsBinder.class));
	}

	@Test
	void runWithoutMicrometerHasNoBinder() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BenchDictAutoConfiguration.class, BenchMetricsAutoConfiguration.class))
			.withPropertyValues("porterbench.root=" + this.root)
			.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasSingleBean(BenchDict.class)
				.doesNotHaveBean(BenchMetricsBinder.class));
	}

	@Test
	void runWithoutAMeterRegistryHasNoBinder() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BenchDictAutoConfiguration.class, BenchMetricsAutoConfiguration.class))
			.withPropertyValues("porterbench.root=" + this.root)
			.run((context) -> assertThat(context).hasSingleBean(BenchDict.class)
				.doesNotHaveBean(BenchMetricsBinder.class));
	}

	@Test
	void runWithAUserRegistryAndNoMetricsAutoConfigurationBindsToIt() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BenchDictAutoConfiguration.class, BenchMetricsAutoConfiguration.class))
			.withPropertyValues("porterbench.root=" + this.root)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(BenchMetricsBinder.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBinderConfiguration {

		@Bean
		BenchMetricsBinder userBinder(BenchDict benchDict) {
			return new BenchMetricsBinder(benchDict);
		}

	}

}
