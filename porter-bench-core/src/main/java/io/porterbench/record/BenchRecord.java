package io.porterbench.record;

import java.util.List;
import java.util.Map;

/**
 * Everything saved for one benchmarker of a run. A file that is missing or could not be read gives an empty part here
 * and a line in {@link RunRecord#problems()}.
 *
 * @param name the benchmarker's name (the file name minus its suffix)
 * @param iterations the DATA file's iterations, in file order
 * @param summary the SUMMARY file's steps, in file order
 * @param memory the MEMORY file's iterations, in file order
 */
public record BenchRecord(String name, List<SavedIteration> iterations, Map<String, SavedStepSummary> summary,
		List<SavedMemoryIteration> memory) {
}
