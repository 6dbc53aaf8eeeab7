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
 */
public record SavedMemoryIteration(long stepNumber, double startTime, double stopTime,
		Map<String, List<SavedMemorySample>> samples) {
}
