/**
 * JMH benchmarks of porter-bench's own overhead, each measured beside its anchor in the
 * same run.
 */
package io.porterbench.benchmarks;
