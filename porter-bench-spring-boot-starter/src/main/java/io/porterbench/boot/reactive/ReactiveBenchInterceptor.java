package io.porterbench.boot.reactive;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.DetachedIteration;
import io.porterbench.boot.aop.BenchAnnotation;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Times the {@code Mono} and {@code Flux} results of annotated methods per subscription,
 * as {@link ReactiveBenchAdvisor} describes.
 */
final class ReactiveBenchInterceptor implements MethodInterceptor {

	/** The Reactor {@code Context} key of the iteration a subscription records into. */
	static final Class<DetachedIteration> ITERATION_KEY = DetachedIteration.class;

	private static final Log logger = LogFactory.getLog(ReactiveBenchAdvisor.class);

	private final Supplier<BenchDict> benchDict;

	private final Supplier<String> defaultBench;

	private final Map<Method, Target> targets = new ConcurrentHashMap<>();

	private final AtomicBoolean warned = new AtomicBoolean();

	ReactiveBenchInterceptor(Supplier<BenchDict> benchDict, Supplier<String> defaultBench) {
		this.benchDict = benchDict;
		this.defaultBench = defaultBench;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object result = invocation.proceed();
		Target target = target(invocation);
		if (target == null) {
			return result;
		}
		if (result instanceof Mono<?> mono) {
			return target.iteration() ? iteration(mono, target) : step(mono, target);
		}
		if (result instanceof Flux<?> flux) {
			return target.iteration() ? iteration(flux, target) : step(flux, target);
		}
		return result;
	}

	private <T> Mono<T> iteration(Mono<T> mono, Target target) {
		return Mono.deferContextual((context) -> {
			DetachedIteration iteration = openIteration(context, target);
			if (iteration == null) {
				return mono;
			}
			Completion completion = new Completion(() -> close(iteration));
			return mono.doOnSuccess((value) -> completion.run())
				.doOnError((ex) -> completion.run())
				.doOnCancel(completion)
				.contextWrite((upstream) -> upstream.put(ITERATION_KEY, iteration));
		});
	}

	private <T> Flux<T> iteration(Flux<T> flux, Target target) {
		return Flux.deferContextual((context) -> {
			DetachedIteration iteration = openIteration(context, target);
			if (iteration == null) {
				return flux;
			}
			Completion completion = new Completion(() -> close(iteration));
			return flux.doOnComplete(completion)
				.doOnError((ex) -> completion.run())
				.doOnCancel(completion)
				.contextWrite((upstream) -> upstream.put(ITERATION_KEY, iteration));
		});
	}

	private <T> Mono<T> step(Mono<T> mono, Target target) {
		return Mono.deferContextual((context) -> {
			Completion completion = startStep(context, target);
			if (completion == null) {
				return mono;
			}
			return mono.doOnSuccess((value) -> completion.run())
				.doOnError((ex) -> completion.run())
				.doOnCancel(completion);
		});
	}

	private <T> Flux<T> step(Flux<T> flux, Target target) {
		return Flux.deferContextual((context) -> {
			Completion completion = startStep(context, target);
			if (completion == null) {
				return flux;
			}
			return flux.doOnComplete(completion).doOnError((ex) -> completion.run()).doOnCancel(completion);
		});
	}

	/**
	 * Opens the subscription's iteration, or returns {@code null} when the subscriber's
	 * context already carries one of the same benchmarker (a nested call joins it) or
	 * porter-bench failed.
	 */
	private @Nullable DetachedIteration openIteration(ContextView context, Target target) {
		try {
			Benchmarker bench = this.benchDict.get().get(target.annotation.bench());
			DetachedIteration outer = context.getOrDefault(ITERATION_KEY, null);
			if (outer != null && outer.isOpen() && outer.benchmarker() == bench) {
				return null;
			}
			return bench.openDetached();
		}
		catch (RuntimeException ex) {
			failed(target.annotation.topic(), ex);
			return null;
		}
	}

	/**
	 * Starts timing one subscription of a step: into the subscriber's iteration when its
	 * context carries one of the step's benchmarker, else in an iteration of its own.
	 */
	private @Nullable Completion startStep(ContextView context, Target target) {
		try {
			String named = target.annotation.bench();
			DetachedIteration carried = context.getOrDefault(ITERATION_KEY, null);
			DetachedIteration iteration;
			boolean own;
			if (carried != null && carried.isOpen() && (named == null || carried.benchmarker().name().equals(named))) {
				iteration = carried;
				own = false;
			}
			else {
				BenchDict benchDict = this.benchDict.get();
				iteration = benchDict.get((named != null) ? named : this.defaultBench.get()).openDetached();
				own = true;
			}
			String topic = target.annotation.topic();
			long start = iteration.benchmarker().clock().nanoTime();
			return new Completion(() -> {
				record(iteration, topic, start);
				if (own) {
					close(iteration);
				}
			});
		}
		catch (RuntimeException ex) {
			failed(target.annotation.topic(), ex);
			return null;
		}
	}

	private void record(DetachedIteration iteration, String topic, long start) {
		try {
			iteration.recordSince(topic, start);
		}
		catch (RuntimeException ex) {
			failed(topic, ex);
		}
	}

	private void close(DetachedIteration iteration) {
		try {
			iteration.close();
		}
		catch (RuntimeException ex) {
			failed(iteration.benchmarker().name(), ex);
		}
	}

	private void failed(String subject, RuntimeException ex) {
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("porter-bench could not measure " + subject + "; the publisher itself ran unchanged. "
					+ "Further porter-bench failures are logged at DEBUG level", ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("porter-bench could not measure " + subject, ex);
		}
	}

	private @Nullable Target target(MethodInvocation invocation) {
		Method method = invocation.getMethod();
		Object instance = invocation.getThis();
		Class<?> targetType = (instance != null) ? instance.getClass() : method.getDeclaringClass();
		Target known = this.targets.get(method);
		if (known != null && known.targetType == targetType) {
			return (known.annotation != null) ? known : null;
		}
		Target resolved = new Target(targetType, BenchAnnotation.find(method, targetType));
		this.targets.put(method, resolved);
		return (resolved.annotation != null) ? resolved : null;
	}

	/**
	 * A method resolved for one target class.
	 */
	private static final class Target {

		final Class<?> targetType;

		final @Nullable BenchAnnotation annotation;

		Target(Class<?> targetType, @Nullable BenchAnnotation annotation) {
			this.targetType = targetType;
			this.annotation = annotation;
		}

		boolean iteration() {
			return this.annotation != null && this.annotation.iteration();
		}

	}

	/**
	 * Runs its action once, on whichever of complete, error and cancel comes first.
	 */
	private static final class Completion extends AtomicBoolean implements Runnable {

		private final Runnable action;

		Completion(Runnable action) {
			this.action = action;
		}

		@Override
		public void run() {
			if (compareAndSet(false, true)) {
				this.action.run();
			}
		}

	}

}
