package io.porterbench.boot.aop;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Times the calls that {@link BenchPointcut} selects, as {@link BenchAdvisor} describes.
 *
 * <p>
 * Calls are timed with the clock of the benchmarker they are recorded in. A call costs a
 * map lookup of its {@link Method} (resolved once per method and target class), two clock
 * reads (the second is the one {@link Benchmarker#recordSince} takes) and the step; it
 * allocates nothing of its own and takes no lock.
 */
final class BenchInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(BenchAdvisor.class);

	private static final BenchMethod[] NONE = {};

	private final Supplier<BenchDict> benchDict;

	private final Supplier<String> defaultBench;

	/**
	 * Per method, its resolution for each target class seen; nearly always one. An array
	 * rather than a map keyed by method and class, so that a lookup builds no key.
	 */
	private final Map<Method, BenchMethod[]> methods = new ConcurrentHashMap<>();

	private final Map<String, Benchmarker> asyncBenches = new ConcurrentHashMap<>();

	private final FailureLog failures = new FailureLog(logger);

	BenchInterceptor(Supplier<BenchDict> benchDict, Supplier<String> defaultBench) {
		this.benchDict = benchDict;
		this.defaultBench = defaultBench;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		BenchMethod method = benchMethod(invocation);
		if (method == null) {
			return invocation.proceed();
		}
		if (method.iteration()) {
			return iteration(invocation, method);
		}
		Benchmarker bench = benchOf(method);
		if (bench == null) {
			return invocation.proceed();
		}
		return method.returnsStage() ? timeStageStep(invocation, method, bench) : timeStep(invocation, method, bench);
	}

	private @Nullable Object iteration(MethodInvocation invocation, BenchMethod method) throws Throwable {
		Benchmarker bench = method.bench();
		if (bench == null || !openIfNone(bench)) {
			return invocation.proceed();
		}
		long start = bench.clock().nanoTime();
		Object result;
		try {
			result = invocation.proceed();
		}
		finally {
			close(bench);
		}
		if (method.returnsStage() && result instanceof CompletionStage<?> stage && !isDone(stage)) {
			recordOnCompletion(stage, bench, method, start);
		}
		return result;
	}

	private @Nullable Object timeStep(MethodInvocation invocation, BenchMethod method, Benchmarker bench)
			throws Throwable {
		boolean ownIteration = openIfNone(bench);
		long start = bench.clock().nanoTime();
		try {
			return invocation.proceed();
		}
		finally {
			recordSince(bench, method.topic(), start);
			if (ownIteration) {
				close(bench);
			}
		}
	}

	private @Nullable Object timeStageStep(MethodInvocation invocation, BenchMethod method, Benchmarker bench)
			throws Throwable {
		long start = bench.clock().nanoTime();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			recordCompleted(bench, method, start);
			throw ex;
		}
		if (result instanceof CompletionStage<?> stage && !isDone(stage)) {
			recordOnCompletion(stage, bench, method, start);
		}
		else {
			recordCompleted(bench, method, start);
		}
		return result;
	}

	private void recordOnCompletion(CompletionStage<?> stage, Benchmarker bench, BenchMethod method, long start) {
		try {
			// The stage returned to the caller stays the original one; this callback only
			// observes it.
			stage.whenComplete((value, failure) -> recordCompleted(asyncBench(bench), method, start));
		}
		catch (RuntimeException ex) {
			this.failures.failed(method.topic(), ex);
		}
	}

	private void recordCompleted(@Nullable Benchmarker bench, BenchMethod method, long start) {
		if (bench == null) {
			return;
		}
		// With no iteration open, the step is an iteration of its own that began when the
		// call did
		boolean ownIteration = openIfNone(bench, start);
		recordSince(bench, method.topic(), start);
		if (ownIteration) {
			close(bench);
		}
	}

	private @Nullable BenchMethod benchMethod(MethodInvocation invocation) {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		Class<?> targetType = (target != null) ? target.getClass() : method.getDeclaringClass();
		BenchMethod[] resolved = this.methods.getOrDefault(method, NONE);
		for (BenchMethod candidate : resolved) {
			if (candidate.targetType() == targetType) {
				return candidate;
			}
		}
		return resolve(method, targetType);
	}

	private @Nullable BenchMethod resolve(Method method, Class<?> targetType) {
		BenchMethod resolved;
		try {
			resolved = BenchMethod.resolve(method, targetType, this.benchDict.get());
		}
		catch (RuntimeException ex) {
			// Not cached: the next call tries again, and is logged at DEBUG only.
			this.failures.failed(method, ex);
			return null;
		}
		if (resolved != null) {
			this.methods.merge(method, new BenchMethod[] { resolved }, BenchInterceptor::add);
		}
		return resolved;
	}

	private static BenchMethod[] add(BenchMethod[] known, BenchMethod[] added) {
		for (BenchMethod candidate : known) {
			if (candidate.targetType() == added[0].targetType()) {
				return known;
			}
		}
		BenchMethod[] all = Arrays.copyOf(known, known.length + 1);
		all[known.length] = added[0];
		return all;
	}

	private @Nullable Benchmarker benchOf(BenchMethod method) {
		Benchmarker named = method.bench();
		if (named != null) {
			return named;
		}
		try {
			BenchDict benchDict = this.benchDict.get();
			Benchmarker current = benchDict.current();
			return (current != null) ? current : benchDict.get(this.defaultBench.get());
		}
		catch (RuntimeException ex) {
			this.failures.failed("the default benchmarker", ex);
			return null;
		}
	}

	private @Nullable Benchmarker asyncBench(Benchmarker bench) {
		try {
			return this.asyncBenches.computeIfAbsent(bench.name(),
					(name) -> this.benchDict.get().get(name + BenchAdvisor.ASYNC_BENCH_SUFFIX));
		}
		catch (RuntimeException ex) {
			this.failures.failed(bench.name() + BenchAdvisor.ASYNC_BENCH_SUFFIX, ex);
			return null;
		}
	}

	private boolean openIfNone(Benchmarker bench) {
		try {
			return bench.openIterationIfNone();
		}
		catch (RuntimeException ex) {
			this.failures.failed(bench.name(), ex);
			return false;
		}
	}

	private boolean openIfNone(Benchmarker bench, long start) {
		try {
			return bench.openIterationIfNone(start);
		}
		catch (RuntimeException ex) {
			this.failures.failed(bench.name(), ex);
			return false;
		}
	}

	private void recordSince(Benchmarker bench, String topic, long start) {
		try {
			bench.recordSince(topic, start);
		}
		catch (RuntimeException ex) {
			this.failures.failed(topic, ex);
		}
	}

	private void close(Benchmarker bench) {
		try {
			bench.gstop();
		}
		catch (RuntimeException ex) {
			this.failures.failed(bench.name(), ex);
		}
	}

	private static boolean isDone(CompletionStage<?> stage) {
		return stage instanceof Future<?> future && future.isDone();
	}

}
