package io.porterbench.boot.aop;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchAnnotatedTypes}, the class filter of the starter's pointcuts.
 */
class BenchAnnotatedTypesTests {

	@Test
	void aClassWithoutAnnotationsIsPassedOver() {
		assertThat(BenchAnnotatedTypes.isCandidate(Plain.class)).isFalse();
		assertThat(BenchAnnotatedTypes.isCandidate(PlainInterface.class)).isFalse();
		assertThat(BenchAnnotatedTypes.isCandidate(String.class)).isFalse();
		assertThat(BenchAnnotatedTypes.isCandidate(Object.class)).isFalse();
		assertThat(BenchAnnotatedTypes.isCandidate(DispatcherServlet.class)).isFalse();
	}

	@Test
	void aClassIsACandidateWhereverItsAnnotationsAre() {
		assertThat(BenchAnnotatedTypes.isCandidate(WithStep.class)).isTrue();
		assertThat(BenchAnnotatedTypes.isCandidate(WithPrivateIteration.class)).isTrue();
		assertThat(BenchAnnotatedTypes.isCandidate(TypeLevel.class)).isTrue();
		assertThat(BenchAnnotatedTypes.isCandidate(SubclassOfWithStep.class)).isTrue();
		assertThat(BenchAnnotatedTypes.isCandidate(ImplementsAnnotatedInterface.class)).isTrue();
		assertThat(BenchAnnotatedTypes.isCandidate(ImplementsSubInterface.class)).isTrue();
		assertThat(BenchAnnotatedTypes.isCandidate(ImplementsDefaultMethod.class)).isTrue();
		assertThat(BenchAnnotatedTypes.isCandidate(AnnotatedInterface.class)).isTrue();
	}

	@Test
	void aClassProxyOrAnInterfaceProxyOfAnAnnotatedBeanIsACandidate() {
		ProxyFactory classProxy = new ProxyFactory(new WithStep());
		classProxy.setProxyTargetClass(true);
		assertThat(BenchAnnotatedTypes.isCandidate(classProxy.getProxy().getClass())).isTrue();
		ProxyFactory interfaceProxy = new ProxyFactory(new ImplementsAnnotatedInterface());
		interfaceProxy.addInterface(AnnotatedInterface.class);
		assertThat(BenchAnnotatedTypes.isCandidate(interfaceProxy.getProxy().getClass())).isTrue();
	}

	@Test
	void anUnknownClassIsLeftToThePointcut() {
		assertThat(BenchAnnotatedTypes.isCandidate(null)).isTrue();
	}

	@Test
	void thePointcutsWithTheFilterSelectTheSameClassesAsTheirMethodMatchersAlone() {
		List<Class<?>> classes = List.of(Plain.class, PlainInterface.class, WithStep.class, WithPrivateIteration.class,
				TypeLevel.class, SubclassOfWithStep.class, ImplementsAnnotatedInterface.class,
				ImplementsSubInterface.class, ImplementsDefaultMethod.class, DispatcherServlet.class, ArrayList.class,
				BenchAdvisorTests.PricingService.class, BenchAdvisorTests.AnnotatedQuoting.class,
				BenchAdvisorTests.TypeLevelQuoting.class, BenchAdvisorTests.PlainImplementation.class);
		BenchPointcut filtered = BenchPointcut.calls();
		StaticMethodMatcherPointcut unfiltered = new StaticMethodMatcherPointcut() {

			@Override
			public boolean matches(Method method, @Nullable Class<?> targetClass) {
				return filtered.matches(method, targetClass);
			}

		};
		for (Class<?> type : classes) {
			assertThat(AopUtils.canApply(filtered, type)).as(type.getName())
				.isEqualTo(AopUtils.canApply(unfiltered, type));
		}
		assertThat(AopUtils.canApply(filtered, WithStep.class)).isTrue();
		assertThat(AopUtils.canApply(filtered, Plain.class)).isFalse();
	}

	static class Plain implements PlainInterface {

		@Override
		public String name() {
			return "plain";
		}

	}

	interface PlainInterface {

		String name();

	}

	static class WithStep {

		@BenchStep("load")
		public void load() {
		}

	}

	static class SubclassOfWithStep extends WithStep {

	}

	static class WithPrivateIteration {

		@BenchIteration("requests")
		private void handle() {
		}

	}

	@BenchStep
	static class TypeLevel {

		public void work() {
		}

	}

	interface AnnotatedInterface {

		@BenchStep
		void run();

	}

	interface SubInterface extends AnnotatedInterface {

	}

	static class ImplementsAnnotatedInterface implements AnnotatedInterface {

		@Override
		public void run() {
		}

	}

	static class ImplementsSubInterface implements SubInterface {

		@Override
		public void run() {
		}

	}

	interface WithDefaultMethod {

		@BenchIteration("jobs")
		default void job() {
		}

	}

	static class ImplementsDefaultMethod implements WithDefaultMethod {

	}

}
