package io.porterbench.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.boot.autoconfigure.PorterBenchProperties;
import io.porterbench.boot.autoconfigure.StepMeterType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link BenchMetricsBinder}. Spring Boot binds every
 * {@link MeterBinder} bean to the application's registry.
 *
 * <p>
 * Steps are published as {@link StepMeterType#FUNCTION_TIMER}s unless
 * {@code porterbench.metrics.step-meter-type} says otherwise or
 * {@code management.metrics.distribution.*} asks for a distribution of
 * {@code porterbench.step} (see {@link StepDistributionSettings}), which only a
 * {@link StepMeterType#TIMER} publishes.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBean({ BenchDict.class, MeterRegistry.class })
@EnableConfigurationProperties(PorterBenchProperties.class)
public final class BenchMetricsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BenchMetricsAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	BenchMetricsBinder benchMetricsBinder(BenchDict benchDict, PorterBenchProperties properties,
			Environment environment) {
		return new BenchMetricsBinder(benchDict,
				stepMeterType(properties.getMetrics().getStepMeterType(), environment));
	}

	/**
	 * The configured kind of step meter; unset, a {@code Timer} only where the
	 * application asked Micrometer for a distribution of the steps, which a
	 * {@code FunctionTimer} would silently drop.
	 */
	static StepMeterType stepMeterType(@Nullable StepMeterType configured, Environment environment) {
		String distribution = StepDistributionSettings.requested(environment);
		if (configured == null) {
			return (distribution != null) ? StepMeterType.TIMER : StepMeterType.FUNCTION_TIMER;
		}
		if (configured == StepMeterType.FUNCTION_TIMER && distribution != null) {
			logger.warn("porterbench.metrics.step-meter-type=function-timer publishes porterbench.step without a "
					+ "distribution, so " + distribution + " has no effect on it; set it to 'timer' to publish one");
		}
		return configured;
	}

}
