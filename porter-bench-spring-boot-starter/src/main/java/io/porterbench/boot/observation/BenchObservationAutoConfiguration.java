package io.porterbench.boot.observation;

import io.micrometer.observation.ObservationRegistry;
import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.boot.autoconfigure.PorterBenchProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@link BenchObservationAdvisor}, with
 * {@code porterbench.observation.enabled=true} and Micrometer's Observation API on the
 * classpath. Without an {@link ObservationRegistry} bean the advice is a plain call.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class)
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("porterbench.observation.enabled")
@ConditionalOnBean(BenchDict.class)
@EnableConfigurationProperties(PorterBenchProperties.class)
public final class BenchObservationAutoConfiguration {

	// Static, infrastructure and lazy, as the BenchAdvisor: advisors are created while
	// the bean post-processors are.
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BenchObservationAdvisor benchObservationAdvisor(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<BenchDict> benchDict, ObjectProvider<PorterBenchProperties> properties) {
		return new BenchObservationAdvisor(() -> registry.getIfAvailable(() -> ObservationRegistry.NOOP),
				benchDict::getObject, () -> properties.getObject().getDefaultBench());
	}

}
