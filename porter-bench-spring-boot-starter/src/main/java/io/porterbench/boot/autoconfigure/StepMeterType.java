package io.porterbench.boot.autoconfigure;

/**
 * How the steps of a benchmarker are published to Micrometer as {@code porterbench.step}.
 */
public enum StepMeterType {

	/**
	 * A {@code Timer} per step topic: count, total and max, and the percentiles,
	 * histogram buckets and SLOs that {@code management.metrics.distribution.*} turns on.
	 * Each step pays the timer's update.
	 */
	TIMER,

	/**
	 * A {@code FunctionTimer} per step topic that Micrometer reads from porter-bench's
	 * own running count and total: each step pays two adder increments instead of a timer
	 * update, but there is no max and no distribution (no percentiles, histogram buckets
	 * or SLOs). The iteration timer stays a {@code Timer}.
	 */
	FUNCTION_TIMER

}
