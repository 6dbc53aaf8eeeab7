package io.porterbench.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * What a whole iteration costs, {@code gstep}, three steps and {@code gstop}, next to the
 * same timing done with Micrometer.
 *
 * <p>
 * {@link #micrometerTimers()} is the anchor: the code a Micrometer user writes to time
 * three sections and their total, five {@link System#nanoTime()} reads and
 * {@link Timer#record(long, TimeUnit)} on four timers built once in a
 * {@link SimpleMeterRegistry} (one per step and one for the iteration; no percentiles,
 * the registry's defaults).
 *
 * <p>
 * {@link #porterBench()} records the same iteration with porter-bench (memory tracking
 * off, no listeners): it keeps more than the anchor, every call of the iteration in order
 * (for the DATA file), a {@code gstop} step, and per-step count, sum, min, max, mean,
 * variance and an HdrHistogram for the percentiles. Closing the iteration copies it into
 * the store's ring under one short lock. Target: at most 1.5x the anchor.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar IterationBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class IterationBenchmark {

	private Scratch scratch;

	private BenchDict dict;

	private Benchmarker bench;

	private Timer load;

	private Timer process;

	private Timer store;

	private Timer iteration;

	@Setup
	public void setUp() {
		this.scratch = new Scratch();
		this.dict = this.scratch.dict();
		this.bench = this.dict.get("pipeline");
		MeterRegistry registry = new SimpleMeterRegistry();
		this.load = registry.timer("pipeline.step", "step", "load");
		this.process = registry.timer("pipeline.step", "step", "process");
		this.store = registry.timer("pipeline.step", "step", "store");
		this.iteration = registry.timer("pipeline.iteration");
	}

	@TearDown
	public void tearDown() {
		this.dict.close();
		this.scratch.close();
	}

	/**
	 * The anchor: three sections and their total timed with four Micrometer timers.
	 * @return the end time, consumed by JMH
	 */
	@Benchmark
	public long micrometerTimers() {
		long start = System.nanoTime();
		long loaded = System.nanoTime();
		this.load.record(loaded - start, TimeUnit.NANOSECONDS);
		long processed = System.nanoTime();
		this.process.record(processed - loaded, TimeUnit.NANOSECONDS);
		long stored = System.nanoTime();
		this.store.record(stored - processed, TimeUnit.NANOSECONDS);
		long end = System.nanoTime();
		this.iteration.record(end - start, TimeUnit.NANOSECONDS);
		return end;
	}

	/** The same iteration recorded by a benchmarker. */
	@Benchmark
	public void porterBench() {
		this.bench.gstep();
		this.bench.step("load");
		this.bench.step("process");
		this.bench.step("store");
		this.bench.gstop();
	}

}
