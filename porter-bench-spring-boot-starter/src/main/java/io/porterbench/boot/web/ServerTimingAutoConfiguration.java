package io.porterbench.boot.web;

import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@link ServerTimingFilter} in servlet web applications, with
 * {@code porterbench.web.server-timing.enabled=true}.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("porterbench.web.server-timing.enabled")
@ConditionalOnBean(BenchDict.class)
public final class ServerTimingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServerTimingFilter porterBenchServerTimingFilter(BenchDict benchDict) {
		return new ServerTimingFilter(benchDict);
	}

}
