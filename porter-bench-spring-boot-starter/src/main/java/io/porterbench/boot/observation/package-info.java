/**
 * Opt-in Micrometer Observations of {@link io.porterbench.annotation.BenchIteration} and
 * {@link io.porterbench.annotation.BenchStep} calls, so that with a tracer they become
 * spans of the request's trace.
 */
@NullMarked
package io.porterbench.boot.observation;

import org.jspecify.annotations.NullMarked;
