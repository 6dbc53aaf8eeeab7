package io.porterbench.record;

import java.util.List;
import java.util.Map;

/**
 * One iteration of a saved MEMORY file.
 *
 * @param stepNumber the iteration's number
 * @param startTime epoch seconds, or {@code NaN}
 * @param stopTime epoch seconds, or 0 for an open iteration
 * @param samples per topic ({@code gstep}, steps, {@code gstop}), its samples, in file
 * order
 * @param host the host of the process that recorded it ({@code HOST} in {@code info}), or
 * {@code null} when the file does not say
 * @param pid that process's id ({@code PID} in {@code info}), or {@code null} when the
 * file does not say
 */
public record SavedMemoryIteration(long stepNumber, double startTime, double stopTime,
		Map<String, List<SavedMemorySample>> samples, String host, Long pid) {

	/**
	 * A memory iteration whose file names no process.
	 * @param stepNumber the iteration's number
	 * @param startTime epoch seconds, or {@code NaN}
	 * @param stopTime epoch seconds, or 0 for an open iteration
	 * @param samples per topic, its samples
	 */
	public SavedMemoryIteration(long stepNumber, double startTime, double stopTime,
			Map<String, List<SavedMemorySample>> samples) {
		this(stepNumber, startTime, stopTime, samples, null, null);
	}

}
