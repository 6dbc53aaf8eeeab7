package io.porterbench.boot.aop;

import java.lang.reflect.Method;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Selects the methods annotated with {@link BenchStep} or {@link BenchIteration}, and the
 * public methods declared in a type annotated with {@link BenchStep}. Static: Spring
 * matches it once per method when it builds a proxy, never per call.
 */
final class BenchPointcut extends StaticMethodMatcherPointcut {

	BenchPointcut() {
		// Spring asks about every method of every bean: classes without annotations are
		// passed over at once.
		setClassFilter(BenchAnnotatedTypes::isCandidate);
	}

	@Override
	public boolean matches(Method method, @Nullable Class<?> targetClass) {
		// Methods returning a Reactor publisher are timed per subscription by the
		// reactive advisor instead.
		return !BenchMethod.returnsReactorPublisher(method) && BenchMethod.isAnnotated(method, targetClass);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof BenchPointcut;
	}

	@Override
	public int hashCode() {
		return BenchPointcut.class.hashCode();
	}

	@Override
	public String toString() {
		return "BenchPointcut: @BenchStep and @BenchIteration methods and @BenchStep types";
	}

}
