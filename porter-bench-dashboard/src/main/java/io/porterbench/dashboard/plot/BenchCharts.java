package io.porterbench.dashboard.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;

import io.porterbench.record.BenchRecord;
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
		List<SavedIteration> iterations = bench.iterations();
		TimesLines lines = new TimesLines(iterations.size());
		for (int i = 0; i < iterations.size(); i++) {
			lines.add(i, iterations.get(i));
		}
		return new TimesChart(bench.name(), lines.build());
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
		List<SavedIteration> iterations = bench.iterations();
		CronoLine line = new CronoLine(bench.name(), iterations.size());
		for (int i = 0; i < iterations.size(); i++) {
			line.add(i, iterations.get(i));
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

	/** The times chart's lines, one per step, fed each iteration's absolutes in turn. */
	private static final class TimesLines implements ObjDoubleConsumer<String> {

		private final Map<String, SeriesBuilder> lines = new LinkedHashMap<>();

		// a step usually runs in every iteration: room for all of them at once
		private final Function<String, SeriesBuilder> newLine;

		private int iteration;

		TimesLines(int iterations) {
			this.newLine = (step) -> new SeriesBuilder(step, iterations);
		}

		void add(int index, SavedIteration iteration) {
			this.iteration = index;
			iteration.forEachAbsolute(this);
		}

		@Override
		public void accept(String step, double seconds) {
			this.lines.computeIfAbsent(step, this.newLine).add(this.iteration, seconds);
		}

		List<ChartSeries> build() {
			return this.lines.values().stream().map(SeriesBuilder::build).toList();
		}

	}

	/**
	 * The crono line, built one iteration at a time in buffers reused across iterations:
	 * a run of 100,000 iterations has hundreds of thousands of calls, and lists, records
	 * and comparators per iteration made this the slowest part of the dashboard's first
	 * answer.
	 */
	private static final class CronoLine implements Clusters.ClusterSink {

		private final SeriesBuilder line;

		private final CallBuffer calls = new CallBuffer();

		private final int iterations;

		private int iteration;

		CronoLine(String name, int iterations) {
			this.line = new SeriesBuilder(name);
			this.iterations = iterations;
		}

		void add(int index, SavedIteration iteration) {
			this.iteration = index;
			this.calls.collect(iteration);
			Clusters.find(this.calls.names(), this.calls.times(), this.calls.size(), Clusters.CRONO_MAX_LENGTH,
					Clusters.DEFAULT_FILTER, this);
			if (index == 0) {
				// most runs repeat their first iteration's steps: room for all of their
				// points at once, not a line doubled some twenty times
				this.line.reserve((long) this.line.size() * this.iterations);
			}
		}

		@Override
		public void accept(int first, int length, int repeats) {
			String label = Clusters.label(this.calls.names(), first, length, repeats);
			this.line.add(this.line.size(), this.calls.times()[first], this.iteration, label);
		}

		ChartSeries build() {
			return this.line.build();
		}

	}

	/**
	 * One iteration's calls but GLOBAL's, ordered by crono counter (equal counters keep
	 * file order), in arrays grown as needed and reused for the next iteration.
	 */
	private static final class CallBuffer implements SavedIteration.CallVisitor {

		// an insertion sort suits the handful of calls of most iterations, but would be
		// quadratic on the thousands some iterations have
		private static final int INSERTION_SORT_MAX = 32;

		private String[] fileNames = new String[16];

		private double[] fileTimes = new double[16];

		// crono counter in the high half, file position in the low half: unique keys, so
		// any sort of them is stable
		private long[] keys = new long[16];

		private String[] names = new String[16];

		private double[] times = new double[16];

		private int size;

		// calls usually come in crono order: then they need neither a sort nor a copy
		private boolean ordered;

		void collect(SavedIteration iteration) {
			this.size = 0;
			this.ordered = true;
			// the loaded arrays, read in place: no list or record per call
			iteration.forEachCall(this);
			if (!this.ordered) {
				sort();
			}
		}

		@Override
		public void call(String step, double seconds, int cronoCounter, Object extra) {
			if (StepRow.GLOBAL.equals(step)) {
				return;
			}
			if (this.size == this.fileNames.length) {
				grow();
			}
			this.fileNames[this.size] = step;
			this.fileTimes[this.size] = seconds;
			long key = ((long) cronoCounter << 32) | this.size;
			this.ordered &= this.size == 0 || key > this.keys[this.size - 1];
			this.keys[this.size] = key;
			this.size++;
		}

		private void grow() {
			int capacity = this.size * 2;
			this.fileNames = Arrays.copyOf(this.fileNames, capacity);
			this.fileTimes = Arrays.copyOf(this.fileTimes, capacity);
			this.keys = Arrays.copyOf(this.keys, capacity);
			this.names = new String[capacity];
			this.times = new double[capacity];
		}

		private void sort() {
			if (this.size <= INSERTION_SORT_MAX) {
				insertionSort(this.keys, this.size);
			}
			else {
				Arrays.sort(this.keys, 0, this.size);
			}
			for (int k = 0; k < this.size; k++) {
				int at = (int) this.keys[k];
				this.names[k] = this.fileNames[at];
				this.times[k] = this.fileTimes[at];
			}
		}

		private static void insertionSort(long[] keys, int size) {
			for (int k = 1; k < size; k++) {
				long key = keys[k];
				int j = k - 1;
				while (j >= 0 && keys[j] > key) {
					keys[j + 1] = keys[j];
					j--;
				}
				keys[j + 1] = key;
			}
		}

		String[] names() {
			return this.ordered ? this.fileNames : this.names;
		}

		double[] times() {
			return this.ordered ? this.fileTimes : this.times;
		}

		int size() {
			return this.size;
		}

	}

	private record Sample(String step, SavedMemorySample sample) {

		double rss() {
			return (this.sample.totalMemory() != null) ? this.sample.totalMemory() : 0;
		}

	}

	private static final class SeriesBuilder {

		private static final int MAX_POINTS = Integer.MAX_VALUE - 8;

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

		/** Makes room for this many points, within what an array can hold. */
		void reserve(long points) {
			int capacity = (int) Math.min(points, MAX_POINTS);
			if (capacity > this.x.length) {
				resize(capacity);
			}
		}

		private void grow() {
			resize((int) Math.min(this.size * 2L, MAX_POINTS));
		}

		private void resize(int capacity) {
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

		private static double[] trimmed(double[] values, int size) {
			return (values.length == size) ? values : Arrays.copyOf(values, size);
		}

		private static int[] trimmed(int[] values, int size) {
			return (values.length == size) ? values : Arrays.copyOf(values, size);
		}

		private static String[] trimmed(String[] values, int size) {
			return (values.length == size) ? values : Arrays.copyOf(values, size);
		}

		/**
		 * The series, holding this builder's arrays (trimmed when not full): the builder
		 * is not used after.
		 */
		ChartSeries build() {
			double[] xs = trimmed(this.x, this.size);
			double[] ys = trimmed(this.y, this.size);
			if (!this.labelled) {
				return ChartSeries.adopting(this.name, xs, ys, null, null);
			}
			return ChartSeries.adopting(this.name, xs, ys, trimmed(this.iterations, this.size),
					trimmed(this.steps, this.size));
		}

	}

}
