package io.porterbench.boot.aop;

import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.boot.autoconfigure.PorterBenchProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link BenchAdvisor}. The proxies themselves come from
 * Spring Boot's {@code AopAutoConfiguration}: its AspectJ auto-proxy creator when AspectJ
 * is on the classpath, else its infrastructure auto-proxy creator, which applies
 * infrastructure advisors such as this one. AspectJ is not needed.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBean(BenchDict.class)
@EnableConfigurationProperties(PorterBenchProperties.class)
public final class BenchAdvisorAutoConfiguration {

	// Static, infrastructure, and with its beans looked up lazily: auto-proxy creation
	// instantiates advisors while the
	// bean post-processors are still being created, and none of this should be created
	// that early.
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BenchAdvisor benchAdvisor(ObjectProvider<BenchDict> benchDict,
			ObjectProvider<PorterBenchProperties> properties) {
		return new BenchAdvisor(benchDict::getObject, () -> properties.getObject().getDefaultBench());
	}

	@Bean
	@ConditionalOnMissingBean
	static BenchAnnotationValidator benchAnnotationValidator() {
		return new BenchAnnotationValidator();
	}

}
