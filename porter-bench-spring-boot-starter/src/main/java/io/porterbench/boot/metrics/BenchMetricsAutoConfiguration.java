package io.porterbench.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.boot.autoconfigure.PorterBenchProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the
 * {@link BenchMetricsBinder}. Spring Boot binds every {@link MeterBinder} bean to the application's registry.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBean({ BenchDict.class, MeterRegistry.class })
@EnableConfigurationProperties(PorterBenchProperties.class)
public final class BenchMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BenchMetricsBinder benchMetricsBinder(BenchDict benchDict, PorterBenchProperties properties) {
		return new BenchMetricsBinder(benchDict, properties.getMetrics().getStepMeterType());
	}

}
