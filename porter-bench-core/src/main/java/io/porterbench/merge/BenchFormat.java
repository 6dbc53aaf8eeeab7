package io.porterbench.merge;

import java.util.List;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedMemoryIteration;
import io.porterbench.record.SavedMemorySample;
import io.porterbench.record.SavedStepSummary;

/**
 * What a benchmarker's files say about how it was recorded, in words for the message when
 * two runs disagree: whose SUMMARY file (porter-bench's ten figures or the original's
 * four), and whether and how memory was tracked.
 */
final class BenchFormat {

	private BenchFormat() {
	}

	static String of(BenchRecord bench) {
		return summaryFormat(bench) + " and " + memoryFormat(bench.memory());
	}

	private static String summaryFormat(BenchRecord bench) {
		boolean original = bench.summary().values().stream().anyMatch((step) -> isOriginals(step));
		return original ? "the Python original's SUMMARY file (four figures)"
				: "a porter-bench SUMMARY file (ten figures)";
	}

	private static boolean isOriginals(SavedStepSummary step) {
		return step.count() == null;
	}

	private static String memoryFormat(List<SavedMemoryIteration> memory) {
		SavedMemorySample sample = memory.stream()
			.flatMap((iteration) -> iteration.samples().values().stream())
			.flatMap(List::stream)
			.findFirst()
			.orElse(null);
		if (sample == null) {
			return "no memory samples";
		}
		return (sample.heapUsed() != null) ? "memory samples with heap figures"
				: "memory samples without heap figures (the Python original's)";
	}

}
