package io.porterbench.dashboard.plot;

/**
 * Picks the points of a long line that keep its visual shape, so that runs of 100,000
 * iterations draw quickly in the browser and in PNG files.
 *
 * <p>
 * Uses Largest-Triangle-Three-Buckets (Sveinn Steinarsson, 2013): the first and last
 * points are kept, the others are split into equal buckets, and from each bucket the
 * point forming the largest triangle with the previously kept point and the mean of the
 * next bucket is kept. Spikes (the outliers a benchmark run is read for) survive, unlike
 * with averaging or striding.
 */
public final class Downsampler {

	/**
	 * The fewest points a downsampled line may have: its two ends and one point between
	 * them.
	 */
	public static final int MIN_POINTS = 3;

	private Downsampler() {
	}

	/**
	 * The indices of the points to keep.
	 * @param x the x values, ascending
	 * @param y the y values, as many as x
	 * @param maxPoints the most points to keep, at least {@value #MIN_POINTS}
	 * @return ascending indices into x and y; all of them when there are no more than
	 * {@code maxPoints}
	 */
	public static int[] lttb(double[] x, double[] y, int maxPoints) {
		if (maxPoints < MIN_POINTS) {
			throw new IllegalArgumentException("maxPoints must be at least " + MIN_POINTS + ", was " + maxPoints);
		}
		if (x.length != y.length) {
			throw new IllegalArgumentException(
					"x and y must have the same length, were " + x.length + " and " + y.length);
		}
		int size = x.length;
		if (size <= maxPoints) {
			int[] all = new int[size];
			for (int i = 0; i < size; i++) {
				all[i] = i;
			}
			return all;
		}
		int[] kept = new int[maxPoints];
		double bucketSize = (double) (size - 2) / (maxPoints - 2);
		int previous = 0;
		kept[0] = 0;
		for (int bucket = 0; bucket < maxPoints - 2; bucket++) {
			int start = (int) Math.floor(bucket * bucketSize) + 1;
			int end = (int) Math.floor((bucket + 1) * bucketSize) + 1;
			int nextStart = end;
			int nextEnd = Math.min((int) Math.floor((bucket + 2) * bucketSize) + 1, size);
			double meanX = 0;
			double meanY = 0;
			for (int i = nextStart; i < nextEnd; i++) {
				meanX += x[i];
				meanY += y[i];
			}
			int nextCount = nextEnd - nextStart;
			meanX /= nextCount;
			meanY /= nextCount;
			double largestArea = -1;
			int chosen = start;
			for (int i = start; i < end; i++) {
				double area = Math
					.abs((x[previous] - meanX) * (y[i] - y[previous]) - (x[previous] - x[i]) * (meanY - y[previous]));
				if (area > largestArea) {
					largestArea = area;
					chosen = i;
				}
			}
			kept[bucket + 1] = chosen;
			previous = chosen;
		}
		kept[maxPoints - 1] = size - 1;
		return kept;
	}

}
