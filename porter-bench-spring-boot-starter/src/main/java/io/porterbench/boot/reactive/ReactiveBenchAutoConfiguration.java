package io.porterbench.boot.reactive;

import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.boot.autoconfigure.PorterBenchProperties;
import reactor.core.publisher.Mono;

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
 * Auto-configuration} of the {@link ReactiveBenchAdvisor} when Reactor is on the
 * classpath.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class)
@ConditionalOnClass(Mono.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBean(BenchDict.class)
@EnableConfigurationProperties(PorterBenchProperties.class)
public final class ReactiveBenchAutoConfiguration {

	// Static, infrastructure and lazy, as the BenchAdvisor: advisors are created while
	// the bean post-processors are.
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ReactiveBenchAdvisor reactiveBenchAdvisor(ObjectProvider<BenchDict> benchDict,
			ObjectProvider<PorterBenchProperties> properties) {
		return new ReactiveBenchAdvisor(benchDict::getObject, () -> properties.getObject().getDefaultBench());
	}

}
