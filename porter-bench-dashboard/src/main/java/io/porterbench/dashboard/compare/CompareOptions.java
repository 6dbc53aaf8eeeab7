package io.porterbench.dashboard.compare;

import java.util.Locale;

/**
 * The knobs of a comparison, validated: a step regresses or improves when the rank test's
 * p-value is below {@code alpha} and its median moved by at least {@code threshold},
 * given at least {@code minIterations} iterations on each side.
 *
 * @param alpha the significance level, above 0 and below 1 (default 0.01)
 * @param threshold the smallest change that counts, as a fraction, 0 or more (default
 * 0.05, that is 5%)
 * @param minIterations the fewest iterations of a step on each side for a verdict, 1 or
 * more (default 5)
 */
public record CompareOptions(double alpha, double threshold, int minIterations) {

	/** The default significance level. */
	public static final double DEFAULT_ALPHA = 0.01;

	/** The default threshold, as a fraction. */
	public static final double DEFAULT_THRESHOLD = 0.05;

	/** The default minimum number of iterations per side. */
	public static final int DEFAULT_MIN_ITERATIONS = 5;

	/** The defaults: alpha 0.01, threshold 5%, 5 iterations. */
	public static final CompareOptions DEFAULTS = new CompareOptions(DEFAULT_ALPHA, DEFAULT_THRESHOLD,
			DEFAULT_MIN_ITERATIONS);

	/**
	 * Validated options.
	 * @param alpha the significance level
	 * @param threshold the threshold as a fraction
	 * @param minIterations the minimum iterations per side
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public CompareOptions {
		if (!(alpha > 0 && alpha < 1)) {
			throw new IllegalArgumentException("alpha must be above 0 and below 1, such as 0.01; was " + alpha);
		}
		if (!(threshold >= 0) || Double.isInfinite(threshold)) {
			throw new IllegalArgumentException(
					"threshold must be 0 or more, as a fraction (0.05) or a percentage (5%); was " + threshold);
		}
		if (minIterations < 1) {
			throw new IllegalArgumentException("min-iterations must be 1 or more; was " + minIterations);
		}
	}

	/**
	 * Options from text, as the command line and the dashboard's query parameters give
	 * them; {@code null} or blank values take the defaults.
	 * @param alpha such as {@code 0.01}
	 * @param threshold a fraction such as {@code 0.05} or a percentage such as {@code 5%}
	 * @param minIterations a whole number such as {@code 5}
	 * @return the options
	 * @throws IllegalArgumentException naming the value that is wrong and what is allowed
	 */
	public static CompareOptions parse(String alpha, String threshold, String minIterations) {
		return new CompareOptions(parseAlpha(alpha), parseThreshold(threshold), parseMinIterations(minIterations));
	}

	/**
	 * Reads a significance level.
	 * @param text such as {@code 0.01}, or {@code null} for the default
	 * @return the level
	 * @throws IllegalArgumentException if it is not a number above 0 and below 1
	 */
	public static double parseAlpha(String text) {
		if (isBlank(text)) {
			return DEFAULT_ALPHA;
		}
		double alpha = number(text.trim(), "alpha", "a number above 0 and below 1, such as 0.01");
		if (!(alpha > 0 && alpha < 1)) {
			throw new IllegalArgumentException("alpha must be above 0 and below 1, such as 0.01; was '" + text + "'");
		}
		return alpha;
	}

	/**
	 * Reads a threshold: {@code 0.05} and {@code 5%} are the same. A bare number of 1 or
	 * more is refused, since {@code 10} more likely means 10% than 1000%.
	 * @param text a fraction or a percentage, or {@code null} for the default
	 * @return the threshold as a fraction
	 * @throws IllegalArgumentException if it is not such a value
	 */
	public static double parseThreshold(String text) {
		if (isBlank(text)) {
			return DEFAULT_THRESHOLD;
		}
		String trimmed = text.trim();
		String allowed = "a fraction such as 0.05 or a percentage such as 5%";
		boolean percent = trimmed.endsWith("%");
		double value = number(percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed, "threshold",
				allowed);
		if (!(value >= 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("threshold must be 0 or more, " + allowed + "; was '" + text + "'");
		}
		if (!percent && value >= 1) {
			throw new IllegalArgumentException("threshold '" + text + "' would be read as a fraction ("
					+ String.format(Locale.ROOT, "%.0f", value * 100) + "%); write " + trimmed + "% for a percentage"
					+ " or " + String.format(Locale.ROOT, "%s", value / 100) + " for the fraction");
		}
		return percent ? value / 100 : value;
	}

	/**
	 * Reads the minimum number of iterations per side.
	 * @param text a whole number of 1 or more, or {@code null} for the default
	 * @return the number
	 * @throws IllegalArgumentException if it is not such a number
	 */
	public static int parseMinIterations(String text) {
		if (isBlank(text)) {
			return DEFAULT_MIN_ITERATIONS;
		}
		try {
			int value = Integer.parseInt(text.trim());
			if (value >= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("min-iterations must be a whole number of 1 or more; was '" + text + "'");
	}

	private static double number(String text, String name, String allowed) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be " + allowed + "; was '" + text + "'");
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
