package io.porterbench.dashboard;

/**
 * How one step changed from a baseline run to a candidate run. Times in seconds; a change
 * is {@code (candidate - baseline) / baseline * 100}, {@code null} when the baseline is 0
 * (or the step is missing on one side).
 *
 * @param bench the benchmarker
 * @param step the step
 * @param baselineMean the baseline's mean, or {@code null} when the step is new
 * @param candidateMean the candidate's mean, or {@code null} when the step is gone
 * @param meanChangePercent the change of the mean
 * @param baselineFiltered the baseline's quantile-filtered mean
 * @param candidateFiltered the candidate's quantile-filtered mean
 * @param filteredChangePercent the change of the quantile-filtered mean
 * @param status the verdict against the threshold
 */
public record StepDelta(String bench, String step, Double baselineMean, Double candidateMean, Double meanChangePercent,
		Double baselineFiltered, Double candidateFiltered, Double filteredChangePercent, Status status) {

	/**
	 * Whether the step got slower than the threshold allows.
	 * @return true for {@link Status#SLOWER}
	 */
	public boolean isRegression() {
		return this.status == Status.SLOWER;
	}

	/**
	 * The verdict on one step.
	 */
	public enum Status {

		/**
		 * The mean or the quantile-filtered mean grew by more than the threshold: a
		 * regression.
		 */
		SLOWER,

		/**
		 * Neither figure grew by more than the threshold, and at least one shrank by more
		 * than it.
		 */
		FASTER,

		/**
		 * Both figures moved by no more than the threshold (or could not be compared:
		 * baseline 0).
		 */
		UNCHANGED,

		/** The step exists only in the candidate. */
		ADDED,

		/** The step exists only in the baseline. */
		REMOVED

	}

}
