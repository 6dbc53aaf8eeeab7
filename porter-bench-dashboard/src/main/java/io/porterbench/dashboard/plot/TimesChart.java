package io.porterbench.dashboard.plot;

import java.util.List;

/**
 * Times per iteration: one line per step (user steps, {@code gstop}, memory steps and
 * {@code GLOBAL}, not stacked), x the iteration's position in the run, y the step's
 * per-iteration total in seconds. An iteration in which a step did not run has no point
 * on that step's line.
 *
 * @param title the chart title (the benchmarker's name)
 * @param series one line per step, in the DATA file's order
 */
public record TimesChart(String title, List<ChartSeries> series) {

	public TimesChart {
		series = List.copyOf(series);
	}

	/**
	 * This chart with every line downsampled.
	 * @param maxPoints the most points per line
	 * @return a new chart
	 */
	public TimesChart downsample(int maxPoints) {
		return new TimesChart(this.title, this.series.stream().map((s) -> s.downsample(maxPoints)).toList());
	}

}
