package io.porterbench.boot.observation;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.boot.aop.BenchAnnotation;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each synchronous {@code @BenchIteration} and {@code @BenchStep} call in an
 * Observation, as {@link BenchObservationAdvisor} describes. Every Observation API call
 * is guarded: a handler that throws is logged once and never reaches the caller.
 */
final class BenchObservationInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(BenchObservationAdvisor.class);

	private static final Target[] NONE = {};

	private final Supplier<ObservationRegistry> registry;

	private final Supplier<BenchDict> benchDict;

	private final Supplier<String> defaultBench;

	private final Map<Method, Target[]> targets = new ConcurrentHashMap<>();

	private final ObservationFailureLog failures = new ObservationFailureLog(logger);

	BenchObservationInterceptor(Supplier<ObservationRegistry> registry, Supplier<BenchDict> benchDict,
			Supplier<String> defaultBench) {
		this.registry = registry;
		this.benchDict = benchDict;
		this.defaultBench = defaultBench;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Target target = target(invocation);
		ObservationRegistry registry = (target != null) ? this.registry.get() : null;
		if (target == null || registry == null || registry.isNoop()) {
			return invocation.proceed();
		}
		Observation observation = start(registry, target);
		if (observation == null) {
			return invocation.proceed();
		}
		Observation.Scope previous = registry.getCurrentObservationScope();
		Observation.Scope scope = openScope(registry, observation, previous, target);
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			error(observation, ex, target);
			throw ex;
		}
		finally {
			closeScope(registry, scope, previous, target);
			stop(observation, target);
		}
	}

	private @Nullable Observation start(ObservationRegistry registry, Target target) {
		Observation observation;
		try {
			String bench = target.bench();
			if (bench == null) {
				bench = currentBench();
			}
			observation = Observation
				.createNotStarted(target.iteration() ? BenchObservations.ITERATION : BenchObservations.STEP, registry)
				.contextualName(target.iteration() ? bench : target.topic())
				.lowCardinalityKeyValues(target.keyValues(bench));
		}
		catch (RuntimeException ex) {
			this.failures.failed(target.topic(), ex);
			return null;
		}
		try {
			return observation.start();
		}
		catch (RuntimeException ex) {
			this.failures.failed(target.topic(), ex);
			// The handlers before the failing one have started (a long task timer, a
			// span): let them end now.
			try {
				observation.stop();
			}
			catch (RuntimeException stopFailure) {
				logger.debug("porter-bench could not stop an Observation whose start failed", stopFailure);
			}
			return null;
		}
	}

	private String currentBench() {
		BenchDict benchDict = this.benchDict.get();
		Benchmarker current = benchDict.current();
		return (current != null) ? current.name() : this.defaultBench.get();
	}

	private Observation.@Nullable Scope openScope(ObservationRegistry registry, Observation observation,
			Observation.@Nullable Scope previous, Target target) {
		try {
			return observation.openScope();
		}
		catch (RuntimeException ex) {
			// A handler failed after the scope became current: put the caller's back, so
			// later Observations on this
			// thread do not take a scope nobody closes as their parent.
			restore(registry, previous);
			this.failures.failed(target.topic(), ex);
			return null;
		}
	}

	private void closeScope(ObservationRegistry registry, Observation.@Nullable Scope scope,
			Observation.@Nullable Scope previous, Target target) {
		if (scope == null) {
			return;
		}
		try {
			scope.close();
		}
		catch (RuntimeException ex) {
			restore(registry, previous);
			this.failures.failed(target.topic(), ex);
		}
	}

	private void restore(ObservationRegistry registry, Observation.@Nullable Scope previous) {
		try {
			registry.setCurrentObservationScope(previous);
		}
		catch (RuntimeException ex) {
			logger.debug("porter-bench could not restore the current Observation scope", ex);
		}
	}

	private void error(Observation observation, Throwable ex, Target target) {
		try {
			observation.error(ex);
		}
		catch (RuntimeException failure) {
			this.failures.failed(target.topic(), failure);
		}
	}

	private void stop(Observation observation, Target target) {
		try {
			observation.stop();
		}
		catch (RuntimeException ex) {
			this.failures.failed(target.topic(), ex);
		}
	}

	private @Nullable Target target(MethodInvocation invocation) {
		Method method = invocation.getMethod();
		Object instance = invocation.getThis();
		Class<?> targetType = (instance != null) ? instance.getClass() : method.getDeclaringClass();
		for (Target candidate : this.targets.getOrDefault(method, NONE)) {
			if (candidate.targetType == targetType) {
				return candidate.annotation != null ? candidate : null;
			}
		}
		Target resolved = resolve(method, targetType);
		this.targets.merge(method, new Target[] { resolved }, BenchObservationInterceptor::add);
		return resolved.annotation != null ? resolved : null;
	}

	private static Target resolve(Method method, Class<?> targetType) {
		// Calls that end after the method returns (a CompletionStage, a Reactor
		// publisher) are not observed: an
		// Observation of the call alone would show a duration porter-bench does not
		// record.
		boolean synchronous = !CompletionStage.class.isAssignableFrom(method.getReturnType())
				&& !BenchAnnotation.returnsReactorPublisher(method);
		BenchAnnotation annotation = synchronous ? BenchAnnotation.find(method, targetType) : null;
		return new Target(targetType, annotation);
	}

	private static Target[] add(Target[] known, Target[] added) {
		for (Target candidate : known) {
			if (candidate.targetType == added[0].targetType) {
				return known;
			}
		}
		Target[] all = Arrays.copyOf(known, known.length + 1);
		all[known.length] = added[0];
		return all;
	}

	/**
	 * A method resolved once per target class, with its key values per benchmarker name,
	 * so that a call builds none.
	 */
	private static final class Target {

		final Class<?> targetType;

		final @Nullable BenchAnnotation annotation;

		private final Map<String, KeyValues> keyValues = new ConcurrentHashMap<>();

		Target(Class<?> targetType, @Nullable BenchAnnotation annotation) {
			this.targetType = targetType;
			this.annotation = annotation;
		}

		boolean iteration() {
			return annotation().iteration();
		}

		String topic() {
			return annotation().topic();
		}

		@Nullable String bench() {
			return annotation().bench();
		}

		KeyValues keyValues(String bench) {
			KeyValues known = this.keyValues.get(bench);
			if (known != null) {
				return known;
			}
			KeyValues created = iteration() ? KeyValues.of(BenchObservations.BENCH_KEY, bench)
					: KeyValues.of(BenchObservations.BENCH_KEY, bench, BenchObservations.STEP_KEY, topic());
			this.keyValues.putIfAbsent(bench, created);
			return created;
		}

		private BenchAnnotation annotation() {
			BenchAnnotation annotation = this.annotation;
			if (annotation == null) {
				throw new IllegalStateException("Not an instrumented method");
			}
			return annotation;
		}

	}

}
