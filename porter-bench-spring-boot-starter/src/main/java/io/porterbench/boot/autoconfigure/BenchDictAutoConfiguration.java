package io.porterbench.boot.autoconfigure;

import io.porterbench.BenchClock;
import io.porterbench.BenchDict;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the porter-bench {@link BenchDict}, configured from
 * {@code porterbench.*} properties.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PorterBenchProperties.class)
public final class BenchDictAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BenchClock benchClock() {
		return BenchClock.system();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BenchDict benchDict(PorterBenchProperties properties, BenchClock clock) {
		BenchDict benchDict = BenchDict.builder()
			.root(properties.getRoot())
			.clock(clock)
			.retainedIterations(properties.getRetainedIterations())
			.legacyFolderNames(properties.isLegacyFolderNames())
			.jfrEvents(properties.getJfr().isEnabled())
			.build();
		benchDict.addListener(new BenchmarkerSettings(properties));
		return benchDict;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "porterbench.save-on-shutdown", matchIfMissing = true)
	static class SaveOnShutdownConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BenchDictShutdownSaver benchDictShutdownSaver(BenchDict benchDict) {
			return new BenchDictShutdownSaver(benchDict);
		}

	}

}
