package io.porterbench;

import java.time.Duration;

/**
 * Memory tracking of one {@link Benchmarker}: samples of the process RSS, the JVM heap, the peak RSS between samples,
 * GPU memory and the classes holding the most heap, taken at gstep, gstop and (per step) every step.
 */
public final class MemoryBenchmarker {

	MemoryBenchmarker() {
	}

	public MemoryBenchmarker enableMaxMemory(Duration pollInterval) { throw new UnsupportedOperationException(); }

	public MemoryBenchmarker enableGpuMemoryTracking() { throw new UnsupportedOperationException(); }

	public boolean isGpuAvailable() { throw new UnsupportedOperationException(); }

	public MemoryBenchmarker setTopN(int n) { throw new UnsupportedOperationException(); }

	public boolean isEnabled() { throw new UnsupportedOperationException(); }

	public boolean isPerStep() { throw new UnsupportedOperationException(); }

}
