package io.porterbench;

/**
 * Receives every recorded step and every closed iteration of a {@link Benchmarker}, on
 * the thread that recorded it.
 *
 * <p>
 * Listeners run on the hot path: they must be fast and must not block. An exception a
 * listener throws is caught and logged once; it never reaches the code being measured.
 */
public interface StepListener {

	/**
	 * A step was recorded.
	 * @param bench the benchmarker
	 * @param topic the step's topic
	 * @param nanos its duration in nanoseconds
	 */
	void onStep(Benchmarker bench, String topic, long nanos);

	/**
	 * An iteration was closed.
	 * @param bench the benchmarker
	 * @param nanos the iteration's {@code GLOBAL} time in nanoseconds
	 */
	default void onIteration(Benchmarker bench, long nanos) {
	}

}
