/**
 * The advisor that applies {@link io.porterbench.annotation.BenchStep} and
 * {@link io.porterbench.annotation.BenchIteration} to Spring beans.
 */
@NullMarked
package io.porterbench.boot.aop;

import org.jspecify.annotations.NullMarked;
