/**
 * Micrometer meters for every benchmarker of a {@link io.porterbench.BenchDict}.
 */
@NullMarked
package io.porterbench.boot.metrics;

import org.jspecify.annotations.NullMarked;
