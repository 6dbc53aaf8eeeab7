package io.porterbench.boot.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * The porter-bench annotation that applies to a method of a bean, found as
 * {@link BenchAdvisor} finds it, for the other advisors of the starter (observations,
 * reactive steps).
 *
 * @param topic the step's topic; for an iteration, the method name
 * @param bench the benchmarker the annotation names, or {@code null} when a
 * {@code @BenchStep} leaves it to the iteration open at the call
 * @param iteration whether the annotation is {@link BenchIteration} rather than
 * {@link BenchStep}
 */
public record BenchAnnotation(String topic, @Nullable String bench, boolean iteration) {

	/**
	 * Finds the annotation of a method: on the target class's implementation, else on the
	 * method as called, else a type-level {@code @BenchStep}.
	 * @param method the method, as called on the proxy
	 * @param targetClass the target's class, or {@code null} when unknown
	 * @return the annotation, or {@code null} when the method carries none
	 */
	public static @Nullable BenchAnnotation find(Method method, @Nullable Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method,
				(targetClass != null) ? ClassUtils.getUserClass(targetClass) : null);
		Annotation annotation = BenchMethod.find(method, specific);
		if (annotation instanceof BenchIteration iteration) {
			return new BenchAnnotation(method.getName(), iteration.value(), true);
		}
		if (annotation instanceof BenchStep step) {
			boolean typeLevel = specific.getAnnotation(BenchStep.class) == null
					&& method.getAnnotation(BenchStep.class) == null;
			String topic = (typeLevel || step.value().isEmpty()) ? method.getName() : step.value();
			return new BenchAnnotation(topic, step.bench().isEmpty() ? null : step.bench(), false);
		}
		return null;
	}

	/**
	 * Whether porter-bench's annotations can apply to any method of a class, for a
	 * pointcut's class filter: {@code false} only when neither the class, nor a
	 * superclass, nor an interface they implement carries a type-level {@code @BenchStep}
	 * or declares an annotated method. Computed once per class.
	 * @param type the class, or {@code null} when unknown
	 * @return whether {@link #find(Method, Class)} can find an annotation on a method of
	 * the class
	 */
	public static boolean mayApplyTo(@Nullable Class<?> type) {
		return BenchAnnotatedTypes.isCandidate(type);
	}

	/**
	 * Whether a method returns a Reactor publisher ({@code Mono} or {@code Flux}): such
	 * methods are timed per subscription, not by {@link BenchAdvisor}.
	 * @param method the method
	 * @return whether Reactor is on the classpath and the declared return type is one of
	 * its publishers
	 */
	public static boolean returnsReactorPublisher(Method method) {
		return BenchMethod.returnsReactorPublisher(method);
	}

}
