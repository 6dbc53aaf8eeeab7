package io.porterbench.boot.aop;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchPointcut}: the three selections the advisors use.
 */
class BenchPointcutTests {

	@Test
	void callsSelectsTheAnnotatedMethodsThatReturnNoPublisher() throws Exception {
		BenchPointcut calls = BenchPointcut.calls();
		assertThat(calls.matches(method("load"), Pipeline.class)).isTrue();
		assertThat(calls.matches(method("run"), Pipeline.class)).isTrue();
		assertThat(calls.matches(method("later"), Pipeline.class)).isTrue();
		assertThat(calls.matches(method("fetch"), Pipeline.class)).isFalse();
		assertThat(calls.matches(method("stream"), Pipeline.class)).isFalse();
		assertThat(calls.matches(method("plain"), Pipeline.class)).isFalse();
	}

	@Test
	void publishersSelectsTheAnnotatedMethodsThatReturnAMonoOrAFlux() throws Exception {
		BenchPointcut publishers = BenchPointcut.publishers();
		assertThat(publishers.matches(method("fetch"), Pipeline.class)).isTrue();
		assertThat(publishers.matches(method("stream"), Pipeline.class)).isTrue();
		assertThat(publishers.matches(method("load"), Pipeline.class)).isFalse();
		assertThat(publishers.matches(method("plain"), Pipeline.class)).isFalse();
		assertThat(publishers.matches(method("unannotatedMono"), Pipeline.class)).isFalse();
	}

	@Test
	void allSelectsEveryAnnotatedMethodAndNoOther() throws Exception {
		BenchPointcut all = BenchPointcut.all();
		for (String name : new String[] { "load", "run", "later", "fetch", "stream" }) {
			assertThat(all.matches(method(name), Pipeline.class)).as(name).isTrue();
		}
		assertThat(all.matches(method("plain"), Pipeline.class)).isFalse();
		assertThat(all.matches(method("unannotatedMono"), Pipeline.class)).isFalse();
	}

	@Test
	void aClassProxyOfTheTargetMatchesAsTheTargetDoes() throws Exception {
		ProxyFactory factory = new ProxyFactory(new Pipeline());
		factory.setProxyTargetClass(true);
		Class<?> proxyClass = factory.getProxy().getClass();
		assertThat(AopUtils.isCglibProxy(factory.getProxy())).isTrue();
		assertThat(BenchPointcut.calls().matches(method("load"), proxyClass)).isTrue();
		assertThat(BenchPointcut.calls().matches(method("plain"), proxyClass)).isFalse();
	}

	@Test
	void classesWithoutAnnotationsArePassedOverByTheClassFilter() {
		assertThat(BenchPointcut.all().getClassFilter().matches(String.class)).isFalse();
		assertThat(BenchPointcut.all().getClassFilter().matches(Pipeline.class)).isTrue();
	}

	@Test
	void pointcutsAreEqualWhenTheySelectTheSameReturnKind() {
		assertThat(BenchPointcut.calls()).isEqualTo(BenchPointcut.calls())
			.hasSameHashCodeAs(BenchPointcut.calls())
			.isNotEqualTo(BenchPointcut.publishers())
			.isNotEqualTo(BenchPointcut.all());
		assertThat(BenchPointcut.publishers()).hasToString(
				"BenchPointcut: @BenchStep and @BenchIteration methods and @BenchStep types, returning a Reactor publisher");
	}

	private static Method method(String name) throws NoSuchMethodException {
		return Pipeline.class.getMethod(name);
	}

	/** A service with each kind of method. */
	public static class Pipeline {

		@BenchStep("load")
		public int load() {
			return 1;
		}

		@BenchIteration("pipeline")
		public void run() {
		}

		@BenchStep
		public CompletableFuture<Integer> later() {
			return CompletableFuture.completedFuture(1);
		}

		@BenchStep
		public Mono<Integer> fetch() {
			return Mono.just(1);
		}

		@BenchStep
		public Flux<Integer> stream() {
			return Flux.just(1, 2);
		}

		public int plain() {
			return 2;
		}

		public Mono<Integer> unannotatedMono() {
			return Mono.just(2);
		}

	}

}
