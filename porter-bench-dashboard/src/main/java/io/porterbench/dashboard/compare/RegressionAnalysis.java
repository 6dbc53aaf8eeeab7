package io.porterbench.dashboard.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.commons.statistics.inference.MannWhitneyUTest;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedIteration;

/**
 * Decides, step by step, whether a benchmarker got slower or faster, from the
 * per-iteration step times of its DATA files (an iteration's value of a step is the sum
 * of its calls, as saved in {@code absolutes}).
 *
 * <p>
 * Per step: the medians of both sides, {@code change = newMedian / baseMedian - 1}, the
 * Hodges-Lehmann confidence interval of that change at level {@code 1 - alpha}, and the
 * two-sided p-value of Apache Commons Statistics' {@link MannWhitneyUTest}. A step is
 * {@link Verdict#REGRESSED} when {@code p < alpha} and {@code change >= threshold},
 * {@link Verdict#IMPROVED} when {@code p < alpha} and {@code change <= -threshold},
 * {@link Verdict#INSUFFICIENT} when a side has fewer than the minimum iterations,
 * {@link Verdict#UNCHANGED} otherwise. Ranks and medians make one extreme iteration count
 * as one iteration, whatever its size. Open iterations ({@code STOP_TIME} 0) are left
 * out.
 */
public final class RegressionAnalysis {

	/** The step that holds each iteration's total. */
	public static final String GLOBAL = "GLOBAL";

	/**
	 * Keeps a change of exactly the threshold (0.0499999 for 0.0100 to 0.0105 s) a change
	 * of the threshold.
	 */
	private static final double TOLERANCE = 1e-9;

	private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults();

	private RegressionAnalysis() {
	}

	/**
	 * Compares one benchmarker.
	 * @param name the benchmarker
	 * @param base its records in the baseline's runs (one, or several pooled)
	 * @param candidate its record in the new run
	 * @param options alpha, threshold and minimum iterations
	 * @return one comparison per step of either side: the baseline's steps in order, then
	 * the new run's others, {@code GLOBAL} last
	 */
	public static BenchComparison compareBench(String name, List<BenchRecord> base, BenchRecord candidate,
			CompareOptions options) {
		Map<String, Samples> before = samples(base);
		Map<String, Samples> after = samples(List.of(candidate));
		List<String> steps = new ArrayList<>(before.keySet());
		after.keySet().stream().filter((step) -> !before.containsKey(step)).forEach(steps::add);
		if (steps.remove(GLOBAL)) {
			steps.add(GLOBAL);
		}
		// Steps are independent, and a step of 100,000 iterations a side takes a
		// noticeable part of a second.
		List<StepComparison> comparisons = steps.parallelStream().map((step) -> {
			Samples x = before.get(step);
			Samples y = after.get(step);
			return compareStep(step, (x != null) ? x.values() : null, (y != null) ? y.values() : null, options);
		}).toList();
		return new BenchComparison(name, comparisons);
	}

	/**
	 * Compares the per-iteration times of one step.
	 * @param step the step's name
	 * @param base the baseline's times in seconds, or {@code null} when the baseline does
	 * not have the step
	 * @param candidate the new run's times in seconds, or {@code null} when the new run
	 * does not have the step
	 * @param options alpha, threshold and minimum iterations
	 * @return the comparison; the arrays are not modified
	 */
	public static StepComparison compareStep(String step, double[] base, double[] candidate, CompareOptions options) {
		if (base == null && candidate == null) {
			throw new IllegalArgumentException("Step '" + step + "' has times on neither side");
		}
		if (base == null) {
			return new StepComparison(step, Verdict.ADDED, 0, candidate.length, null, median(sorted(candidate)), null,
					null, null, null);
		}
		if (candidate == null) {
			return new StepComparison(step, Verdict.REMOVED, base.length, 0, median(sorted(base)), null, null, null,
					null, null);
		}
		double[] x = sorted(base);
		double[] y = sorted(candidate);
		Double baseMedian = median(x);
		Double newMedian = median(y);
		if (x.length < options.minIterations() || y.length < options.minIterations()) {
			return new StepComparison(step, Verdict.INSUFFICIENT, x.length, y.length, baseMedian, newMedian, null, null,
					null, null);
		}
		double p = TEST.test(x, y).getPValue();
		if (Double.isNaN(p)) {
			// Every time equal on both sides: nothing tells them apart.
			p = 1.0;
		}
		if (baseMedian > 0) {
			double change = newMedian / baseMedian - 1;
			double[] interval = ShiftInterval.ofChange(x, y, options.alpha());
			return new StepComparison(step, verdict(p, change, options), x.length, y.length, baseMedian, newMedian,
					change, interval[0], interval[1], p);
		}
		// No ratio to a median of 0: growing from it is a regression of any size, staying
		// at 0 is none.
		Verdict verdict = (p < options.alpha() && newMedian > baseMedian) ? Verdict.REGRESSED : Verdict.UNCHANGED;
		return new StepComparison(step, verdict, x.length, y.length, baseMedian, newMedian, null, null, null, p);
	}

	private static Verdict verdict(double p, double change, CompareOptions options) {
		if (!(p < options.alpha())) {
			return Verdict.UNCHANGED;
		}
		if (change >= options.threshold() - TOLERANCE) {
			return Verdict.REGRESSED;
		}
		if (change <= -options.threshold() + TOLERANCE) {
			return Verdict.IMPROVED;
		}
		return Verdict.UNCHANGED;
	}

	/**
	 * The per-iteration times of every step, over the closed iterations of the records in
	 * order.
	 */
	private static Map<String, Samples> samples(List<BenchRecord> records) {
		int capacity = records.stream().mapToInt((record) -> record.iterations().size()).sum();
		StepTimes steps = new StepTimes(capacity);
		for (BenchRecord record : records) {
			for (SavedIteration iteration : record.iterations()) {
				if (!iteration.isOpen()) {
					steps.add(iteration.absolutes());
				}
			}
		}
		return steps.samples;
	}

	private static double[] sorted(double[] values) {
		double[] copy = values.clone();
		DoubleSort.sort(copy);
		return copy;
	}

	private static Double median(double[] sorted) {
		int n = sorted.length;
		if (n == 0) {
			return null;
		}
		return ((n & 1) == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/**
	 * Adds each iteration's step times to the samples of their steps. Iterations list
	 * their steps in the same order with the same (shared) names, so a step is found by
	 * its position, and looked up by name only where that changes.
	 */
	private static final class StepTimes implements BiConsumer<String, Double> {

		final Map<String, Samples> samples = new LinkedHashMap<>();

		private final int capacity;

		private String[] names = new String[8];

		private Samples[] byPosition = new Samples[8];

		private int position;

		StepTimes(int capacity) {
			this.capacity = capacity;
		}

		void add(Map<String, Double> absolutes) {
			this.position = 0;
			absolutes.forEach(this);
		}

		@Override
		public void accept(String step, Double seconds) {
			int at = this.position++;
			if (seconds == null || seconds.isNaN()) {
				return;
			}
			if (at == this.names.length) {
				this.names = Arrays.copyOf(this.names, at * 2);
				this.byPosition = Arrays.copyOf(this.byPosition, at * 2);
			}
			if (this.names[at] != step) {
				this.names[at] = step;
				this.byPosition[at] = this.samples.computeIfAbsent(step, (name) -> new Samples(this.capacity));
			}
			this.byPosition[at].add(seconds);
		}

	}

	/**
	 * A growable array of seconds, so that 100,000 iterations cost one array per step,
	 * not 100,000 boxes.
	 */
	private static final class Samples {

		private double[] values;

		private int size;

		Samples(int capacity) {
			this.values = new double[Math.max(capacity, 1)];
		}

		void add(double value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		double[] values() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
