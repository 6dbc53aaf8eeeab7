package io.porterbench.boot.aop;

import io.porterbench.BenchClock;
import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.boot.autoconfigure.PorterBenchProperties;
import org.aspectj.weaver.Advice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the
 * {@link BenchAspect}. The proxies themselves come from Spring Boot's {@code AopAutoConfiguration}.
 */
@AutoConfiguration(after = BenchDictAutoConfiguration.class)
@ConditionalOnClass(Advice.class)
@ConditionalOnBooleanProperty(name = "porterbench.enabled", matchIfMissing = true)
@ConditionalOnBean(BenchDict.class)
@EnableConfigurationProperties(PorterBenchProperties.class)
public final class BenchAspectAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BenchAspect benchAspect(BenchDict benchDict, ObjectProvider<BenchClock> clock, PorterBenchProperties properties) {
		return new BenchAspect(benchDict, clock.getIfUnique(BenchClock::system), properties.getDefaultBench());
	}

	@Bean
	@ConditionalOnMissingBean
	static BenchAnnotationValidator benchAnnotationValidator() {
		return new BenchAnnotationValidator();
	}

}
