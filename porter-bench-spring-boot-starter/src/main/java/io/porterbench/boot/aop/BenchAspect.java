package io.porterbench.boot.aop;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import io.porterbench.BenchClock;
import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * Applies {@link BenchStep} and {@link BenchIteration} to the methods of Spring beans.
 *
 * <ul>
 * <li>{@code @BenchStep} records the call's duration as a step, with {@link Benchmarker#record(String, long)}. The
 * topic is {@code value}, else the method name; a type-level {@code @BenchStep} covers every public method declared in
 * the type, each named after the method. The benchmarker is {@code bench}, else the one whose iteration is open on the
 * calling thread ({@link BenchDict#current()}), else the default benchmarker.</li>
 * <li>When that benchmarker has no iteration open on the calling thread, the call becomes an iteration of its own
 * (gstep before, record and gstop after), so that steps never pile up in an iteration nobody closes.</li>
 * <li>{@code @BenchIteration} opens an iteration before the call and closes it after. If the thread already has an
 * iteration of that benchmarker open (a nested call), the call joins it.</li>
 * <li>Exceptions propagate unchanged; the step is still recorded and the iteration still closed.</li>
 * <li>A method declared to return a {@link CompletionStage} is timed until the stage completes. A stage already
 * complete on return is treated as a synchronous result. A pending stage may complete on another thread, and
 * iterations belong to threads, so its completion is recorded on the benchmarker {@code <bench>.async}: the time from
 * the call to completion, as a step named after the topic ({@code @BenchStep}) or the method ({@code @BenchIteration}),
 * in an iteration of its own on the completing thread. A {@code @BenchIteration} still closes its own iteration when
 * the method returns.</li>
 * <li>The aspect's own failures (an invalid name, a meter registry that throws) are logged, the first at WARN, and
 * never reach the caller.</li>
 * </ul>
 */
@Aspect
public class BenchAspect implements Ordered {

	/**
	 * The default order: outside {@code @Transactional} and most library aspects, so a step measures what its caller
	 * waits for.
	 */
	public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	/** The suffix of the benchmarker that records the completion of pending {@link CompletionStage} results. */
	public static final String ASYNC_BENCH_SUFFIX = ".async";

	private static final Log logger = LogFactory.getLog(BenchAspect.class);

	private final BenchDict benchDict;

	private final BenchClock clock;

	private final String defaultBench;

	private final Map<Method, BenchMethod> methods = new ConcurrentHashMap<>();

	private final Map<String, Benchmarker> asyncBenches = new ConcurrentHashMap<>();

	private final FailureLog failures = new FailureLog(logger);

	private int order = DEFAULT_ORDER;

	/**
	 * An aspect recording into the given registry.
	 * @param benchDict the registry
	 * @param clock the clock that times the calls, normally the registry's
	 * @param defaultBench the benchmarker of {@code @BenchStep} calls that name none and run outside any iteration
	 */
	public BenchAspect(BenchDict benchDict, BenchClock clock, String defaultBench) {
		this.benchDict = benchDict;
		this.clock = clock;
		this.defaultBench = defaultBench;
	}

	/**
	 * Times a method annotated with {@link BenchStep}.
	 * @param pjp the call
	 * @param benchStep the method's annotation
	 * @return the method's result
	 * @throws Throwable the method's exception, unchanged
	 */
	@Around("execution(* *(..)) && @annotation(benchStep)")
	public @Nullable Object benchStepMethod(ProceedingJoinPoint pjp, BenchStep benchStep) throws Throwable {
		return step(pjp, benchStep, false);
	}

	/**
	 * Times a public method of a type annotated with {@link BenchStep}, unless the method has its own annotation.
	 * @param pjp the call
	 * @param benchStep the type's annotation
	 * @return the method's result
	 * @throws Throwable the method's exception, unchanged
	 */
	@Around("execution(public * *(..)) && @within(benchStep)"
			+ " && !@annotation(io.porterbench.annotation.BenchStep)"
			+ " && !@annotation(io.porterbench.annotation.BenchIteration)"
			+ " && !execution(String toString()) && !execution(int hashCode()) && !execution(boolean equals(Object))")
	public @Nullable Object benchStepType(ProceedingJoinPoint pjp, BenchStep benchStep) throws Throwable {
		return step(pjp, benchStep, true);
	}

	/**
	 * Makes a call of a method annotated with {@link BenchIteration} one iteration, or joins the open one.
	 * @param pjp the call
	 * @param benchIteration the method's annotation
	 * @return the method's result
	 * @throws Throwable the method's exception, unchanged
	 */
	@Around("execution(* *(..)) && @annotation(benchIteration)")
	public @Nullable Object benchIteration(ProceedingJoinPoint pjp, BenchIteration benchIteration) throws Throwable {
		BenchMethod method = resolve(pjp, benchIteration);
		Benchmarker bench = (method != null) ? method.bench() : null;
		if (method == null || bench == null || !openIfNone(bench)) {
			return pjp.proceed();
		}
		long start = this.clock.nanoTime();
		Object result;
		try {
			result = pjp.proceed();
		}
		finally {
			close(bench);
		}
		if (method.returnsStage() && result instanceof CompletionStage<?> stage && !isDone(stage)) {
			recordOnCompletion(stage, bench, method.topic(), start);
		}
		return result;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets where this aspect runs among the other advice of a bean.
	 * @param order the order, {@link #DEFAULT_ORDER} unless set
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	private @Nullable Object step(ProceedingJoinPoint pjp, BenchStep annotation, boolean typeLevel) throws Throwable {
		BenchMethod method = resolve(pjp, annotation, typeLevel);
		Benchmarker bench = (method != null) ? benchOf(method) : null;
		if (method == null || bench == null) {
			return pjp.proceed();
		}
		return method.returnsStage() ? timeStageStep(pjp, method, bench) : timeStep(pjp, method, bench);
	}

	private @Nullable Object timeStep(ProceedingJoinPoint pjp, BenchMethod method, Benchmarker bench)
			throws Throwable {
		boolean ownIteration = openIfNone(bench);
		long start = this.clock.nanoTime();
		try {
			return pjp.proceed();
		}
		finally {
			record(bench, method.topic(), this.clock.nanoTime() - start);
			if (ownIteration) {
				close(bench);
			}
		}
	}

	private @Nullable Object timeStageStep(ProceedingJoinPoint pjp, BenchMethod method, Benchmarker bench)
			throws Throwable {
		long start = this.clock.nanoTime();
		Object result;
		try {
			result = pjp.proceed();
		}
		catch (Throwable ex) {
			recordCompleted(bench, method.topic(), start);
			throw ex;
		}
		if (result instanceof CompletionStage<?> stage && !isDone(stage)) {
			recordOnCompletion(stage, bench, method.topic(), start);
		}
		else {
			recordCompleted(bench, method.topic(), start);
		}
		return result;
	}

	private void recordOnCompletion(CompletionStage<?> stage, Benchmarker bench, String topic, long start) {
		try {
			// The stage returned to the caller stays the original one; this callback only observes it.
			stage.whenComplete((value, failure) -> recordCompleted(asyncBench(bench), topic, start));
		}
		catch (RuntimeException ex) {
			this.failures.failed(topic, ex);
		}
	}

	private void recordCompleted(@Nullable Benchmarker bench, String topic, long start) {
		if (bench == null) {
			return;
		}
		long nanos = this.clock.nanoTime() - start;
		boolean ownIteration = !isOpen(bench);
		// With no iteration open, record() opens one that began when the call did; gstop then closes it.
		record(bench, topic, nanos);
		if (ownIteration) {
			close(bench);
		}
	}

	private @Nullable BenchMethod resolve(ProceedingJoinPoint pjp, BenchStep annotation, boolean typeLevel) {
		Method method = ((MethodSignature) pjp.getSignature()).getMethod();
		BenchMethod cached = this.methods.get(method);
		if (cached != null && cached.source() == annotation) {
			return cached;
		}
		try {
			return cache(method, BenchMethod.step(method, annotation, typeLevel, this.benchDict));
		}
		catch (RuntimeException ex) {
			this.failures.failed(method, ex);
			return null;
		}
	}

	private @Nullable BenchMethod resolve(ProceedingJoinPoint pjp, BenchIteration annotation) {
		Method method = ((MethodSignature) pjp.getSignature()).getMethod();
		BenchMethod cached = this.methods.get(method);
		if (cached != null && cached.source() == annotation) {
			return cached;
		}
		try {
			return cache(method, BenchMethod.iteration(method, annotation, this.benchDict));
		}
		catch (RuntimeException ex) {
			this.failures.failed(method, ex);
			return null;
		}
	}

	private BenchMethod cache(Method method, BenchMethod resolved) {
		this.methods.put(method, resolved);
		return resolved;
	}

	private @Nullable Benchmarker benchOf(BenchMethod method) {
		Benchmarker named = method.bench();
		if (named != null) {
			return named;
		}
		try {
			Benchmarker current = this.benchDict.current();
			return (current != null) ? current : this.benchDict.get(this.defaultBench);
		}
		catch (RuntimeException ex) {
			this.failures.failed(this.defaultBench, ex);
			return null;
		}
	}

	private @Nullable Benchmarker asyncBench(Benchmarker bench) {
		try {
			return this.asyncBenches.computeIfAbsent(bench.name(),
					(name) -> this.benchDict.get(name + ASYNC_BENCH_SUFFIX));
		}
		catch (RuntimeException ex) {
			this.failures.failed(bench.name() + ASYNC_BENCH_SUFFIX, ex);
			return null;
		}
	}

	private boolean openIfNone(Benchmarker bench) {
		try {
			if (bench.isIterationOpen()) {
				return false;
			}
			bench.gstep();
			return true;
		}
		catch (RuntimeException ex) {
			this.failures.failed(bench.name(), ex);
			return false;
		}
	}

	private boolean isOpen(Benchmarker bench) {
		try {
			return bench.isIterationOpen();
		}
		catch (RuntimeException ex) {
			this.failures.failed(bench.name(), ex);
			return true;
		}
	}

	private void record(Benchmarker bench, String topic, long nanos) {
		try {
			bench.record(topic, nanos);
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
