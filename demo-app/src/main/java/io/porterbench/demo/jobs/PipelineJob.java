package io.porterbench.demo.jobs;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.Iteration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Twelve rounds of load, normalise, compute, postprocess: the {@code pipeline}
 * benchmarker of the original's {@code example.py}, saving itself every four iterations.
 *
 * <p>
 * What it shows:
 * <ul>
 * <li>The hand-written API: {@code bench.iteration()} is {@code gstep()}, and closing it
 * is {@code gstop()}; each {@code step(topic)} marks the end of a section and records the
 * time since the previous mark.</li>
 * <li>{@code setSaveOnGstop(4)}: a background writer saves the run files after iterations
 * 4, 8 and 12, while the application keeps running. The dashboard reads saved runs, so
 * {@code pipeline} appears under the current run there within a second of startup, long
 * before any shutdown.</li>
 * </ul>
 *
 * <p>
 * How to look at it: the files
 * {@code TICTOC_PERFORMANCE/<run>/pipeline_STEP_DICT_DATA.json} and its {@code _SUMMARY}
 * sibling (under {@code demo-app/} when started with Maven), or the dashboard's list of
 * runs.
 */
@Component
public class PipelineJob {

	/** The benchmarker's name. */
	public static final String BENCH = "pipeline";

	static final int ITERATIONS = 12;

	static final int SAVE_EVERY = 4;

	static final int ROWS = 400;

	static final int COLUMNS = 60;

	static final int POWER_ITERATIONS = 60;

	private static final Log logger = LogFactory.getLog(PipelineJob.class);

	private final BenchDict benchDict;

	PipelineJob(BenchDict benchDict) {
		this.benchDict = benchDict;
	}

	/**
	 * Runs the twelve iterations; returns early when the thread is interrupted.
	 */
	public void run() {
		Benchmarker bench = this.benchDict.get(BENCH).setSaveOnGstop(SAVE_EVERY);
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < ITERATIONS; i++) {
			try (Iteration iteration = bench.iteration()) {
				double[][] data = load(random);
				bench.step("load");
				normalise(data);
				bench.step("normalise");
				double[] direction = new double[COLUMNS];
				double sigma = largestSingularValue(data, direction);
				bench.step("compute");
				int[] top = topRows(data, direction, 5);
				bench.step("postprocess");
				logger.debug("pipeline iteration " + i + ": sigma " + sigma + ", top rows " + Arrays.toString(top));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		logger.info("Pipeline done: " + bench.iterationCount() + " iterations, saved every " + SAVE_EVERY + " to "
				+ bench.runDirectory());
	}

	/**
	 * Reads a chunk of data; the short wait stands in for the disk or network the
	 * original's example sleeps for.
	 */
	private double[][] load(SplittableRandom random) throws InterruptedException {
		TimeUnit.MILLISECONDS.sleep(10 + random.nextInt(20));
		double[][] data = new double[ROWS][COLUMNS];
		for (double[] row : data) {
			for (int c = 0; c < COLUMNS; c++) {
				row[c] = random.nextGaussian() * (1 + c % 5) + c;
			}
		}
		return data;
	}

	/** Scales every column to mean 0 and standard deviation 1. */
	private static void normalise(double[][] data) {
		for (int c = 0; c < COLUMNS; c++) {
			double sum = 0;
			double squares = 0;
			for (double[] row : data) {
				sum += row[c];
				squares += row[c] * row[c];
			}
			double mean = sum / data.length;
			double std = Math.sqrt(Math.max(squares / data.length - mean * mean, 1e-12));
			for (double[] row : data) {
				row[c] = (row[c] - mean) / std;
			}
		}
	}

	/**
	 * The largest singular value of the data, by power iteration on its Gram matrix (the
	 * original takes an SVD).
	 * @param data the normalised data
	 * @param direction receives the matching right singular vector
	 * @return the largest singular value
	 */
	private static double largestSingularValue(double[][] data, double[] direction) {
		double[][] gram = new double[COLUMNS][COLUMNS];
		for (double[] row : data) {
			for (int i = 0; i < COLUMNS; i++) {
				for (int j = 0; j < COLUMNS; j++) {
					gram[i][j] += row[i] * row[j];
				}
			}
		}
		Arrays.fill(direction, 1 / Math.sqrt(COLUMNS));
		double eigenvalue = 0;
		double[] next = new double[COLUMNS];
		for (int k = 0; k < POWER_ITERATIONS; k++) {
			for (int i = 0; i < COLUMNS; i++) {
				double sum = 0;
				for (int j = 0; j < COLUMNS; j++) {
					sum += gram[i][j] * direction[j];
				}
				next[i] = sum;
			}
			eigenvalue = Math.sqrt(Arrays.stream(next).map((v) -> v * v).sum());
			for (int i = 0; i < COLUMNS; i++) {
				direction[i] = next[i] / eigenvalue;
			}
		}
		return Math.sqrt(eigenvalue);
	}

	/** The rows that project furthest onto the direction, largest first. */
	private static int[] topRows(double[][] data, double[] direction, int count) {
		double[] projection = new double[data.length];
		for (int r = 0; r < data.length; r++) {
			for (int c = 0; c < COLUMNS; c++) {
				projection[r] += data[r][c] * direction[c];
			}
		}
		return IntStream.range(0, data.length)
			.boxed()
			.sorted(Comparator.comparingDouble((Integer r) -> -Math.abs(projection[r])))
			.limit(count)
			.mapToInt(Integer::intValue)
			.toArray();
	}

}
