package io.porterbench.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;

/**
 * What one {@code step()} costs once the JVM and the benchmarker are warm, next to the
 * cheapest thing a user could write instead: a pair of {@link System#nanoTime()} calls.
 *
 * <p>
 * {@link #nanoTimePair()} is the anchor: two clock reads and a subtraction, the tic/toc
 * every hand-rolled timer does. {@link #step()} records one step of a benchmarker with
 * memory tracking off and no listener (so no Micrometer): one clock read, the topic check
 * (a cached identity comparison), and two array stores into the thread's open iteration.
 * Target: at most 2x the anchor, and 0 B/op under {@code -prof gc}.
 *
 * <p>
 * Steady state needs care. A step appends to the thread's open iteration, so an iteration
 * that never closes grows without bound and the benchmark would measure array growth and
 * GC. So every {@value #STEPS_PER_ITERATION}th invocation also calls {@code gstep()},
 * which closes the iteration into the store's ring (reusing the ring's slots once the
 * default 10,000-iteration window is full, which happens within the first warm-up second)
 * and opens the next. The figure therefore includes 1/{@value #STEPS_PER_ITERATION} of an
 * iteration close, a few per cent; the whole-iteration cost is measured on its own in
 * {@link IterationBenchmark}. A per-invocation counter keeps one step per benchmark
 * operation, so the score is directly the cost of a step.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar StepBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class StepBenchmark {

	/** Steps per iteration before gstep closes it. */
	static final int STEPS_PER_ITERATION = 64;

	private Scratch scratch;

	private BenchDict dict;

	private Benchmarker bench;

	private int stepsInIteration;

	@Setup
	public void setUp() {
		this.scratch = new Scratch();
		this.dict = this.scratch.dict();
		this.bench = this.dict.get("step");
		this.bench.gstep();
	}

	@TearDown
	public void tearDown() {
		this.dict.close();
		this.scratch.close();
	}

	/**
	 * The anchor: a hand-rolled tic/toc.
	 * @return the elapsed nanoseconds, consumed by JMH
	 */
	@Benchmark
	public long nanoTimePair() {
		long start = System.nanoTime();
		return System.nanoTime() - start;
	}

	/**
	 * One step of an open iteration; every {@value #STEPS_PER_ITERATION}th also closes it
	 * and opens the next.
	 */
	@Benchmark
	public void step() {
		this.bench.step("work");
		if (++this.stepsInIteration == STEPS_PER_ITERATION) {
			this.stepsInIteration = 0;
			this.bench.gstep();
		}
	}

}
