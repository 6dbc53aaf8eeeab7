/**
 * What the four plots of a benchmarker show (times per iteration, bars, chronological
 * calls, memory), the downsampling that keeps large runs fast, and their headless PNG
 * rendering with JFreeChart.
 */
package io.porterbench.dashboard.plot;
