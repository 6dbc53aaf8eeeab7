package io.porterbench.record;

/**
 * One call of a step in a saved iteration.
 *
 * @param time its duration in seconds
 * @param cronoCounter its position among the calls of the iteration
 * @param extra the extra value given with the call as plain Java values ({@code Map},
 * {@code List}, {@code String}, {@code Number} or {@code Boolean}), or {@code null}
 */
public record SavedCall(double time, int cronoCounter, Object extra) {
}
