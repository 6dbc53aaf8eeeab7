package io.porterbench.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import io.porterbench.memory.RssReader;

/**
 * What a memory sample costs: a step of a benchmarker with per-step memory tracking, and
 * the RSS readers under it.
 *
 * <p>
 * {@link #stepWithoutMemory()} is the anchor: the same step with memory tracking off, as
 * in {@link StepBenchmark}. {@link #stepWithMemorySample()} is a step of a benchmarker
 * with {@code enableMemoryTracking(true)}: besides the time it samples the RSS (through
 * {@link RssReader#create()}: {@code /proc/self/statm} on Linux, OSHI elsewhere) and the
 * heap (the {@code MemoryMXBean}), and records the sample's own cost as a
 * {@code <topic>_MEMORY_STEP} entry. Target: at most 20 us (the Python original: 650 us).
 * Both close the iteration every {@value #STEPS_PER_ITERATION} steps.
 *
 * <p>
 * The readers alone: {@link #statmRss()} (the Linux path), {@link #oshiRss()} (the
 * portable path, through one reused OSHI process handle) and, for scale,
 * {@link #mxBeanHeapUsed()}.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar MemorySampleBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class MemorySampleBenchmark {

	/** Steps per iteration before gstep closes it. */
	static final int STEPS_PER_ITERATION = 64;

	private Scratch scratch;

	private BenchDict dict;

	private Benchmarker plain;

	private Benchmarker tracked;

	private int plainSteps;

	private int trackedSteps;

	private RssReader statm;

	private RssReader oshi;

	private MemoryMXBean memory;

	@Setup
	public void setUp() {
		this.scratch = new Scratch();
		this.dict = this.scratch.dict();
		this.plain = this.dict.get("plain");
		this.tracked = this.dict.get("tracked");
		this.tracked.enableMemoryTracking(true);
		this.plain.gstep();
		this.tracked.gstep();
		this.statm = RssReader.create();
		this.oshi = RssReader.oshi();
		this.memory = ManagementFactory.getMemoryMXBean();
	}

	@TearDown
	public void tearDown() {
		this.dict.close();
		this.scratch.close();
	}

	/** The anchor: a step with memory tracking off. */
	@Benchmark
	public void stepWithoutMemory() {
		this.plain.step("work");
		if (++this.plainSteps == STEPS_PER_ITERATION) {
			this.plainSteps = 0;
			this.plain.gstep();
		}
	}

	/** A step that also takes a memory sample. */
	@Benchmark
	public void stepWithMemorySample() {
		this.tracked.step("work");
		if (++this.trackedSteps == STEPS_PER_ITERATION) {
			this.trackedSteps = 0;
			this.tracked.gstep();
		}
	}

	/**
	 * The RSS through the platform's reader, {@code /proc/self/statm} on Linux.
	 * @return bytes
	 */
	@Benchmark
	public long statmRss() {
		return this.statm.read();
	}

	/**
	 * The RSS through OSHI.
	 * @return bytes
	 */
	@Benchmark
	public long oshiRss() {
		return this.oshi.read();
	}

	/**
	 * The heap in use, from the {@code MemoryMXBean}.
	 * @return bytes
	 */
	@Benchmark
	public long mxBeanHeapUsed() {
		return this.memory.getHeapMemoryUsage().getUsed();
	}

}
