package io.porterbench.record;

/**
 * One step of a saved SUMMARY file. The original writes only the first four figures; the
 * others are {@code null} in its files.
 *
 * @param mean seconds
 * @param min seconds
 * @param max seconds
 * @param quantileFiltered seconds
 * @param count iterations, or {@code null}
 * @param total seconds, or {@code null}
 * @param std seconds, or {@code null}
 * @param p50 seconds, or {@code null}
 * @param p90 seconds, or {@code null}
 * @param p99 seconds, or {@code null}
 */
public record SavedStepSummary(double mean, double min, double max, double quantileFiltered, Long count, Double total,
		Double std, Double p50, Double p90, Double p99) {
}
