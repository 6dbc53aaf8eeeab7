package io.porterbench.record;

import java.util.List;
import java.util.Map;

/**
 * One iteration of a saved DATA file.
 *
 * @param stepNumber the iteration's number ({@code STEP_NUMBER})
 * @param startTime epoch seconds, or {@code NaN} when the file has none (the original
 * writes {@code []})
 * @param stopTime epoch seconds, or 0 for an iteration that was still open
 * @param absolutes per topic, the sum of its calls in seconds, in file order
 * @param calls per topic, its calls, in file order
 */
public record SavedIteration(long stepNumber, double startTime, double stopTime, Map<String, Double> absolutes,
		Map<String, List<SavedCall>> calls) {

	/**
	 * Whether the iteration was still open when it was saved.
	 * @return true when {@code STOP_TIME} is 0
	 */
	public boolean isOpen() {
		return this.stopTime == 0;
	}

}
