package io.porterbench.dashboard.plot;

/**
 * The chronological call sequence: every call of every iteration except {@code GLOBAL},
 * ordered by its crono counter, consecutive repeats collapsed by {@link Clusters#find},
 * iterations concatenated; x the sequential index, y the call's duration in seconds,
 * labels {@code <iteration>_<step>}.
 *
 * @param title the chart title (the benchmarker's name)
 * @param calls the one line
 */
public record CronoChart(String title, ChartSeries calls) {

	/**
	 * This chart downsampled.
	 * @param maxPoints the most points
	 * @return a new chart
	 */
	public CronoChart downsample(int maxPoints) {
		return new CronoChart(this.title, this.calls.downsample(maxPoints));
	}

}
