/**
 * Statistics of steps: exact figures over retained values and constant-space accumulators
 * over all iterations.
 */
package io.porterbench.summary;
