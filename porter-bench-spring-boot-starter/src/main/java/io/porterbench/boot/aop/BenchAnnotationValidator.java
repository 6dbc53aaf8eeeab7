package io.porterbench.boot.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import io.porterbench.BenchNames;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks the {@link BenchStep} and {@link BenchIteration} annotations of every bean's
 * class when the bean is created, so that an invalid name fails the application's startup
 * with a message naming the method, instead of going unmeasured at run time. Annotations
 * the proxy cannot apply (on private, static or final methods) are reported at WARN.
 */
public final class BenchAnnotationValidator implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(BenchAnnotationValidator.class);

	private final Set<Class<?>> checked = ConcurrentHashMap.newKeySet();

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		Class<?> type = ClassUtils.getUserClass(bean);
		if (!this.checked.contains(type)) {
			validate(type);
			this.checked.add(type);
		}
		return bean;
	}

	/**
	 * Checks the annotations of a class and its methods, including inherited ones.
	 * @param type the class
	 * @throws IllegalArgumentException naming the method and what is allowed, when an
	 * annotation is invalid
	 */
	public void validate(Class<?> type) {
		if (!BenchAnnotatedTypes.isCandidate(type)) {
			return;
		}
		BenchStep typeStep = type.getAnnotation(BenchStep.class);
		if (typeStep != null) {
			validateTypeStep(type, typeStep);
		}
		ReflectionUtils.doWithMethods(type, this::validateMethod,
				(method) -> method.isAnnotationPresent(BenchStep.class)
						|| method.isAnnotationPresent(BenchIteration.class));
	}

	private void validateTypeStep(Class<?> type, BenchStep annotation) {
		if (!annotation.value().isEmpty()) {
			throw new IllegalArgumentException("@BenchStep on type " + type.getName() + " must not set a topic ('"
					+ annotation.value() + "'): on a type, every public method is a step named after the method. "
					+ "Set the topic on a method instead");
		}
		if (!annotation.bench().isEmpty()) {
			validateBench("type " + type.getName(), "@BenchStep", annotation.bench());
		}
		for (Method method : type.getDeclaredMethods()) {
			if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()
					&& !method.isAnnotationPresent(BenchStep.class)
					&& !method.isAnnotationPresent(BenchIteration.class)) {
				validateTopic(method, method.getName());
			}
		}
	}

	private void validateMethod(Method method) {
		BenchStep step = method.getAnnotation(BenchStep.class);
		BenchIteration iteration = method.getAnnotation(BenchIteration.class);
		if (step != null && iteration != null) {
			throw new IllegalArgumentException(describe(method) + " has both @BenchStep and @BenchIteration; "
					+ "a method is either a step or an iteration");
		}
		if (step != null) {
			validateTopic(method, step.value().isEmpty() ? method.getName() : step.value());
			if (!step.bench().isEmpty()) {
				validateBench(describe(method), "@BenchStep", step.bench());
			}
		}
		else if (iteration != null) {
			validateBench(describe(method), "@BenchIteration", iteration.value());
		}
		warnIfNotProxied(method);
	}

	private void validateTopic(Method method, String topic) {
		try {
			BenchNames.validateTopic(topic);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Invalid @BenchStep topic on " + describe(method) + ": " + ex.getMessage(), ex);
		}
	}

	private void validateBench(String where, String annotation, String bench) {
		try {
			BenchNames.validateBenchName(bench);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Invalid benchmarker name in " + annotation + " on " + where + ": " + ex.getMessage(), ex);
		}
	}

	private void warnIfNotProxied(Method method) {
		int modifiers = method.getModifiers();
		if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
			logger.warn(describe(method) + " is private, static or final: a Spring proxy cannot intercept it, so its "
					+ "porter-bench annotation has no effect. Make it a public, non-final instance method called "
					+ "from another bean");
		}
	}

	private static String describe(Method method) {
		return ClassUtils.getQualifiedMethodName(method);
	}

}
