package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table with aligned columns: the leading name columns left-aligned, the
 * figures right-aligned.
 */
final class TextTable {

	private final List<String[]> rows = new ArrayList<>();

	private final int columns;

	private final int nameColumns;

	TextTable(int nameColumns, String... header) {
		this.columns = header.length;
		this.nameColumns = nameColumns;
		this.rows.add(header);
	}

	TextTable row(String... cells) {
		if (cells.length != this.columns) {
			throw new IllegalArgumentException("Expected " + this.columns + " cells, got " + cells.length);
		}
		this.rows.add(cells);
		return this;
	}

	void print(PrintWriter out) {
		int[] widths = new int[this.columns];
		for (String[] row : this.rows) {
			for (int i = 0; i < this.columns; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : this.rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < this.columns; i++) {
				if (i > 0) {
					line.append("  ");
				}
				String format = (i < this.nameColumns) ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
				line.append(String.format(Locale.ROOT, format, row[i]));
			}
			out.println(line.toString().stripTrailing());
		}
	}

	/**
	 * Seconds to the nanosecond, so that columns line up on the decimal point; {@code -}
	 * when absent.
	 * @param seconds a duration or {@code null}
	 * @return the text, for example {@code 0.004055782}
	 */
	static String seconds(Double seconds) {
		return (seconds != null) ? String.format(Locale.ROOT, "%.9f", seconds) : "-";
	}

	/**
	 * A number without trailing zeros.
	 * @param value the number
	 * @return for example {@code 10} or {@code 2.5}
	 */
	static String number(double value) {
		return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/**
	 * A signed percentage with one decimal, {@code n/a} when absent.
	 * @param percent a change or {@code null}
	 * @return the text, for example {@code +20.0%}
	 */
	static String percent(Double percent) {
		return (percent != null) ? String.format(Locale.ROOT, "%+.1f%%", percent) : "n/a";
	}

}
