package io.porterbench.dashboard.plot;

import java.util.List;

/**
 * Bars of the mean and of the quantile-filtered mean per step, in two panels ("Means" and
 * "Quantile-Filtered Means"), {@code GLOBAL} last.
 *
 * @param title the figure title (the original's {@code <run>_bar})
 * @param rows the steps, GLOBAL last
 */
public record BarsChart(String title, List<StepRow> rows) {

	public BarsChart {
		rows = List.copyOf(rows);
	}

}
