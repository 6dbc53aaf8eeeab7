/**
 * Background jobs benchmarked with the plain Java API: a training loop with
 * {@code IterBench} and memory tracking, and a data pipeline that auto-saves, as in the
 * Python original's example.
 */
package io.porterbench.demo.jobs;
