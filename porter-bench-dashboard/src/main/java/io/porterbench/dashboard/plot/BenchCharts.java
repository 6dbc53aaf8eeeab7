package io.porterbench.dashboard.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedCall;
import io.porterbench.record.SavedIteration;
import io.porterbench.record.SavedMemoryIteration;
import io.porterbench.record.SavedMemorySample;

/**
 * Builds the data of the four plots of one saved benchmarker; the browser and the PNG
 * renderer draw the same data.
 */
public final class BenchCharts {

	private static final double MB = 1024.0 * 1024.0;

	private BenchCharts() {
	}

	/**
	 * Times per iteration.
	 * @param bench the saved benchmarker
	 * @return one line per step
	 */
	public static TimesChart times(BenchRecord bench) {
		Map<String, SeriesBuilder> lines = new LinkedHashMap<>();
		List<SavedIteration> iterations = bench.iterations();
		// a step usually runs in every iteration: room for all of them at once
		Function<String, SeriesBuilder> newLine = (step) -> new SeriesBuilder(step, iterations.size());
		for (int i = 0; i < iterations.size(); i++) {
			int index = i;
			iterations.get(i)
				.absolutes()
				.forEach((step, seconds) -> lines.computeIfAbsent(step, newLine).add(index, seconds));
		}
		return new TimesChart(bench.name(), lines.values().stream().map(SeriesBuilder::build).toList());
	}

	/**
	 * Bars of mean and quantile-filtered mean.
	 * @param bench the saved benchmarker
	 * @param runLabel the run's label, for the title
	 * @return the bars, GLOBAL last
	 */
	public static BarsChart bars(BenchRecord bench, String runLabel) {
		return new BarsChart(runLabel + "_bar", StepTable.of(bench));
	}

	/**
	 * The chronological call sequence.
	 * @param bench the saved benchmarker
	 * @return one line of call durations
	 */
	public static CronoChart crono(BenchRecord bench) {
		SeriesBuilder line = new SeriesBuilder(bench.name());
		List<SavedIteration> iterations = bench.iterations();
		for (int i = 0; i < iterations.size(); i++) {
			List<Call> calls = new ArrayList<>();
			iterations.get(i).calls().forEach((step, list) -> {
				if (!StepRow.GLOBAL.equals(step)) {
					list.forEach((call) -> calls.add(new Call(step, call)));
				}
			});
			calls.sort(Comparator.comparingInt((Call call) -> call.call().cronoCounter()));
			for (Clusters.Cluster<Call> cluster : Clusters.find(calls, Call::step, (call) -> call.call().time(),
					Clusters.CRONO_MAX_LENGTH, Clusters.DEFAULT_FILTER)) {
				line.add(line.size(), cluster.first().call().time(), i, cluster.label());
			}
		}
		return new CronoChart(bench.name(), line.build());
	}

	/**
	 * Memory over samples.
	 * @param bench the saved benchmarker
	 * @return the chart, or empty when the benchmarker has no memory samples
	 */
	public static Optional<MemoryChart> memory(BenchRecord bench) {
		SeriesBuilder rss = new SeriesBuilder(MemoryChart.RSS);
		SeriesBuilder heap = new SeriesBuilder(MemoryChart.HEAP);
		SeriesBuilder peak = new SeriesBuilder(MemoryChart.PEAK);
		int position = 0;
		List<SavedMemoryIteration> iterations = (bench.memory() != null) ? bench.memory() : List.of();
		for (int i = 0; i < iterations.size(); i++) {
			List<Sample> samples = new ArrayList<>();
			iterations.get(i).samples().forEach((step, list) -> list.forEach((s) -> samples.add(new Sample(step, s))));
			samples.sort(Comparator.comparingInt((Sample sample) -> sample.sample().cronoCounter()));
			for (Clusters.Cluster<Sample> cluster : Clusters.find(samples, Sample::step, Sample::rss,
					Clusters.MEMORY_MAX_LENGTH, Clusters.DEFAULT_FILTER)) {
				SavedMemorySample sample = cluster.first().sample();
				String label = cluster.label();
				if (sample.totalMemory() != null) {
					rss.add(position, sample.totalMemory() / MB, i, label);
				}
				if (sample.heapUsed() != null) {
					heap.add(position, sample.heapUsed() / MB, i, label);
				}
				if (sample.maxMemory() != null && sample.maxMemory() > 0) {
					peak.add(position, sample.maxMemory() / MB, i, label);
				}
				position++;
			}
		}
		List<ChartSeries> series = new ArrayList<>();
		for (SeriesBuilder builder : List.of(rss, heap, peak)) {
			if (builder.size() > 0) {
				series.add(builder.build());
			}
		}
		return series.isEmpty() ? Optional.empty() : Optional.of(new MemoryChart(bench.name(), series));
	}

	private record Call(String step, SavedCall call) {
	}

	private record Sample(String step, SavedMemorySample sample) {

		double rss() {
			return (this.sample.totalMemory() != null) ? this.sample.totalMemory() : 0;
		}

	}

	private static final class SeriesBuilder {

		private final String name;

		private double[] x;

		private double[] y;

		// allocated by the first point that may carry a label: the times' lines have none
		private int[] iterations;

		private String[] steps;

		private boolean labelled;

		private int size;

		SeriesBuilder(String name) {
			this(name, 16);
		}

		SeriesBuilder(String name, int capacity) {
			this.name = name;
			this.x = new double[Math.max(capacity, 1)];
			this.y = new double[this.x.length];
		}

		void add(double xValue, double yValue) {
			if (this.size == this.x.length) {
				grow();
			}
			this.x[this.size] = xValue;
			this.y[this.size] = yValue;
			if (this.steps != null) {
				this.iterations[this.size] = -1;
			}
			this.size++;
		}

		/**
		 * Adds a point.
		 * @param iteration the iteration of the point's label, or -1 for no label
		 * @param step the step of the point's label, or null for no label
		 */
		void add(double xValue, double yValue, int iteration, String step) {
			if (this.steps == null) {
				this.iterations = new int[this.x.length];
				Arrays.fill(this.iterations, 0, this.size, -1);
				this.steps = new String[this.x.length];
			}
			add(xValue, yValue);
			this.iterations[this.size - 1] = iteration;
			this.steps[this.size - 1] = step;
			this.labelled |= step != null;
		}

		private void grow() {
			int capacity = this.size * 2;
			this.x = Arrays.copyOf(this.x, capacity);
			this.y = Arrays.copyOf(this.y, capacity);
			if (this.steps != null) {
				this.iterations = Arrays.copyOf(this.iterations, capacity);
				this.steps = Arrays.copyOf(this.steps, capacity);
			}
		}

		int size() {
			return this.size;
		}

		ChartSeries build() {
			double[] xs = Arrays.copyOf(this.x, this.size);
			double[] ys = Arrays.copyOf(this.y, this.size);
			if (!this.labelled) {
				return new ChartSeries(this.name, xs, ys);
			}
			return new ChartSeries(this.name, xs, ys, Arrays.copyOf(this.iterations, this.size),
					Arrays.copyOf(this.steps, this.size));
		}

	}

}
