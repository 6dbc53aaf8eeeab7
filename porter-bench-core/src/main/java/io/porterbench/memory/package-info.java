/**
 * Memory figures of the running process: resident set size, JVM heap, peak polling, GPU
 * memory and heap class histograms.
 */
package io.porterbench.memory;
