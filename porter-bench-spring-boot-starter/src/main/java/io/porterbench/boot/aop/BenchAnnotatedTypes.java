package io.porterbench.boot.aop;

import java.lang.reflect.Method;
import java.util.Map;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * Whether porter-bench's annotations can apply to any method of a class: a quick answer,
 * once per class, so that the advisors' pointcuts and the annotation validator pass over
 * the many beans without annotations without examining each of their methods (Spring asks
 * a pointcut about every method of every bean when it decides whether to proxy it).
 */
final class BenchAnnotatedTypes {

	// Per class, in a map of soft references like Spring's own reflection caches, so that
	// a class can still be unloaded with its class loader. Not a ClassValue: the first
	// ClassValue asked about a class gives that class a map of its own, which for the
	// hundreds of classes and interfaces a startup passes here cost more than the
	// answers (about 5 ms of a Boot web application's startup,
	// docs/performance-round-2.md
	// 1j).
	private static final Map<Class<?>, Boolean> CANDIDATES = new ConcurrentReferenceHashMap<>(256);

	private BenchAnnotatedTypes() {
	}

	/**
	 * Whether the class, a superclass or an interface they implement (at any depth)
	 * carries a type-level {@link BenchStep} or declares a method annotated with
	 * {@link BenchStep} or {@link BenchIteration}: where none does, no method of the
	 * class is timed, whatever the pointcut would find.
	 * @param type the class, or {@code null} when unknown
	 * @return {@code false} only when no annotation can apply
	 */
	static boolean isCandidate(@Nullable Class<?> type) {
		if (type == null) {
			return true;
		}
		Boolean candidate = CANDIDATES.get(type);
		if (candidate == null) {
			// computed outside the map: the answer for a class asks for its supertypes'
			candidate = isCandidateUncached(type);
			CANDIDATES.put(type, candidate);
		}
		return candidate;
	}

	private static boolean isCandidateUncached(Class<?> type) {
		// The JDK's own types cannot carry porter-bench's annotations.
		if (type.getName().startsWith("java.")) {
			return false;
		}
		try {
			if (declaresAnnotations(type)) {
				return true;
			}
		}
		catch (LinkageError ex) {
			// A method signature names a class that is missing: let the pointcut decide,
			// as it did before this check.
			return true;
		}
		Class<?> superclass = type.getSuperclass();
		if (superclass != null && isCandidate(superclass)) {
			return true;
		}
		for (Class<?> implemented : type.getInterfaces()) {
			if (isCandidate(implemented)) {
				return true;
			}
		}
		return false;
	}

	private static boolean declaresAnnotations(Class<?> type) {
		if (type.isAnnotationPresent(BenchStep.class)) {
			return true;
		}
		for (Method method : type.getDeclaredMethods()) {
			if (method.isAnnotationPresent(BenchStep.class) || method.isAnnotationPresent(BenchIteration.class)) {
				return true;
			}
		}
		return false;
	}

}
