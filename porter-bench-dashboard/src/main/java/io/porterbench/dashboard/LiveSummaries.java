package io.porterbench.dashboard;

import java.util.function.Supplier;

import io.porterbench.BenchDict;

/**
 * Takes the summaries of the application's {@link BenchDict}, when it has one, for the
 * live view.
 */
public final class LiveSummaries {

	private final Supplier<BenchDict> benchDict;

	/**
	 * Live summaries of a registry looked up on each call.
	 * @param benchDict gives the registry, or {@code null} when the application has none
	 */
	public LiveSummaries(Supplier<BenchDict> benchDict) {
		this.benchDict = benchDict;
	}

	/**
	 * Whether there is a registry to summarize.
	 * @return true when the application has a {@link BenchDict}
	 */
	public boolean isAvailable() {
		return this.benchDict.get() != null;
	}

	/**
	 * The summaries now.
	 * @return one entry per benchmarker; a benchmarker whose summary fails gets an error
	 * line instead
	 */
	public DashboardJson.Live take() {
		// built in LiveBenches, so that this bean's declared methods, which Spring reads
		// at startup, name none of the summary types
		return LiveBenches.take(this.benchDict.get());
	}

}
