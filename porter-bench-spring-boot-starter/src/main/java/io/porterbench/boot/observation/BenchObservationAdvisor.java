package io.porterbench.boot.observation;

import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.porterbench.BenchDict;
import io.porterbench.boot.aop.BenchAdvisor;
import io.porterbench.boot.aop.BenchPointcut;
import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes each synchronous {@code @BenchIteration} call an Observation named
 * {@link BenchObservations#ITERATION} and each synchronous {@code @BenchStep} call one
 * named {@link BenchObservations#STEP}, with the low-cardinality keys {@code bench} and
 * {@code step}. An Observation's parent is the one current when it starts (the HTTP
 * request's, the iteration's), so with a tracer the trace reads request, iteration,
 * steps. A method that throws ends its Observation with that error.
 *
 * <p>
 * It runs just inside {@link BenchAdvisor}, so the iteration porter-bench opens for a
 * call is already open when the step's Observation asks which benchmarker it belongs to,
 * and the Observation's duration lies within the step's.
 */
public class BenchObservationAdvisor extends AbstractPointcutAdvisor {

	/** Just inside {@link BenchAdvisor#DEFAULT_ORDER}. */
	public static final int DEFAULT_ORDER = BenchAdvisor.DEFAULT_ORDER + 1;

	private final Pointcut pointcut = BenchPointcut.all();

	private final BenchObservationInterceptor interceptor;

	/**
	 * An advisor that looks its collaborators up when it first needs them, each once.
	 * @param registry supplies the Observation registry; a noop registry turns the advice
	 * into a plain call
	 * @param benchDict supplies porter-bench's registry
	 * @param defaultBench supplies the benchmarker of steps that name none and run
	 * outside any iteration
	 */
	public BenchObservationAdvisor(Supplier<ObservationRegistry> registry, Supplier<BenchDict> benchDict,
			Supplier<String> defaultBench) {
		this.interceptor = new BenchObservationInterceptor(SingletonSupplier.of(registry),
				SingletonSupplier.of(benchDict), SingletonSupplier.of(defaultBench));
		setOrder(DEFAULT_ORDER);
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
