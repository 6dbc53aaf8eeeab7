package io.porterbench.dashboard.plot;

import java.util.List;

/**
 * Memory over samples, in MB (bytes / 1024²): the process RSS, the JVM heap used (runs
 * written by porter-bench), and the peak RSS seen by the poller (only at samples where it
 * is above 0). Samples are ordered by their crono counter within each iteration,
 * consecutive repeats collapsed by {@link Clusters#find} on RSS, iterations concatenated;
 * labels {@code <iteration>_<step>}.
 *
 * @param title the chart title (the benchmarker's name)
 * @param series RSS, then heap and peak when the run has them
 */
public record MemoryChart(String title, List<ChartSeries> series) {

	/** The name of the RSS line. */
	public static final String RSS = "RSS (MB)";

	/** The name of the heap line. */
	public static final String HEAP = "Heap used (MB)";

	/** The name of the peak line. */
	public static final String PEAK = "Peak RSS (MB)";

	public MemoryChart {
		series = List.copyOf(series);
	}

	/**
	 * This chart with every line downsampled.
	 * @param maxPoints the most points per line
	 * @return a new chart
	 */
	public MemoryChart downsample(int maxPoints) {
		return new MemoryChart(this.title, this.series.stream().map((s) -> s.downsample(maxPoints)).toList());
	}

}
