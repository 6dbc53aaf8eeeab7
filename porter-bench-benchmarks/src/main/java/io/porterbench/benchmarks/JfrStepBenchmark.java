package io.porterbench.benchmarks;

import java.util.concurrent.TimeUnit;

import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;

/**
 * What the JFR events add to one {@code step()}, beside {@link StepBenchmark}'s anchors:
 * the {@code nanoTime} pair and the step itself.
 *
 * <ul>
 * <li>{@code jfr=off}: a registry built with {@code jfrEvents(false)}: the step without
 * any JFR code.
 * <li>{@code jfr=idle}: the default, events on, JFR never started in the JVM: one read of
 * whether JFR is initialized, no allocation. Target: within 5% of {@code off} (and of
 * {@code StepBenchmark.step}).
 * <li>{@code jfr=other}: a recording runs that disables {@code porterbench.Step} (JFR
 * used for something else): also a read of the event type's enabled flag, no allocation.
 * Target: within 5% of {@code off}.
 * <li>{@code jfr=recording}: a recording that enables {@code porterbench.Step} (in
 * memory, no disk): every step writes an event. Target: at most 4x
 * {@link #nanoTimePair()}.
 * </ul>
 *
 * <p>
 * Iterations close every {@value StepBenchmark#STEPS_PER_ITERATION} steps, as in
 * {@link StepBenchmark}; with a recording, that close also writes a
 * {@code porterbench.Iteration} event.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar 'JfrStepBenchmark|StepBenchmark' -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class JfrStepBenchmark {

	@Param({ "off", "idle", "other", "recording" })
	private String jfr;

	private Scratch scratch;

	private BenchDict dict;

	private Benchmarker bench;

	private Recording recording;

	private int stepsInIteration;

	@Setup
	public void setUp() {
		this.scratch = new Scratch();
		this.dict = BenchDict.builder().root(this.scratch.root()).jfrEvents(!"off".equals(this.jfr)).build();
		this.bench = this.dict.get("jfr-step");
		if ("recording".equals(this.jfr) || "other".equals(this.jfr)) {
			boolean enable = "recording".equals(this.jfr);
			this.recording = new Recording();
			for (String event : new String[] { "porterbench.Step", "porterbench.Iteration" }) {
				if (enable) {
					this.recording.enable(event);
				}
				else {
					this.recording.disable(event);
				}
			}
			this.recording.setToDisk(false);
			this.recording.start();
		}
		this.bench.gstep();
	}

	@TearDown
	public void tearDown() {
		if (this.recording != null) {
			this.recording.close();
		}
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
	 * One step of an open iteration; every {@value StepBenchmark#STEPS_PER_ITERATION}th
	 * also closes it.
	 */
	@Benchmark
	public void step() {
		this.bench.step("work");
		if (++this.stepsInIteration == StepBenchmark.STEPS_PER_ITERATION) {
			this.stepsInIteration = 0;
			this.bench.gstep();
		}
	}

}
