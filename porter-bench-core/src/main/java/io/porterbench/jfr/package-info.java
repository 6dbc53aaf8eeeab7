/**
 * Java Flight Recorder recordings opened as porter-bench runs: the
 * {@code porterbench.Step} and {@code porterbench.Iteration} events of a recording become
 * a run folder that the loader, the dashboard and {@code diff} read like any other run.
 */
package io.porterbench.jfr;
