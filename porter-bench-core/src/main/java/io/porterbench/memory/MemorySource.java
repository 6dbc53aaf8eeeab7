package io.porterbench.memory;

import java.util.List;

/**
 * Where memory samples come from: the running process ({@link #system()}) or, in tests,
 * fixed figures.
 *
 * <p>
 * {@link #rss()}, {@link #heapUsed()} and {@link #heapCommitted()} are cheap and run on
 * the hot path; {@link #gpu()} and {@link #topClasses(int)} are expensive and documented
 * as such.
 */
public interface MemorySource {

	/**
	 * The resident set size of the process.
	 * @return bytes
	 */
	long rss();

	/**
	 * The JVM heap in use.
	 * @return bytes
	 */
	long heapUsed();

	/**
	 * The JVM heap committed by the operating system.
	 * @return bytes
	 */
	long heapCommitted();

	/**
	 * Whether {@link #gpu()} can give figures. May be slow on the first call (it looks
	 * for a GPU).
	 * @return whether a GPU is there to measure
	 */
	boolean isGpuAvailable();

	/**
	 * The GPU memory of the process. Slow (it may start an external program): call it off
	 * the hot path.
	 * @return the figures, or {@code null} when unavailable
	 */
	GpuMemory gpu();

	/**
	 * The classes holding the most heap. Expensive (a full GC for the real source).
	 * @param n how many classes
	 * @return up to {@code n} classes, largest first
	 */
	List<TopClass> topClasses(int n);

	/**
	 * Sets up what the cheap figures need, so that the first sample on the hot path is as
	 * fast as the others. Called when memory tracking is turned on.
	 */
	default void warmUp() {
	}

	/**
	 * The running process, with GPU figures from the {@code nvidia-smi} on the
	 * {@code PATH}.
	 * @return the shared source of this JVM
	 */
	static MemorySource system() {
		return SystemMemorySource.INSTANCE;
	}

	/**
	 * The running process, with GPU figures from a given probe.
	 * @param gpuProbe the {@code nvidia-smi} to ask
	 * @return a new source
	 */
	static MemorySource system(NvidiaSmi gpuProbe) {
		return new SystemMemorySource(SystemMemorySource::sharedRssReader, () -> gpuProbe);
	}

}
