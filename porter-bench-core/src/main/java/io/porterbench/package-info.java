/**
 * The public API: {@link io.porterbench.BenchDict}, {@link io.porterbench.Benchmarker},
 * {@link io.porterbench.IterBench}, the timers and the toggles.
 */
package io.porterbench;
