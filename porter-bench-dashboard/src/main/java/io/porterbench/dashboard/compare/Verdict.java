package io.porterbench.dashboard.compare;

import java.util.Locale;

/**
 * What the comparison concludes about one step.
 */
public enum Verdict {

	/** Significantly slower (p below alpha) by at least the threshold. */
	REGRESSED,

	/** Significantly faster (p below alpha) by at least the threshold. */
	IMPROVED,

	/** Neither: no significant difference, or one smaller than the threshold. */
	UNCHANGED,

	/** Fewer iterations than the minimum on at least one side: no verdict is given. */
	INSUFFICIENT,

	/** The step exists only in the new run. */
	ADDED,

	/** The step exists only in the baseline. */
	REMOVED;

	/**
	 * The name used in every report.
	 * @return the lower-case name, such as {@code regressed}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
