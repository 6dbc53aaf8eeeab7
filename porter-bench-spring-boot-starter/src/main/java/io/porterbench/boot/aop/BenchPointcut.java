package io.porterbench.boot.aop;

import java.lang.reflect.Method;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Selects the methods annotated with {@link BenchStep} or {@link BenchIteration}, and the
 * public methods declared in a type annotated with {@link BenchStep}, of one return kind:
 * those returning a Reactor publisher, the others, or both. Static: Spring matches it
 * once per method when it builds a proxy, never per call.
 */
public final class BenchPointcut extends StaticMethodMatcherPointcut {

	private final Returning returning;

	private BenchPointcut(Returning returning) {
		this.returning = returning;
		// Spring asks about every method of every bean: classes without annotations are
		// passed over at once.
		setClassFilter(BenchAnnotatedTypes::isCandidate);
	}

	/**
	 * The annotated methods that do not return a Reactor publisher: {@link BenchAdvisor}
	 * times them per call.
	 * @return the pointcut
	 */
	public static BenchPointcut calls() {
		return new BenchPointcut(Returning.NOT_A_PUBLISHER);
	}

	/**
	 * The annotated methods that return a Reactor publisher ({@code Mono}, {@code Flux}),
	 * timed per subscription instead of per call.
	 * @return the pointcut
	 */
	public static BenchPointcut publishers() {
		return new BenchPointcut(Returning.PUBLISHER);
	}

	/**
	 * Every annotated method, whatever it returns.
	 * @return the pointcut
	 */
	public static BenchPointcut all() {
		return new BenchPointcut(Returning.ANYTHING);
	}

	@Override
	public boolean matches(Method method, @Nullable Class<?> targetClass) {
		return this.returning.accepts(method) && BenchMethod.isAnnotated(method, targetClass);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof BenchPointcut pointcut && pointcut.returning == this.returning;
	}

	@Override
	public int hashCode() {
		return this.returning.hashCode();
	}

	@Override
	public String toString() {
		return "BenchPointcut: @BenchStep and @BenchIteration methods and @BenchStep types, returning "
				+ this.returning.description;
	}

	private enum Returning {

		NOT_A_PUBLISHER("anything but a Reactor publisher"), PUBLISHER("a Reactor publisher"), ANYTHING("anything");

		private final String description;

		Returning(String description) {
			this.description = description;
		}

		boolean accepts(Method method) {
			return switch (this) {
				case NOT_A_PUBLISHER -> !BenchMethod.returnsReactorPublisher(method);
				case PUBLISHER -> BenchMethod.returnsReactorPublisher(method);
				case ANYTHING -> true;
			};
		}

	}

}
