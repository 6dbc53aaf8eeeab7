package io.porterbench.record;

import tools.jackson.databind.JsonNode;

/**
 * One call of a step in a saved iteration.
 *
 * @param time its duration in seconds
 * @param cronoCounter its position among the calls of the iteration
 * @param extra the extra value given with the call, or {@code null}
 */
public record SavedCall(double time, int cronoCounter, JsonNode extra) {
}
