package io.porterbench.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.porterbench.BenchClock;
import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;

/**
 * Two threads recording into one shared benchmarker, next to two threads recording into
 * one shared Micrometer timer.
 *
 * <p>
 * Both benchmarks run with {@code @Threads(2)} on {@link Shared} state of
 * {@link Scope#Benchmark} scope, so both threads hit the same objects; each operation is
 * one measurement made and recorded by one thread.
 *
 * <p>
 * {@link #micrometerTimer()} is the anchor: a {@link System#nanoTime()} read and
 * {@link Timer#record(long, TimeUnit)} of the time since the thread's previous record on
 * one {@link SimpleMeterRegistry} timer, whose counters are striped ({@code LongAdder})
 * and whose max is a compare-and-set ring.
 *
 * <p>
 * {@link #porterBench()} is one {@code step()} of the shared benchmarker. Steps
 * themselves touch only the thread's own open iteration; what the threads share is the
 * store that closed iterations go into: its numbering, under one lock taken once every 32
 * closes of a thread (the statistics and the retained slots are striped, each stripe's
 * slots used by its own threads only). To make that shared part show, iterations are
 * short: every {@value #STEPS_PER_ITERATION}th step is followed by {@code gstep()}, so
 * one operation in four also closes an iteration and opens the next. Target: at most 1.5x
 * the anchor. The {@code retainedIterations} parameter sets the window of retained
 * iterations: with a small one ({@code -p retainedIterations=64}) the slots a close
 * writes stay in the core's cache, which shows what the window's memory costs.
 *
 * <p>
 * {@link #porterBenchLongIterations()} is the same with {@value #LONG_ITERATION_STEPS}
 * steps per iteration, as in {@link StepBenchmark}: what two threads pay when they mostly
 * step and seldom close.
 *
 * <p>
 * {@code porterBench4}/{@code micrometerTimer4} and
 * {@code porterBench8}/{@code micrometerTimer8} are the same pair with four and eight
 * threads on the one benchmarker and the one timer: the curve as threads outnumber cores.
 *
 * <p>
 * Read {@link #porterBench()} fork by fork. Now and then (3 forks in 22 in
 * docs/performance-round-2.md, 1k) the warm-up collection, copying with two threads,
 * places objects the two benchmark threads write at a close next to each other, and each
 * close then evicts a cache line the other thread writes: that fork measures 1.5x to 2.7x
 * slower than the others. With {@code -jvmArgsAppend -XX:ParallelGCThreads=1} no fork
 * does.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar ContendedBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContendedBenchmark {

	/** Steps per iteration before gstep closes it. */
	static final int STEPS_PER_ITERATION = 4;

	/** Steps per iteration in {@link #porterBenchLongIterations()}. */
	static final int LONG_ITERATION_STEPS = 64;

	/**
	 * The benchmarker and the timer both threads record into.
	 */
	@State(Scope.Benchmark)
	public static class Shared {

		private Scratch scratch;

		private BenchDict dict;

		Benchmarker bench;

		Timer timer;

		/**
		 * The benchmarker's retained window: the default, or a small one whose slots stay
		 * in the cores' caches.
		 */
		@Param({ "10000" })
		int retainedIterations;

		@Setup
		public void setUp() {
			this.scratch = new Scratch();
			this.dict = this.scratch.dict(BenchClock.system(), this.retainedIterations);
			this.bench = this.dict.get("contended");
			this.timer = new SimpleMeterRegistry().timer("contended");
		}

		@TearDown
		public void tearDown() {
			this.dict.close();
			this.scratch.close();
		}

	}

	/**
	 * One thread's position: its steps in the open iteration and its previous clock read.
	 */
	@State(Scope.Thread)
	public static class PerThread {

		int steps;

		long last = System.nanoTime();

	}

	/**
	 * The anchor: one thread's measurement recorded into the shared timer.
	 * @param shared the shared timer
	 * @param thread the thread's previous clock read
	 */
	@Benchmark
	@Threads(2)
	public void micrometerTimer(Shared shared, PerThread thread) {
		long now = System.nanoTime();
		shared.timer.record(now - thread.last, TimeUnit.NANOSECONDS);
		thread.last = now;
	}

	/**
	 * One thread's step of the shared benchmarker; every fourth also closes the thread's
	 * iteration.
	 * @param shared the shared benchmarker
	 * @param thread the thread's step count
	 */
	@Benchmark
	@Threads(2)
	public void porterBench(Shared shared, PerThread thread) {
		shared.bench.step("work");
		if (++thread.steps == STEPS_PER_ITERATION) {
			thread.steps = 0;
			shared.bench.gstep();
		}
	}

	/**
	 * One thread's step of the shared benchmarker; every 64th also closes the thread's
	 * iteration.
	 * @param shared the shared benchmarker
	 * @param thread the thread's step count
	 */
	@Benchmark
	@Threads(2)
	public void porterBenchLongIterations(Shared shared, PerThread thread) {
		shared.bench.step("work");
		if (++thread.steps == LONG_ITERATION_STEPS) {
			thread.steps = 0;
			shared.bench.gstep();
		}
	}

	/**
	 * The anchor with four threads on the one timer.
	 * @param shared the shared timer
	 * @param thread the thread's previous clock read
	 */
	@Benchmark
	@Threads(4)
	public void micrometerTimer4(Shared shared, PerThread thread) {
		micrometerTimer(shared, thread);
	}

	/**
	 * {@link #porterBench} with four threads on the one benchmarker.
	 * @param shared the shared benchmarker
	 * @param thread the thread's step count
	 */
	@Benchmark
	@Threads(4)
	public void porterBench4(Shared shared, PerThread thread) {
		porterBench(shared, thread);
	}

	/**
	 * The anchor with eight threads on the one timer.
	 * @param shared the shared timer
	 * @param thread the thread's previous clock read
	 */
	@Benchmark
	@Threads(8)
	public void micrometerTimer8(Shared shared, PerThread thread) {
		micrometerTimer(shared, thread);
	}

	/**
	 * {@link #porterBench} with eight threads on the one benchmarker.
	 * @param shared the shared benchmarker
	 * @param thread the thread's step count
	 */
	@Benchmark
	@Threads(8)
	public void porterBench8(Shared shared, PerThread thread) {
		porterBench(shared, thread);
	}

}
