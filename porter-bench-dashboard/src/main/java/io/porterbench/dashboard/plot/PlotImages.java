package io.porterbench.dashboard.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the four plots headless with JFreeChart, at the original's sizes. Lines longer
 * than {@link #MAX_POINTS_PER_LINE} are downsampled first.
 */
public final class PlotImages {

	/** The most points drawn per line in a PNG. */
	public static final int MAX_POINTS_PER_LINE = 4000;

	/**
	 * Below this many points the chronological plots label each x tick
	 * {@code <iteration>_<step>}.
	 */
	static final int MAX_TICK_LABELS = 80;

	private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

	/**
	 * Matplotlib's default colour cycle ({@code tab10}), as the original's lines have and
	 * the page uses.
	 */
	private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
			new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
			new Color(0xbcbd22), new Color(0x7f7f7f) };

	private PlotImages() {
	}

	/**
	 * Times per iteration.
	 * @param chart the data
	 * @return the image, {@link PlotSize#TIMES}
	 */
	public static BufferedImage times(TimesChart chart) {
		XYSeriesCollection dataset = new XYSeriesCollection();
		chart.downsample(MAX_POINTS_PER_LINE).series().forEach((s) -> dataset.addSeries(xySeries(s)));
		NumberAxis x = new NumberAxis("iteration");
		x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		return draw(xyChart(chart.title(), dataset, x, "time (s)"), PlotSize.TIMES);
	}

	/**
	 * The chronological call sequence.
	 * @param chart the data
	 * @param runLabel the legend entry
	 * @return the image, {@link PlotSize#CRONO}
	 */
	public static BufferedImage crono(CronoChart chart, String runLabel) {
		ChartSeries calls = chart.calls().downsample(MAX_POINTS_PER_LINE);
		XYSeriesCollection dataset = new XYSeriesCollection();
		dataset.addSeries(xySeries(new ChartSeries(runLabel, calls.x(), calls.y())));
		return draw(xyChart(chart.title(), dataset, stepAxis(calls), "time (s)"), PlotSize.CRONO);
	}

	/**
	 * Memory over samples.
	 * @param chart the data
	 * @return the image, {@link PlotSize#MEMORY}
	 */
	public static BufferedImage memory(MemoryChart chart) {
		MemoryChart shown = chart.downsample(MAX_POINTS_PER_LINE);
		XYSeriesCollection dataset = new XYSeriesCollection();
		shown.series().forEach((s) -> dataset.addSeries(xySeries(s)));
		ChartSeries longest = shown.series().get(0);
		JFreeChart jfree = xyChart(chart.title(), dataset, stepAxis(longest), "Memory Usage (MB)");
		XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) jfree.getXYPlot().getRenderer();
		for (int i = 0; i < shown.series().size(); i++) {
			if (MemoryChart.PEAK.equals(shown.series().get(i).name())) {
				renderer.setSeriesLinesVisible(i, false);
				renderer.setSeriesShapesVisible(i, true);
				renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
			}
		}
		return draw(jfree, PlotSize.MEMORY);
	}

	/**
	 * Bars of the mean and of the quantile-filtered mean per step, two panels side by
	 * side.
	 * @param chart the data
	 * @return the image, {@link PlotSize#BARS}
	 */
	public static BufferedImage bars(BarsChart chart) {
		PlotSize size = PlotSize.BARS;
		BufferedImage image = new BufferedImage(size.widthPixels(), size.heightPixels(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = prepare(image, size);
		double width = size.layoutWidth();
		double height = size.layoutHeight();
		TextTitle title = new TextTitle(chart.title(), TITLE_FONT);
		double titleHeight = 30;
		title.draw(g2, new Rectangle2D.Double(0, 4, width, titleHeight));
		double panelHeight = height - titleHeight;
		barChart("Means", chart.rows(), false).draw(g2, new Rectangle2D.Double(0, titleHeight, width / 2, panelHeight));
		barChart("Quantile-Filtered Means", chart.rows(), true).draw(g2,
				new Rectangle2D.Double(width / 2, titleHeight, width / 2, panelHeight));
		g2.dispose();
		return image;
	}

	private static JFreeChart barChart(String title, List<StepRow> rows, boolean filtered) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		double[] values = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			StepRow row = rows.get(i);
			values[i] = filtered ? row.quantileFiltered() : row.mean();
			dataset.addValue(values[i], title, row.step());
		}
		CategoryAxis steps = new CategoryAxis();
		steps.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
		NumberAxis seconds = new NumberAxis("time (s)");
		seconds.setUpperMargin(0.12);
		BarRenderer renderer = new StepBarRenderer(rows, values);
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
				new DecimalFormat("0.000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
		renderer.setDefaultItemLabelsVisible(true);
		CategoryPlot plot = new CategoryPlot(dataset, steps, seconds, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		JFreeChart jfree = new JFreeChart(title, TITLE_FONT.deriveFont(14f), plot, false);
		jfree.setBackgroundPaint(Color.WHITE);
		return jfree;
	}

	/**
	 * The colour of a step's bar: black for GLOBAL, else the jet colormap of its value
	 * rescaled over the other steps.
	 * @param rows the steps
	 * @param values the bar heights
	 * @param index the bar
	 * @return the colour
	 */
	static Color barColor(List<StepRow> rows, double[] values, int index) {
		if (rows.get(index).isGlobal()) {
			return Color.BLACK;
		}
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i).isGlobal()) {
				min = Math.min(min, values[i]);
				max = Math.max(max, values[i]);
			}
		}
		double t = (max > min) ? (values[index] - min) / (max - min) : 0.5;
		return jet(t);
	}

	/**
	 * Matplotlib's {@code jet} colormap.
	 * @param t 0 (dark blue) to 1 (dark red)
	 * @return the colour
	 */
	static Color jet(double t) {
		return new Color((float) channel(4 * t - 3), (float) channel(4 * t - 2), (float) channel(4 * t - 1));
	}

	private static double channel(double distance) {
		return Math.max(0, Math.min(1, 1.5 - Math.abs(distance)));
	}

	private static XYSeries xySeries(ChartSeries series) {
		XYSeries xy = new XYSeries(series.name(), false, true);
		double[] x = series.x();
		double[] y = series.y();
		for (int i = 0; i < x.length; i++) {
			xy.add(x[i], y[i], false);
		}
		return xy;
	}

	private static ValueAxis stepAxis(ChartSeries series) {
		if (!series.isDownsampled() && series.size() <= MAX_TICK_LABELS && !series.labels().isEmpty()
				&& contiguous(series.x())) {
			SymbolAxis axis = new SymbolAxis("Step", series.labels().toArray(String[]::new));
			axis.setVerticalTickLabels(true);
			axis.setGridBandsVisible(false);
			return axis;
		}
		NumberAxis axis = new NumberAxis("Step");
		axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		return axis;
	}

	private static boolean contiguous(double[] x) {
		for (int i = 0; i < x.length; i++) {
			if (x[i] != i) {
				return false;
			}
		}
		return true;
	}

	private static JFreeChart xyChart(String title, XYSeriesCollection dataset, ValueAxis x, String yLabel) {
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		for (int i = 0; i < dataset.getSeriesCount(); i++) {
			renderer.setSeriesStroke(i, new BasicStroke(1.5f));
			renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
		}
		XYPlot plot = new XYPlot(dataset, x, new NumberAxis(yLabel), renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		return chart;
	}

	private static BufferedImage draw(JFreeChart chart, PlotSize size) {
		BufferedImage image = new BufferedImage(size.widthPixels(), size.heightPixels(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = prepare(image, size);
		chart.draw(g2, new Rectangle2D.Double(0, 0, size.layoutWidth(), size.layoutHeight()));
		g2.dispose();
		return image;
	}

	private static Graphics2D prepare(BufferedImage image, PlotSize size) {
		Graphics2D g2 = image.createGraphics();
		g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g2.setPaint(Color.WHITE);
		g2.fillRect(0, 0, image.getWidth(), image.getHeight());
		g2.scale(size.scale(), size.scale());
		return g2;
	}

	/**
	 * Colours each bar by its step rather than by series.
	 */
	private static final class StepBarRenderer extends BarRenderer {

		private static final long serialVersionUID = 1L;

		private final transient List<StepRow> rows;

		private final double[] values;

		StepBarRenderer(List<StepRow> rows, double[] values) {
			this.rows = rows;
			this.values = values;
		}

		@Override
		public Paint getItemPaint(int row, int column) {
			return barColor(this.rows, this.values, column);
		}

	}

}
