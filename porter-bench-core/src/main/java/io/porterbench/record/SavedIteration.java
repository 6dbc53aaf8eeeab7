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
 * @param host the host of the process that recorded it ({@code HOST} in {@code info}), or
 * {@code null} when the file does not say (the Python original's files never do)
 * @param pid that process's id ({@code PID} in {@code info}), or {@code null} when the
 * file does not say
 * @param extra the iteration's own {@code extra} (a merged run names each iteration's
 * source there), or {@code null}
 */
public record SavedIteration(long stepNumber, double startTime, double stopTime, Map<String, Double> absolutes,
		Map<String, List<SavedCall>> calls, String host, Long pid, Object extra) {

	/**
	 * An iteration whose file names no process and has no iteration {@code extra}.
	 * @param stepNumber the iteration's number
	 * @param startTime epoch seconds, or {@code NaN}
	 * @param stopTime epoch seconds, or 0 for an open iteration
	 * @param absolutes per topic, the sum of its calls in seconds
	 * @param calls per topic, its calls
	 */
	public SavedIteration(long stepNumber, double startTime, double stopTime, Map<String, Double> absolutes,
			Map<String, List<SavedCall>> calls) {
		this(stepNumber, startTime, stopTime, absolutes, calls, null, null, null);
	}

	/**
	 * Whether the iteration was still open when it was saved.
	 * @return true when {@code STOP_TIME} is 0
	 */
	public boolean isOpen() {
		return this.stopTime == 0;
	}

}
