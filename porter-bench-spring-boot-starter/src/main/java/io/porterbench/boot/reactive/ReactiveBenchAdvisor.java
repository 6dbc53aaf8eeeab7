package io.porterbench.boot.reactive;

import java.util.function.Supplier;

import io.porterbench.BenchDict;
import io.porterbench.DetachedIteration;
import io.porterbench.boot.aop.BenchAdvisor;
import io.porterbench.boot.aop.BenchPointcut;
import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.util.function.SingletonSupplier;

/**
 * Times {@code @BenchStep} and {@code @BenchIteration} methods that return a Reactor
 * {@code Mono} or {@code Flux} per subscription, from the subscription until the
 * publisher completes, errors or is cancelled, whichever comes first; a {@code Flux} of
 * many elements is one step.
 *
 * <ul>
 * <li>A {@code @BenchIteration} opens a {@link DetachedIteration} for each subscription
 * and puts it in the Reactor {@code Context}; it closes when the publisher ends. A
 * subscriber whose context already carries an open iteration of the same benchmarker
 * joins it.</li>
 * <li>A {@code @BenchStep} records into the iteration its subscriber's context carries,
 * whatever the thread (scheduler) it runs on; without one (or with one of another
 * benchmarker than the step names), it is an iteration of its own of its named
 * benchmarker, else of the default one.</li>
 * <li>A publisher that never ends leaves its step and iteration open: the iteration is
 * dropped with the subscription, never held by porter-bench.</li>
 * </ul>
 * {@link BenchAdvisor} leaves these methods alone.
 */
public class ReactiveBenchAdvisor extends AbstractPointcutAdvisor {

	private final Pointcut pointcut = BenchPointcut.publishers();

	private final ReactiveBenchInterceptor interceptor;

	/**
	 * An advisor that looks its collaborators up when it first needs them, each once.
	 * @param benchDict supplies porter-bench's registry
	 * @param defaultBench supplies the benchmarker of steps that name none and run
	 * outside any iteration
	 */
	public ReactiveBenchAdvisor(Supplier<BenchDict> benchDict, Supplier<String> defaultBench) {
		this.interceptor = new ReactiveBenchInterceptor(SingletonSupplier.of(benchDict),
				SingletonSupplier.of(defaultBench));
		setOrder(BenchAdvisor.DEFAULT_ORDER);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
