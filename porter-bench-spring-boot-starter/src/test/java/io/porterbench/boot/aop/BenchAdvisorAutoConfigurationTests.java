package io.porterbench.boot.aop;

import java.nio.file.Path;

import io.porterbench.BenchDict;
import io.porterbench.MockBenchClock;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.aspectj.annotation.AnnotationAwareAspectJAutoProxyCreator;
import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchAdvisorAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchAdvisorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(AopAutoConfiguration.class, BenchDictAutoConfiguration.class, BenchAdvisorAutoConfiguration.class));

	@TempDir
	Path root;

	@Test
	void runRegistersTheAdvisorAndTheValidatorAndProxiesAnnotatedBeans() {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(BenchAdvisor.class).hasSingleBean(BenchAnnotationValidator.class);
				assertThat(context.getBean(BenchAdvisor.class).getOrder()).isEqualTo(BenchAdvisor.DEFAULT_ORDER);
				PricingService pricing = context.getBean(PricingService.class);
				assertThat(AopUtils.isAopProxy(pricing)).isTrue();
				assertThat(pricing.price(4)).isEqualTo(8);
				BenchDict benchDict = context.getBean(BenchDict.class);
				assertThat(benchDict.get("default").summary().step("price").count()).isOne();
			});
	}

	@Test
	void theInterceptorIsNotCreatedByAStartupWithoutAnnotatedBeans() {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(PlainConfiguration.class)
			.run((context) -> {
				assertThat(AopUtils.isAopProxy(context.getBean(PlainService.class))).isFalse();
				assertThat(context.getBean(BenchAdvisor.class).isInterceptorCreated()).isFalse();
			});
	}

	@Test
	void anAnnotatedBeanGetsTheInterceptorWhichIsCreatedOnceAndTimesIt() {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(PricingService.class).price(2)).isEqualTo(4);
				assertThat(context.getBean(BenchDict.class).get("default").summary().step("price").count()).isOne();
				BenchAdvisor advisor = context.getBean(BenchAdvisor.class);
				assertThat(advisor.isInterceptorCreated()).isTrue();
				assertThat(advisor.getAdvice()).isSameAs(advisor.getAdvice()).isInstanceOf(BenchInterceptor.class);
			});
	}

	@Test
	void advisorIsAnInfrastructureBean() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			String[] names = context.getBeanNamesForType(BenchAdvisor.class);
			assertThat(names).hasSize(1);
			assertThat(context.getBeanFactory().getBeanDefinition(names[0]).getRole())
				.isEqualTo(BeanDefinition.ROLE_INFRASTRUCTURE);
		});
	}

	@Test
	void interfaceBasedProxiesAreTimedToo() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "spring.aop.proxy-target-class=false")
			.withUserConfiguration(QuotingConfiguration.class)
			.run((context) -> {
				Quoting quoting = context.getBean(Quoting.class);
				assertThat(AopUtils.isJdkDynamicProxy(quoting)).isTrue();
				assertThat(quoting.quote(2)).isEqualTo(3);
				assertThat(context.getBean(BenchDict.class).get("default").summary().step("quote").count()).isOne();
			});
	}

	@Test
	void runCreatesNoBeanTooEarlyForThePostProcessors(CapturedOutput output) {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PricingService.class).price(1)).isEqualTo(2);
			});
		assertThat(output).doesNotContain("not eligible for getting processed by all BeanPostProcessors");
	}

	@Test
	void defaultBenchPropertyNamesTheBenchmarkerOfStepsOutsideIterations() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.default-bench=background-70")
			.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> {
				context.getBean(PricingService.class).price(1);
				BenchDict benchDict = context.getBean(BenchDict.class);
				assertThat(benchDict.names()).containsExactly("background-70");
				assertThat(benchDict.get("background-70").iterationCount()).isOne();
			});
	}

	@Test
	void advisorTimesWithTheClockBean() {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(ServiceConfiguration.class, ClockConfiguration.class)
			.run((context) -> {
				context.getBean(SlowService.class).work();
				assertThat(context.getBean(BenchDict.class).get("default").summary().step("work").mean())
					.isEqualTo(0.300);
			});
	}

	@Test
	void runWithUserAdvisorBacksOff() {
		this.runner.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(UserAdvisorConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(BenchAdvisor.class);
				assertThat(context.getBean(BenchAdvisor.class).getOrder()).isEqualTo(7);
			});
	}

	@Test
	void runWhenDisabledDoesNotInstrument() {
		this.runner.withPropertyValues("porterbench.enabled=false")
			.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BenchAdvisor.class)
					.doesNotHaveBean(BenchAnnotationValidator.class)
					.doesNotHaveBean(BenchDict.class);
				assertThat(AopUtils.isAopProxy(context.getBean(PricingService.class))).isFalse();
			});
	}

	@Test
	void runWithTheInfrastructureAutoProxyCreatorProxiesAndTimesAnnotatedBeans() {
		// without AspectJ, Spring Boot's AopAutoConfiguration registers this creator
		// (class proxying) instead of the
		// AspectJ one; it applies infrastructure advisors only, which BenchAdvisor is
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BenchDictAutoConfiguration.class, BenchAdvisorAutoConfiguration.class))
			.withPropertyValues("porterbench.root=" + this.root)
			.withUserConfiguration(InfrastructureProxyingConfiguration.class, ServiceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(BenchAdvisor.class)
					.doesNotHaveBean(AnnotationAwareAspectJAutoProxyCreator.class);
				PricingService pricing = context.getBean(PricingService.class);
				assertThat(AopUtils.isCglibProxy(pricing)).isTrue();
				assertThat(pricing.price(4)).isEqualTo(8);
				assertThat(context.getBean(BenchDict.class).get("default").summary().step("price").count()).isOne();
			});
	}

	@Test
	void runWithoutBenchDictDoesNotRegisterTheAdvisor() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BenchAdvisorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BenchAdvisor.class));
	}

	@Test
	void reservedTopicFailsStartupNamingTheMethod() {
		this.runner.withUserConfiguration(ReservedTopicConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("ReservedTopicService.work")
				.hasMessageContaining("reserved")
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class);
		});
	}

	@Test
	void benchNameWithASlashFailsStartupNamingTheMethod() {
		this.runner.withUserConfiguration(SlashedBenchConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("SlashedBenchService.place")
				.hasMessageContaining("@BenchIteration")
				.hasMessageContaining("'/'");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class InfrastructureProxyingConfiguration {

		@Bean
		static InfrastructureAdvisorAutoProxyCreator infrastructureAdvisorAutoProxyCreator() {
			InfrastructureAdvisorAutoProxyCreator creator = new InfrastructureAdvisorAutoProxyCreator();
			creator.setProxyTargetClass(true);
			return creator;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		PricingService pricingService() {
			return new PricingService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainConfiguration {

		@Bean
		PlainService plainService() {
			return new PlainService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QuotingConfiguration {

		@Bean
		Quoting quoting() {
			return new AnnotatedQuoting();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		MockBenchClock benchClock() {
			return new MockBenchClock();
		}

		@Bean
		SlowService slowService(MockBenchClock clock) {
			return new SlowService(clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAdvisorConfiguration {

		@Bean
		BenchAdvisor userAdvisor(BenchDict benchDict) {
			BenchAdvisor advisor = new BenchAdvisor(benchDict, "mine");
			advisor.setOrder(7);
			return advisor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReservedTopicConfiguration {

		@Bean
		ReservedTopicService reservedTopicService() {
			return new ReservedTopicService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlashedBenchConfiguration {

		@Bean
		SlashedBenchService slashedBenchService() {
			return new SlashedBenchService();
		}

	}

	static class PricingService {

		@BenchStep("price")
		public int price(int quantity) {
			return quantity * 2;
		}

	}

	static class PlainService {

		public int price(int quantity) {
			return quantity * 2;
		}

	}

	interface Quoting {

		int quote(int quantity);

	}

	static class AnnotatedQuoting implements Quoting {

		@Override
		@BenchStep
		public int quote(int quantity) {
			return quantity + 1;
		}

	}

	static class SlowService {

		private final MockBenchClock clock;

		SlowService(MockBenchClock clock) {
			this.clock = clock;
		}

		@BenchStep
		public void work() {
			this.clock.addNanos(300_000_000L);
		}

	}

	static class ReservedTopicService {

		@BenchStep("GLOBAL")
		public void work() {
		}

	}

	static class SlashedBenchService {

		@BenchIteration("orders/today")
		public void place() {
		}

	}

}
