package io.porterbench.dashboard.plot;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One named line of a chart: points ordered by x, and optionally a label per point (the
 * original's {@code <iteration>_<step>} tick labels).
 */
public final class ChartSeries {

	private final String name;

	private final double[] x;

	private final double[] y;

	private final int[] labelPrefixes;

	private final String[] labelNames;

	private final int originalSize;

	/**
	 * A series without labels.
	 * @param name the legend name
	 * @param x the x values, ascending
	 * @param y the y values, as many as x
	 */
	public ChartSeries(String name, double[] x, double[] y) {
		this(name, x.clone(), y.clone(), null, null, x.length);
	}

	/**
	 * A series with one label per point.
	 * @param name the legend name
	 * @param x the x values, ascending
	 * @param y the y values, as many as x
	 * @param labels one label per point, or empty
	 */
	public ChartSeries(String name, double[] x, double[] y, List<String> labels) {
		this(name, x.clone(), y.clone(), null, labels.isEmpty() ? null : labels.toArray(String[]::new), x.length);
	}

	/**
	 * A series whose point labels are {@code <prefix>_<name>}, built only when asked for:
	 * a run of 100,000 iterations has hundreds of thousands of points, and only the few
	 * kept after downsampling are ever shown.
	 * @param name the legend name
	 * @param x the x values, ascending
	 * @param y the y values, as many as x
	 * @param labelPrefixes per point, the number before the underscore (the iteration)
	 * @param labelNames per point, the text after the underscore (the step)
	 */
	public ChartSeries(String name, double[] x, double[] y, int[] labelPrefixes, String[] labelNames) {
		this(name, x.clone(), y.clone(), labelPrefixes.clone(), labelNames.clone(), x.length);
	}

	/**
	 * A series that takes the given arrays as they are, without the copies the public
	 * constructors make: for the chart builders, whose arrays of a large run are tens of
	 * megabytes that nothing else holds.
	 * @param name the legend name
	 * @param x the x values, ascending
	 * @param y the y values, as many as x
	 * @param labelPrefixes per point, the iteration, or {@code null} with no labels
	 * @param labelNames per point, the step, or {@code null} with no labels
	 * @return the series
	 */
	static ChartSeries adopting(String name, double[] x, double[] y, int[] labelPrefixes, String[] labelNames) {
		return new ChartSeries(name, x, y, labelPrefixes, labelNames, x.length);
	}

	private ChartSeries(String name, double[] x, double[] y, int[] labelPrefixes, String[] labelNames,
			int originalSize) {
		Objects.requireNonNull(name, "name");
		boolean labelled = labelNames != null;
		if (x.length != y.length || (labelled && labelNames.length != x.length)
				|| (labelPrefixes != null && labelPrefixes.length != x.length)) {
			throw new IllegalArgumentException("x, y and labels must have the same length, were " + x.length + ", "
					+ y.length + " and " + (labelled ? labelNames.length : 0));
		}
		this.name = name;
		this.x = x;
		this.y = y;
		this.labelPrefixes = labelPrefixes;
		this.labelNames = labelNames;
		this.originalSize = originalSize;
	}

	/**
	 * The legend name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The x values.
	 * @return a copy
	 */
	public double[] x() {
		return this.x.clone();
	}

	/**
	 * The y values.
	 * @return a copy
	 */
	public double[] y() {
		return this.y.clone();
	}

	/**
	 * The point labels.
	 * @return one per point, or empty
	 */
	public List<String> labels() {
		if (this.labelNames == null) {
			return List.of();
		}
		return new AbstractList<>() {

			@Override
			public String get(int index) {
				return label(index);
			}

			@Override
			public int size() {
				return ChartSeries.this.labelNames.length;
			}

		};
	}

	private String label(int index) {
		return (this.labelPrefixes != null) ? this.labelPrefixes[index] + "_" + this.labelNames[index]
				: this.labelNames[index];
	}

	/**
	 * The number of points.
	 * @return the size
	 */
	public int size() {
		return this.x.length;
	}

	/**
	 * The number of points before downsampling.
	 * @return the size of the full series
	 */
	public int originalSize() {
		return this.originalSize;
	}

	/**
	 * Whether points were dropped by {@link #downsample(int)}.
	 * @return true when this series shows fewer points than it had
	 */
	public boolean isDownsampled() {
		return this.originalSize > this.x.length;
	}

	/**
	 * This series with at most the given number of points, chosen by
	 * {@link Downsampler#lttb}.
	 * @param maxPoints at least 3
	 * @return this series when it is small enough, or a downsampled copy
	 */
	public ChartSeries downsample(int maxPoints) {
		int[] kept = Downsampler.lttb(this.x, this.y, maxPoints);
		if (kept.length == this.x.length) {
			return this;
		}
		double[] keptX = new double[kept.length];
		double[] keptY = new double[kept.length];
		String[] keptLabels = (this.labelNames != null) ? new String[kept.length] : null;
		for (int i = 0; i < kept.length; i++) {
			keptX[i] = this.x[kept[i]];
			keptY[i] = this.y[kept[i]];
			if (keptLabels != null) {
				keptLabels[i] = label(kept[i]);
			}
		}
		return new ChartSeries(this.name, keptX, keptY, null, keptLabels, this.originalSize);
	}

	/**
	 * The largest y value.
	 * @return the maximum, or 0 for an empty series
	 */
	public double maxY() {
		return Arrays.stream(this.y).max().orElse(0);
	}

	@Override
	public String toString() {
		return "ChartSeries[" + this.name + ", " + this.x.length + " points]";
	}

}
