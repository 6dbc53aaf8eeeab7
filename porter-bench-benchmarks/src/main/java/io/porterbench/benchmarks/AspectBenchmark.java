package io.porterbench.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.annotation.Timed;
import io.micrometer.core.aop.TimedAspect;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.aop.Advisor;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.annotation.BenchStep;
import io.porterbench.boot.aop.BenchAdvisor;
import io.porterbench.boot.metrics.BenchMetricsBinder;
import io.porterbench.boot.autoconfigure.StepMeterType;

/**
 * What an annotated method costs through a Spring AOP proxy: {@code @BenchStep} with
 * porter-bench's advisor publishing to Micrometer, next to Micrometer's own
 * {@code @Timed} with {@link TimedAspect}.
 *
 * <p>
 * Both services are the same trivial method on a class-based (CGLIB) proxy with one
 * advisor, built the way Spring's auto-proxy creation builds it: {@link BenchAdvisor} (a
 * plain {@code MethodInterceptor} advisor) through a {@link ProxyFactory},
 * {@link TimedAspect} (an AspectJ {@code @Aspect}) through an
 * {@link AspectJProxyFactory}. Both record into a {@link SimpleMeterRegistry}, so the
 * figures are the cost of the proxy, the advice and the meter update.
 *
 * <p>
 * {@link #timedAspect()} is the anchor: {@code @Timed("pipeline.load")}, which on every
 * call starts a {@code Timer.Sample} and, at the end, builds the timer's identity (name,
 * tags from the method) and looks it up in the registry.
 *
 * <p>
 * {@link #benchStep()} calls a {@code @BenchStep(value = "load", bench = "pipeline")}
 * method inside an open iteration, as the steps of a pipeline run: the advisor finds the
 * method's settings in a cache, reads the clock twice, and records the step, which the
 * metrics binder publishes, as by default, to the step's {@code porterbench.step}
 * {@code FunctionTimer} (two adder increments). Every {@value #CALLS_PER_ITERATION}th
 * call the benchmark closes the iteration and opens the next, as in
 * {@link StepBenchmark}. Target: at most 0.4x the anchor's time, and fewer B/op.
 * {@link #benchStepTimer()} is the same with the steps published as {@code Timer}s, as
 * when the application asks for a distribution of them.
 *
 * <p>
 * {@link #benchStepOwnIteration()} calls the same method with no iteration open, so that,
 * by the aspect's rule, each call becomes an iteration of its own: gstep, the step,
 * gstop, and the {@code porterbench.iteration} timer too. It shows the cost of a lone
 * annotated call; it is not the figure the target is about.
 *
 * <p>
 * {@link #stepWithoutProxy()} does the interceptor's work around the same call without a
 * proxy: what is left of {@link #benchStep()} when Spring's part is taken away.
 *
 * <p>
 * {@link #bareAroundAdvice()} is the floor under the anchor: the same kind of proxy with
 * an {@code @Around} advice that only proceeds. Spring's AspectJ advice builds a join
 * point and invokes the advice reflectively on every call, so this part of the anchor's
 * figure is Spring's, not Micrometer's. {@link #bareInterceptor()} is the floor under
 * {@link #benchStep()}: a {@code MethodInterceptor} that only proceeds, on a proxy from a
 * {@link ProxyFactory}.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar AspectBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AspectBenchmark {

	/** Calls per iteration before the benchmark closes it. */
	static final int CALLS_PER_ITERATION = 64;

	private Scratch scratch;

	private BenchDict dict;

	private Benchmarker pipeline;

	private BenchService benchService;

	private BenchService plainBenchService;

	private BenchDict timerDict;

	private Benchmarker timerPipeline;

	private BenchService timerBenchService;

	private int timerCallsInIteration;

	private LoneService loneService;

	private TimedService timedService;

	private BareService bareService;

	private BareService bareInterceptorService;

	private int callsInIteration;

	private int value;

	@Setup
	public void setUp() {
		this.scratch = new Scratch();
		this.dict = this.scratch.dict();
		MeterRegistry registry = new SimpleMeterRegistry();
		new BenchMetricsBinder(this.dict).bindTo(registry);
		BenchAdvisor benchAdvisor = new BenchAdvisor(this.dict, "default");
		this.benchService = proxy(new BenchService(), benchAdvisor);
		this.loneService = proxy(new LoneService(), benchAdvisor);
		this.timedService = aspectProxy(new TimedService(), new TimedAspect(registry));
		this.bareService = aspectProxy(new BareService(), new BareAspect());
		MethodInterceptor proceed = (invocation) -> invocation.proceed();
		this.bareInterceptorService = proxy(new BareService(),
				new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Bare.class), proceed));
		this.plainBenchService = new BenchService();
		this.pipeline = this.dict.get("pipeline");
		this.pipeline.gstep();
		// its own registry: the same meter name cannot be a Timer and a FunctionTimer in
		// one registry
		this.timerDict = this.scratch.dict();
		new BenchMetricsBinder(this.timerDict, StepMeterType.TIMER).bindTo(new SimpleMeterRegistry());
		this.timerBenchService = proxy(new BenchService(), new BenchAdvisor(this.timerDict, "default"));
		this.timerPipeline = this.timerDict.get("pipeline");
		this.timerPipeline.gstep();
	}

	private static <T> T proxy(T target, Advisor advisor) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(advisor);
		@SuppressWarnings("unchecked")
		T proxy = (T) factory.getProxy();
		return proxy;
	}

	private static <T> T aspectProxy(T target, Object aspect) {
		AspectJProxyFactory factory = new AspectJProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAspect(aspect);
		return factory.getProxy();
	}

	@TearDown
	public void tearDown() {
		this.timerDict.close();
		this.dict.close();
		this.scratch.close();
	}

	/**
	 * The anchor: a {@code @Timed} method through {@link TimedAspect}.
	 * @return the method's result
	 */
	@Benchmark
	public int timedAspect() {
		return this.timedService.load(this.value++);
	}

	/**
	 * The floor: the same proxy and an around advice that only proceeds, what any
	 * {@code @Aspect} costs.
	 * @return the method's result
	 */
	@Benchmark
	public int bareAroundAdvice() {
		return this.bareService.load(this.value++);
	}

	/**
	 * The floor under {@link #benchStep()}: the same proxy and a
	 * {@code MethodInterceptor} that only proceeds.
	 * @return the method's result
	 */
	@Benchmark
	public int bareInterceptor() {
		return this.bareInterceptorService.load(this.value++);
	}

	/**
	 * A {@code @BenchStep} method inside an open iteration; every
	 * {@value #CALLS_PER_ITERATION}th call also closes the iteration and opens the next.
	 * @return the method's result
	 */
	@Benchmark
	public int benchStep() {
		int result = this.benchService.load(this.value++);
		if (++this.callsInIteration == CALLS_PER_ITERATION) {
			this.callsInIteration = 0;
			this.pipeline.gstep();
		}
		return result;
	}

	/**
	 * {@link #benchStep()} with the steps published as {@link StepMeterType#TIMER}s, as
	 * when the application asks Micrometer for a distribution of them: a {@code Timer}
	 * update per step, like the anchor's.
	 * @return the method's result
	 */
	@Benchmark
	public int benchStepTimer() {
		int result = this.timerBenchService.load(this.value++);
		if (++this.timerCallsInIteration == CALLS_PER_ITERATION) {
			this.timerCallsInIteration = 0;
			this.timerPipeline.gstep();
		}
		return result;
	}

	/**
	 * What the interceptor does around {@link #benchStep()}'s call, written out with no
	 * proxy: the open-iteration check, two clock reads ({@code recordSince} takes the
	 * second) and the step (published to Micrometer). {@link #benchStep()} minus this is
	 * the proxy's share, which {@link #bareInterceptor()} measures on its own.
	 * @return the method's result
	 */
	@Benchmark
	public int stepWithoutProxy() {
		boolean ownIteration = !this.pipeline.isIterationOpen();
		long start = this.pipeline.clock().nanoTime();
		int result = this.plainBenchService.load(this.value++);
		this.pipeline.recordSince("load", start);
		if (ownIteration) {
			this.pipeline.gstop();
		}
		if (++this.callsInIteration == CALLS_PER_ITERATION) {
			this.callsInIteration = 0;
			this.pipeline.gstep();
		}
		return result;
	}

	/**
	 * A {@code @BenchStep} method called with no iteration open: each call is an
	 * iteration of its own.
	 * @return the method's result
	 */
	@Benchmark
	public int benchStepOwnIteration() {
		return this.loneService.load(this.value++);
	}

	/**
	 * The service timed by porter-bench.
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
	 * The same service on a benchmarker that never has an iteration open.
	 */
	public static class LoneService {

		/**
		 * Trivial work.
		 * @param value an input
		 * @return the input plus one
		 */
		@BenchStep(value = "load", bench = "lone")
		public int load(int value) {
			return value + 1;
		}

	}

	/**
	 * An aspect that does nothing but proceed.
	 */
	@Aspect
	public static class BareAspect {

		/**
		 * Proceeds.
		 * @param pjp the call
		 * @return its result
		 * @throws Throwable its exception
		 */
		@Around("execution(@io.porterbench.benchmarks.AspectBenchmark.Bare * *(..))")
		public Object around(ProceedingJoinPoint pjp) throws Throwable {
			return pjp.proceed();
		}

	}

	/**
	 * Marks the method of {@link BareService}.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	public @interface Bare {

	}

	/**
	 * The service behind the bare advice.
	 */
	public static class BareService {

		/**
		 * Trivial work.
		 * @param value an input
		 * @return the input plus one
		 */
		@Bare
		public int load(int value) {
			return value + 1;
		}

	}

	/**
	 * The service timed by Micrometer.
	 */
	public static class TimedService {

		/**
		 * Trivial work.
		 * @param value an input
		 * @return the input plus one
		 */
		@Timed("pipeline.load")
		public int load(int value) {
			return value + 1;
		}

	}

}
