package io.porterbench.boot.actuate;

import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link PorterBenchEndpoint}.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBean(BenchDict.class)
@ConditionalOnAvailableEndpoint(PorterBenchEndpoint.class)
public final class PorterBenchEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PorterBenchEndpoint porterBenchEndpoint(BenchDict benchDict) {
		return new PorterBenchEndpoint(benchDict);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PorterBenchEndpoint.class)
	PorterBenchEndpointWebExtension porterBenchEndpointWebExtension(PorterBenchEndpoint endpoint) {
		return new PorterBenchEndpointWebExtension(endpoint);
	}

}
