package io.porterbench.boot.aop;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;

/**
 * Applies {@link BenchStep} and {@link BenchIteration} to the methods of Spring beans, as
 * an advisor that Spring's auto-proxy creation picks up.
 *
 * <ul>
 * <li>{@code @BenchStep} records the call's duration as a step, with
 * {@link Benchmarker#recordSince(String, long)}. The topic is {@code value}, else the
 * method name; a type-level {@code @BenchStep} covers every public method declared in the
 * type, each named after the method. The benchmarker is {@code bench}, else the one whose
 * iteration is open on the calling thread ({@link BenchDict#current()}), else the default
 * benchmarker.</li>
 * <li>When that benchmarker has no iteration open on the calling thread, the call becomes
 * an iteration of its own (gstep before, record and gstop after), so that steps never
 * pile up in an iteration nobody closes.</li>
 * <li>{@code @BenchIteration} opens an iteration before the call and closes it after. If
 * the thread already has an iteration of that benchmarker open (a nested call), the call
 * joins it.</li>
 * <li>Exceptions propagate unchanged; the step is still recorded and the iteration still
 * closed.</li>
 * <li>A method declared to return a {@link CompletionStage} is timed until the stage
 * completes. A stage already complete on return is treated as a synchronous result. A
 * pending stage may complete on another thread, and iterations belong to threads, so its
 * completion is recorded on the benchmarker {@code <bench>.async}: the time from the call
 * to completion, as a step named after the topic ({@code @BenchStep}) or the method
 * ({@code @BenchIteration}), in an iteration of its own on the completing thread. A
 * {@code @BenchIteration} still closes its own iteration when the method returns.</li>
 * <li>The advice's own failures (an invalid name, a meter registry that throws) are
 * logged, the first at WARN, and never reach the caller.</li>
 * </ul>
 *
 * <p>
 * A plain {@code MethodInterceptor} rather than an AspectJ {@code @Aspect}: the pointcut
 * is matched once per method when the proxy is built, and each method's annotation is
 * resolved once, so a call costs the proxy, two clock reads and the step.
 */
public class BenchAdvisor extends AbstractPointcutAdvisor {

	/**
	 * The default order: outside {@code @Transactional} and most library aspects, so a
	 * step measures what its caller waits for.
	 */
	public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	/**
	 * The suffix of the benchmarker that records the completion of pending
	 * {@link CompletionStage} results.
	 */
	public static final String ASYNC_BENCH_SUFFIX = ".async";

	private final BenchPointcut pointcut = BenchPointcut.calls();

	private final Supplier<BenchDict> benchDict;

	private final Supplier<String> defaultBench;

	// Created when Spring first proxies a bean the pointcut matches: an application
	// without porter-bench annotations never loads the interceptor and its types.
	private volatile @Nullable Advice interceptor;

	/**
	 * An advisor recording into the given registry. Calls are timed with the clock of the
	 * benchmarker they are recorded in, the registry's.
	 * @param benchDict the registry
	 * @param defaultBench the benchmarker of {@code @BenchStep} calls that name none and
	 * run outside any iteration
	 */
	public BenchAdvisor(BenchDict benchDict, String defaultBench) {
		this(() -> benchDict, () -> defaultBench);
	}

	/**
	 * An advisor that looks up its registry and default benchmarker when it first needs
	 * them, each once. Spring creates advisors while it creates its bean post-processors;
	 * looking the registry up later leaves it an ordinary bean, processed by every
	 * post-processor.
	 * @param benchDict supplies the registry
	 * @param defaultBench supplies the benchmarker of {@code @BenchStep} calls that name
	 * none and run outside any iteration
	 */
	public BenchAdvisor(Supplier<BenchDict> benchDict, Supplier<String> defaultBench) {
		this.benchDict = SingletonSupplier.of(benchDict);
		this.defaultBench = SingletonSupplier.of(defaultBench);
		setOrder(DEFAULT_ORDER);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		Advice advice = this.interceptor;
		return (advice != null) ? advice : createInterceptor();
	}

	/**
	 * Whether the interceptor exists yet, for tests of when it is created.
	 */
	boolean isInterceptorCreated() {
		return this.interceptor != null;
	}

	private synchronized Advice createInterceptor() {
		Advice advice = this.interceptor;
		if (advice == null) {
			advice = new BenchInterceptor(this.benchDict, this.defaultBench);
			this.interceptor = advice;
		}
		return advice;
	}

}
