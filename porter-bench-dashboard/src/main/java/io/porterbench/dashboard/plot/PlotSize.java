package io.porterbench.dashboard.plot;

/**
 * The size of a PNG plot, as the original's {@code generate_plots.py} saves it: a figure
 * size in inches at 150 dpi.
 *
 * @param widthInches the figure width
 * @param heightInches the figure height
 */
public record PlotSize(double widthInches, double heightInches) {

	/** The resolution of the original's PNG files. */
	public static final int DPI = 150;

	/**
	 * The points per inch that fonts and lines are laid out in before scaling to
	 * {@link #DPI}.
	 */
	static final int LAYOUT_DPI = 100;

	/** {@code <name>_times.png}: 14 x 5 in. */
	public static final PlotSize TIMES = new PlotSize(14, 5);

	/** {@code <name>_bars.png}: 18 x 6 in. */
	public static final PlotSize BARS = new PlotSize(18, 6);

	/** {@code <name>_crono.png}: 16 x 5 in. */
	public static final PlotSize CRONO = new PlotSize(16, 5);

	/** {@code <name>_memory.png}: 16 x 5 in. */
	public static final PlotSize MEMORY = new PlotSize(16, 5);

	/**
	 * The image width.
	 * @return pixels at {@link #DPI}
	 */
	public int widthPixels() {
		return (int) Math.round(this.widthInches * DPI);
	}

	/**
	 * The image height.
	 * @return pixels at {@link #DPI}
	 */
	public int heightPixels() {
		return (int) Math.round(this.heightInches * DPI);
	}

	double layoutWidth() {
		return this.widthInches * LAYOUT_DPI;
	}

	double layoutHeight() {
		return this.heightInches * LAYOUT_DPI;
	}

	double scale() {
		return (double) DPI / LAYOUT_DPI;
	}

}
