package io.porterbench.boot.metrics;

/**
 * The names and tags of the meters porter-bench publishes to Micrometer.
 */
public final class BenchMetricNames {

	/** Timer of each step, tagged {@link #TAG_BENCH} and {@link #TAG_STEP}. */
	public static final String STEP = "porterbench.step";

	/**
	 * Timer of each closed iteration (its {@code GLOBAL} time), tagged
	 * {@link #TAG_BENCH}.
	 */
	public static final String ITERATION = "porterbench.iteration";

	/**
	 * Gauge of the iterations open right now, over all threads, tagged
	 * {@link #TAG_BENCH}.
	 */
	public static final String ITERATION_ACTIVE = "porterbench.iteration.active";

	/**
	 * Gauge of the process resident set size at the last memory sample, in bytes, tagged
	 * {@link #TAG_BENCH}.
	 */
	public static final String MEMORY_RSS = "porterbench.memory.rss";

	/** Gauge of the JVM heap in use, in bytes, tagged {@link #TAG_BENCH}. */
	public static final String MEMORY_HEAP_USED = "porterbench.memory.heap.used";

	/**
	 * Gauge of the largest resident set size seen, in bytes, tagged {@link #TAG_BENCH}.
	 */
	public static final String MEMORY_PEAK = "porterbench.memory.peak";

	/** The tag holding the benchmarker's name. */
	public static final String TAG_BENCH = "bench";

	/** The tag holding the step's topic. */
	public static final String TAG_STEP = "step";

	private BenchMetricNames() {
	}

}
