package io.porterbench;

import java.nio.file.Path;
import java.util.List;

/**
 * Times the iterations of one pipeline and their named steps (the original's {@code Benchmarker}).
 *
 * <p>A step marks the <em>end</em> of a section: {@link #step(String)} records the time since the previous step of
 * the iteration, or since the iteration began. {@link #gstep()} closes the open iteration and opens a new one;
 * {@link #gstop()} closes it, adding a {@code gstop} step and the iteration's {@code GLOBAL} total.
 *
 * <p>Each thread has its own open iteration, so concurrent requests never mix their steps; closed iterations go to one
 * ordered store. A step on a thread with no open iteration opens one (see {@link #step(String)}).
 */
public final class Benchmarker {

	Benchmarker(BenchDict owner, String name, Path runDirectory) {
		throw new UnsupportedOperationException("engine arrives in the next commit");
	}

	public String name() { throw new UnsupportedOperationException(); }

	public Path runDirectory() { throw new UnsupportedOperationException(); }

	public List<Path> files() { throw new UnsupportedOperationException(); }

	public void start() { throw new UnsupportedOperationException(); }

	public void gstep() { throw new UnsupportedOperationException(); }

	public void step(String topic) { throw new UnsupportedOperationException(); }

	public void step(String topic, Object extra) { throw new UnsupportedOperationException(); }

	public void record(String topic, long nanos) { throw new UnsupportedOperationException(); }

	public void gstop() { throw new UnsupportedOperationException(); }

	public Iteration iteration() { throw new UnsupportedOperationException(); }

	public boolean isIterationOpen() { throw new UnsupportedOperationException(); }

	public int openIterations() { throw new UnsupportedOperationException(); }

	public long iterationCount() { throw new UnsupportedOperationException(); }

	public BenchSummary summary() { throw new UnsupportedOperationException(); }

	public Path save() { throw new UnsupportedOperationException(); }

	public void reset() { throw new UnsupportedOperationException(); }

	public Benchmarker setSaveOnGstop(int n) { throw new UnsupportedOperationException(); }

	public Benchmarker setSaveOnStep(boolean saveOnStep) { throw new UnsupportedOperationException(); }

	public void enable() { throw new UnsupportedOperationException(); }

	public void disable() { throw new UnsupportedOperationException(); }

	public boolean isEnabled() { throw new UnsupportedOperationException(); }

	public MemoryBenchmarker enableMemoryTracking(boolean perStep) { throw new UnsupportedOperationException(); }

	public MemoryBenchmarker memory() { throw new UnsupportedOperationException(); }

	public void addStepListener(StepListener listener) { throw new UnsupportedOperationException(); }

	public void removeStepListener(StepListener listener) { throw new UnsupportedOperationException(); }

	void stopBackgroundWork() { }

}
