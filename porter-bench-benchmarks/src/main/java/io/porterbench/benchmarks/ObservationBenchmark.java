package io.porterbench.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.annotation.Observed;
import io.micrometer.observation.aop.ObservedAspect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.aop.framework.ProxyFactory;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.annotation.BenchStep;
import io.porterbench.boot.aop.BenchAdvisor;
import io.porterbench.boot.metrics.BenchMetricsBinder;
import io.porterbench.boot.observation.BenchObservationAdvisor;

/**
 * What a {@code @BenchStep} costs with {@code porterbench.observation.enabled=true}, next
 * to Micrometer's own {@code @Observed} with {@link ObservedAspect}.
 *
 * <p>
 * Both services are the same trivial method on a class-based (CGLIB) proxy, built as
 * Spring's auto-proxy creation builds it: {@link BenchAdvisor} and
 * {@link BenchObservationAdvisor} through a {@link ProxyFactory}, the
 * {@link ObservedAspect} through an {@link AspectJProxyFactory}. Both observe into one
 * {@link ObservationRegistry} with the same handler, a
 * {@link DefaultMeterObservationHandler} over one {@link SimpleMeterRegistry}, which
 * porter-bench's own meters are bound to as well.
 *
 * <p>
 * {@link #observedAspect()} is the anchor: one Observation per call (a timer sample, a
 * long task timer sample, the timer's lookup). {@link #benchStepObserved()} does the same
 * Observation work and records porter-bench's step inside an open iteration, closed and
 * reopened every {@value AspectBenchmark#CALLS_PER_ITERATION} calls as in
 * {@link AspectBenchmark#benchStep()}. Target: at most 1.0x the anchor's time. With
 * observations off, the Observation advisor is not installed at all:
 * {@link AspectBenchmark#benchStep()} is that case.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar ObservationBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ObservationBenchmark {

	private Scratch scratch;

	private BenchDict dict;

	private Benchmarker pipeline;

	private BenchService benchService;

	private ObservedService observedService;

	private int callsInIteration;

	private int value;

	@Setup
	public void setUp() {
		this.scratch = new Scratch();
		this.dict = this.scratch.dict();
		MeterRegistry meters = new SimpleMeterRegistry();
		new BenchMetricsBinder(this.dict).bindTo(meters);
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		ProxyFactory factory = new ProxyFactory(new BenchService());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new BenchAdvisor(this.dict, "default"));
		factory.addAdvisor(new BenchObservationAdvisor(() -> observations, () -> this.dict, () -> "default"));
		this.benchService = (BenchService) factory.getProxy();
		AspectJProxyFactory aspectFactory = new AspectJProxyFactory(new ObservedService());
		aspectFactory.setProxyTargetClass(true);
		aspectFactory.addAspect(new ObservedAspect(observations));
		this.observedService = aspectFactory.getProxy();
		this.pipeline = this.dict.get("pipeline");
		this.pipeline.gstep();
	}

	@TearDown
	public void tearDown() {
		this.dict.close();
		this.scratch.close();
	}

	/**
	 * The anchor: an {@code @Observed} method through {@link ObservedAspect}.
	 * @return the method's result
	 */
	@Benchmark
	public int observedAspect() {
		return this.observedService.load(this.value++);
	}

	/**
	 * A {@code @BenchStep} method with its Observation, inside an open iteration.
	 * @return the method's result
	 */
	@Benchmark
	public int benchStepObserved() {
		int result = this.benchService.load(this.value++);
		if (++this.callsInIteration == AspectBenchmark.CALLS_PER_ITERATION) {
			this.callsInIteration = 0;
			this.pipeline.gstep();
		}
		return result;
	}

	/**
	 * The service timed and observed by porter-bench.
	 */
	public static class BenchService {

		/**
		 * Trivial work, so that the figure is the instrumentation's.
		 * @param value an input
		 * @return the input plus one
		 */
		@BenchStep(value = "load", bench = "pipeline")
		public int load(int value) {
			return value + 1;
		}

	}

	/**
	 * The service observed by Micrometer.
	 */
	public static class ObservedService {

		/**
		 * Trivial work.
		 * @param value an input
		 * @return the input plus one
		 */
		@Observed(name = "pipeline.load")
		public int load(int value) {
			return value + 1;
		}

	}

}
