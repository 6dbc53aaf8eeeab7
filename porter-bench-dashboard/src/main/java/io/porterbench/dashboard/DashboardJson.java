package io.porterbench.dashboard;

import java.util.List;
import java.util.Map;

import io.porterbench.BenchSummary;
import io.porterbench.dashboard.plot.BarsChart;
import io.porterbench.dashboard.plot.ChartSeries;
import io.porterbench.dashboard.plot.StepRow;

/**
 * The documents of the dashboard's JSON API.
 */
public final class DashboardJson {

	private DashboardJson() {
	}

	/**
	 * {@code GET <path>/api/runs}: the runs under the root, newest first.
	 *
	 * @param root the root folder's name (never its full path)
	 * @param runs the runs
	 * @param live whether the application has a {@code BenchDict} whose live summaries
	 * {@code api/live} serves
	 */
	public record Runs(String root, List<Run> runs, boolean live) {
	}

	/**
	 * One run of the listing.
	 *
	 * @param name the run folder's name, its identifier
	 * @param time the start time from the name (ISO local date-time), or {@code null} for
	 * a foreign name
	 */
	public record Run(String name, String time) {
	}

	/**
	 * {@code GET <path>/api/runs/{run}}: the benchmarkers of a run.
	 *
	 * @param name the run
	 * @param benches its benchmarkers, readable or not
	 * @param problems problems of the run that concern no single benchmarker
	 */
	public record RunDetail(String name, List<BenchItem> benches, List<String> problems) {
	}

	/**
	 * One benchmarker of a run.
	 *
	 * @param name the benchmarker
	 * @param readable whether its data can be shown
	 * @param iterations the iterations in its DATA file
	 * @param memory whether it has memory samples
	 * @param problems what went wrong reading its files
	 */
	public record BenchItem(String name, boolean readable, int iterations, boolean memory, List<String> problems) {
	}

	/**
	 * {@code GET <path>/api/runs/{run}/benches/{bench}}: the four charts and the table of
	 * one benchmarker.
	 *
	 * @param run the run
	 * @param bench the benchmarker
	 * @param iterations the iterations in the DATA file
	 * @param openIterations those of them still open when saved
	 * @param problems what went wrong reading its files
	 * @param times times per iteration
	 * @param bars mean and quantile-filtered mean per step
	 * @param crono the chronological call sequence
	 * @param memory memory over samples, or {@code null} without memory data
	 * @param summary the per-step table
	 * @param gcPauses how many of the slowest iterations overlapped a GC pause, or
	 * {@code null} for a run without GC pause figures (one not imported from a JFR
	 * recording)
	 */
	public record Bench(String run, String bench, int iterations, int openIterations, List<String> problems,
			Chart times, Bars bars, Chart crono, Chart memory, List<StepRow> summary, GcPauseOverlap gcPauses) {
	}

	/**
	 * A line chart.
	 *
	 * @param title the title
	 * @param series the lines
	 */
	public record Chart(String title, List<Series> series) {
	}

	/**
	 * One line.
	 *
	 * @param name the legend name
	 * @param x the x values
	 * @param y the y values
	 * @param labels a label per point, or empty
	 * @param originalSize the points before downsampling
	 */
	public record Series(String name, double[] x, double[] y, List<String> labels, int originalSize) {

		static Series of(ChartSeries series) {
			return new Series(series.name(), series.x(), series.y(), series.labels(), series.originalSize());
		}

	}

	/**
	 * A bar chart in two panels.
	 *
	 * @param title the title
	 * @param steps the steps, GLOBAL last
	 * @param means the mean per step
	 * @param filtered the quantile-filtered mean per step
	 */
	public record Bars(String title, List<String> steps, List<Double> means, List<Double> filtered) {

		static Bars of(BarsChart chart) {
			return new Bars(chart.title(), chart.rows().stream().map(StepRow::step).toList(),
					chart.rows().stream().map(StepRow::mean).toList(),
					chart.rows().stream().map(StepRow::quantileFiltered).toList());
		}

	}

	/**
	 * {@code GET <path>/api/compare}: one benchmarker in two runs, with the verdicts of
	 * {@code diff}.
	 *
	 * @param bench the benchmarker
	 * @param baseline the baseline run's side
	 * @param candidate the candidate run's side
	 * @param verdicts the document of {@code diff --format json} for this benchmarker
	 * (runs named by their names): {@code base}, {@code new}, {@code alpha},
	 * {@code threshold}, {@code regressions}, {@code improvements} and
	 * {@code benchmarkers[0].steps}, each with its verdict, medians, change, interval and
	 * p-value
	 */
	public record Comparison(String bench, Side baseline, Side candidate, Map<String, Object> verdicts) {
	}

	/**
	 * One run of a comparison.
	 *
	 * @param run the run
	 * @param times times per iteration
	 * @param bars mean and quantile-filtered mean per step
	 */
	public record Side(String run, Chart times, Bars bars) {
	}

	/**
	 * {@code GET <path>/api/live}: the summaries of the running application.
	 *
	 * @param available whether the application has a {@code BenchDict}
	 * @param benches one per benchmarker, in order of creation
	 */
	public record Live(boolean available, List<LiveBench> benches) {
	}

	/**
	 * The live summary of one benchmarker.
	 *
	 * @param name the benchmarker
	 * @param iterations closed iterations
	 * @param openIterations iterations open now
	 * @param steps per-step statistics, GLOBAL last
	 * @param memory memory figures, or {@code null}
	 * @param error why the summary could not be taken, or {@code null}
	 */
	public record LiveBench(String name, long iterations, int openIterations, List<StepRow> steps,
			BenchSummary.MemoryStats memory, String error) {
	}

	/**
	 * The body of an error response.
	 *
	 * @param status the HTTP status
	 * @param error what was wrong
	 */
	public record Error(int status, String error) {
	}

}
