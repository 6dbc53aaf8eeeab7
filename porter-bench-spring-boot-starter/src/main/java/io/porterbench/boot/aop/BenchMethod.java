package io.porterbench.boot.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.CompletionStage;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import io.porterbench.BenchNames;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * What the interceptor needs to know about an annotated method, resolved once so that a
 * call does no reflection and builds no strings.
 *
 * @param targetType the class of the target object this was resolved for
 * @param topic the step's topic; for an iteration, the method name (the topic of its
 * asynchronous completion)
 * @param bench the benchmarker named by the annotation, or {@code null} when the calling
 * thread decides
 * @param iteration whether the method is a {@link BenchIteration} rather than a
 * {@link BenchStep}
 * @param returnsStage whether the method is declared to return a {@link CompletionStage}
 */
record BenchMethod(Class<?> targetType, String topic, @Nullable Benchmarker bench, boolean iteration,
		boolean returnsStage) {

	private static final @Nullable Class<?> REACTOR_PUBLISHER = loadReactorPublisher();

	/**
	 * Whether a method is instrumented: {@link #resolve} finds an annotation for it.
	 * @param method the method, as called on the proxy
	 * @param targetClass the target's class, or {@code null} when unknown
	 * @return whether the method is a step or an iteration
	 */
	static boolean isAnnotated(Method method, @Nullable Class<?> targetClass) {
		Class<?> userClass = (targetClass != null) ? ClassUtils.getUserClass(targetClass) : null;
		return find(method, AopUtils.getMostSpecificMethod(method, userClass)) != null;
	}

	/**
	 * Whether a method returns a Reactor publisher ({@code Mono}, {@code Flux}), which
	 * the reactive advisor times per subscription instead of this one per call.
	 * @param method the method
	 * @return whether Reactor is on the classpath and the method's declared return type
	 * is one of its publishers
	 */
	static boolean returnsReactorPublisher(Method method) {
		return REACTOR_PUBLISHER != null && REACTOR_PUBLISHER.isAssignableFrom(method.getReturnType());
	}

	/**
	 * Resolves the annotation of a method, with the same lookup as {@link #isAnnotated}.
	 * @param method the method, as called on the proxy
	 * @param targetType the class of the target object
	 * @param benchDict the registry of the named benchmarkers
	 * @return the resolved method, or {@code null} when it carries no annotation
	 * @throws IllegalArgumentException when the topic or benchmarker name is invalid
	 */
	static @Nullable BenchMethod resolve(Method method, Class<?> targetType, BenchDict benchDict) {
		Method specific = AopUtils.getMostSpecificMethod(method, ClassUtils.getUserClass(targetType));
		Annotation annotation = find(method, specific);
		boolean returnsStage = CompletionStage.class.isAssignableFrom(method.getReturnType());
		if (annotation instanceof BenchIteration iteration) {
			return new BenchMethod(targetType, method.getName(), benchDict.get(iteration.value()), true, returnsStage);
		}
		if (annotation instanceof BenchStep step) {
			boolean typeLevel = specific.getAnnotation(BenchStep.class) == null
					&& method.getAnnotation(BenchStep.class) == null;
			String topic = (typeLevel || step.value().isEmpty()) ? method.getName() : step.value();
			BenchNames.validateTopic(topic);
			Benchmarker bench = step.bench().isEmpty() ? null : benchDict.get(step.bench());
			return new BenchMethod(targetType, topic, bench, false, returnsStage);
		}
		return null;
	}

	/**
	 * The annotation that applies: on the target class's implementation of the method,
	 * else on the method as called (an interface method), as Spring's AspectJ pointcuts
	 * match.
	 */
	static @Nullable Annotation find(Method method, Method specific) {
		Annotation found = findOn(specific);
		return (found != null || specific == method) ? found : findOn(method);
	}

	private static @Nullable Annotation findOn(Method method) {
		BenchStep step = method.getAnnotation(BenchStep.class);
		if (step != null) {
			return step;
		}
		BenchIteration iteration = method.getAnnotation(BenchIteration.class);
		if (iteration != null) {
			return iteration;
		}
		// A type-level @BenchStep covers the public methods declared in the type, not
		// Object's contract.
		return isTypeLevelCandidate(method) ? method.getDeclaringClass().getAnnotation(BenchStep.class) : null;
	}

	private static boolean isTypeLevelCandidate(Method method) {
		int modifiers = method.getModifiers();
		if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers)) {
			return false;
		}
		return !(isNamed(method, "toString") || isNamed(method, "hashCode") || (method.getName().equals("equals")
				&& method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class));
	}

	private static boolean isNamed(Method method, String name) {
		return method.getParameterCount() == 0 && method.getName().equals(name);
	}

	private static @Nullable Class<?> loadReactorPublisher() {
		try {
			return ClassUtils.forName("reactor.core.CorePublisher", BenchMethod.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

}
