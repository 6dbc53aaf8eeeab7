package io.porterbench.boot.observation;

/**
 * The names and keys of porter-bench's Observations.
 *
 * <p>
 * The Observation names are not porter-bench's meter names {@code porterbench.step} and
 * {@code porterbench.iteration} on purpose: Micrometer's
 * {@code DefaultMeterObservationHandler} turns each Observation into a timer named after
 * it, with the tag {@code error} besides the Observation's keys. A timer
 * {@code porterbench.step} with the tags {@code bench}, {@code step} and {@code error}
 * beside porter-bench's own {@code porterbench.step} with {@code bench} and {@code step}
 * is one name with two tag sets, which Prometheus rejects. So the Observations are
 * {@code porterbench.observation.step} and {@code porterbench.observation.iteration}, and
 * their spans are named after the step and the benchmarker.
 */
public final class BenchObservations {

	/**
	 * The Observation of a {@code @BenchIteration} call; its contextual (span) name is
	 * the benchmarker's name.
	 */
	public static final String ITERATION = "porterbench.observation.iteration";

	/**
	 * The Observation of a {@code @BenchStep} call; its contextual (span) name is the
	 * step's topic.
	 */
	public static final String STEP = "porterbench.observation.step";

	/** The low-cardinality key of the benchmarker's name, on both Observations. */
	public static final String BENCH_KEY = "bench";

	/** The low-cardinality key of the step's topic, on step Observations. */
	public static final String STEP_KEY = "step";

	private BenchObservations() {
	}

}
