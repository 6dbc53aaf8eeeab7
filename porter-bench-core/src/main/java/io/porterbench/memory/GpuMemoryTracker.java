package io.porterbench.memory;

/**
 * Turns {@link NvidiaSmi} readings into {@link GpuMemory}, keeping the peaks since
 * tracking began.
 */
final class GpuMemoryTracker {

	private final NvidiaSmi probe;

	private long maxUsed;

	GpuMemoryTracker(NvidiaSmi probe) {
		this.probe = probe;
	}

	boolean isAvailable() {
		return this.probe.isAvailable();
	}

	synchronized GpuMemory sample() {
		if (!this.probe.isAvailable()) {
			return null;
		}
		long used = this.probe.processMemoryBytes();
		if (used < 0) {
			return null;
		}
		this.maxUsed = Math.max(this.maxUsed, used);
		return new GpuMemory(used, used, this.maxUsed, this.maxUsed);
	}

}
