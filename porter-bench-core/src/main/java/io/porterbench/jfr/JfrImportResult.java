package io.porterbench.jfr;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What an import of a recording wrote.
 *
 * @param runFolder the new run folder
 * @param closedIterations per benchmarker, the iterations whose
 * {@code porterbench.Iteration} event was recorded
 * @param openIterations per benchmarker, the iterations that had steps but no
 * {@code porterbench.Iteration} event (still open when the recording ended), saved as
 * open iterations
 * @param gcPausesRecorded whether the recording had GC pause events enabled, so that each
 * closed iteration got {@code gc_pause_seconds}
 * @param truncation for a recording cut short, one line saying where and what was
 * imported; empty for a complete one
 */
public record JfrImportResult(Path runFolder, Map<String, Integer> closedIterations,
		Map<String, Integer> openIterations, boolean gcPausesRecorded, Optional<String> truncation) {

	/**
	 * Whether the recording was cut short and only the events before the cut were
	 * imported.
	 * @return true when {@link #truncation()} is present
	 */
	public boolean isTruncated() {
		return this.truncation.isPresent();
	}

}
