package io.porterbench.dashboard.compare;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;

/**
 * Writes runs with the core library on a {@link MockBenchClock}, each step's time drawn
 * from a log-normal distribution with a known median and spread (a seeded {@link Random},
 * so every run is reproducible), plus rare outliers: the noise of a benchmark on a CI
 * machine, with a known truth to check verdicts against.
 */
public final class LogNormalRuns {

	/** The five steps of the pipeline. */
	public static final String[] STEPS = { "load", "parse", "transform", "score", "write" };

	/** Their medians in milliseconds. */
	static final double[] MEDIAN_MILLIS = { 10, 5, 20, 8, 12 };

	/** Their spreads: the standard deviation of the log time, 10% to 20%. */
	static final double[] SIGMA = { 0.10, 0.20, 0.12, 0.15, 0.18 };

	/** How often a step's time is an outlier, 3 to 10 times its draw. */
	static final double OUTLIER_RATE = 0.005;

	private final int iterations;

	private final long seed;

	private final Map<String, Double> factors = new LinkedHashMap<>();

	private String bench = "pipeline";

	private int outlierIteration = -1;

	private String outlierStep;

	private double outlierFactor;

	private boolean leaveOneOpen;

	private LogNormalRuns(int iterations, long seed) {
		this.iterations = iterations;
		this.seed = seed;
	}

	/**
	 * A run to write.
	 * @param iterations closed iterations
	 * @param seed the seed of its random draws
	 * @return a builder
	 */
	public static LogNormalRuns of(int iterations, long seed) {
		return new LogNormalRuns(iterations, seed);
	}

	/**
	 * Names the benchmarker (default {@code pipeline}).
	 * @param name the name
	 * @return this
	 */
	public LogNormalRuns bench(String name) {
		this.bench = name;
		return this;
	}

	/**
	 * Makes a step slower or faster.
	 * @param step the step
	 * @param factor its times are multiplied by this, 1.10 for a 10% slowdown
	 * @return this
	 */
	public LogNormalRuns scale(String step, double factor) {
		this.factors.put(step, factor);
		return this;
	}

	/**
	 * Makes one step of one iteration an extreme outlier.
	 * @param iteration the iteration, from 0
	 * @param step the step
	 * @param factor how many times its draw
	 * @return this
	 */
	public LogNormalRuns outlier(int iteration, String step, double factor) {
		this.outlierIteration = iteration;
		this.outlierStep = step;
		this.outlierFactor = factor;
		return this;
	}

	/**
	 * Leaves one more iteration open when saving, whose first step takes an hour.
	 * @return this
	 */
	public LogNormalRuns withOpenIteration() {
		this.leaveOneOpen = true;
		return this;
	}

	/**
	 * Runs the benchmarker and saves it.
	 * @param root the folder of runs
	 * @return the new run folder
	 */
	public Path writeTo(Path root) {
		Random random = new Random(this.seed);
		MockBenchClock clock = new MockBenchClock();
		BenchDict dict = BenchDict.builder().root(root).clock(clock).retainedIterations(this.iterations + 1).build();
		try {
			Benchmarker benchmarker = dict.get(this.bench);
			for (int i = 0; i < this.iterations; i++) {
				benchmarker.gstep();
				for (int s = 0; s < STEPS.length; s++) {
					double millis = MEDIAN_MILLIS[s] * Math.exp(SIGMA[s] * random.nextGaussian())
							* this.factors.getOrDefault(STEPS[s], 1.0);
					if (random.nextDouble() < OUTLIER_RATE) {
						millis *= 3 + 7 * random.nextDouble();
					}
					if (i == this.outlierIteration && STEPS[s].equals(this.outlierStep)) {
						millis *= this.outlierFactor;
					}
					clock.addNanos(Math.round(millis * 1e6));
					benchmarker.step(STEPS[s]);
				}
				benchmarker.gstop();
			}
			if (this.leaveOneOpen) {
				benchmarker.gstep();
				clock.addNanos(3_600_000_000_000L);
				benchmarker.step(STEPS[0]);
			}
			return dict.save();
		}
		finally {
			dict.close();
		}
	}

}
