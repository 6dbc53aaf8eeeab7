package io.porterbench.dashboard.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedCall;
import io.porterbench.record.SavedIteration;
import io.porterbench.record.SavedMemoryIteration;
import io.porterbench.record.SavedMemorySample;

/**
 * Builds saved benchmarkers in memory for the plot tests.
 */
final class Records {

	private Records() {
	}

	/**
	 * An iteration whose calls happen in the given order.
	 * @param number the step number
	 * @param calls step name, seconds, step name, seconds... (a name may repeat)
	 * @return the iteration, with GLOBAL the sum
	 */
	static SavedIteration iteration(int number, Object... calls) {
		Map<String, Double> absolutes = new LinkedHashMap<>();
		Map<String, List<SavedCall>> byStep = new LinkedHashMap<>();
		double total = 0;
		for (int k = 0; k < calls.length; k += 2) {
			String step = (String) calls[k];
			double seconds = ((Number) calls[k + 1]).doubleValue();
			absolutes.merge(step, seconds, Double::sum);
			byStep.computeIfAbsent(step, (s) -> new ArrayList<>()).add(new SavedCall(seconds, k / 2, null));
			total += seconds;
		}
		absolutes.put("GLOBAL", total);
		byStep.put("GLOBAL", List.of(new SavedCall(total, calls.length / 2, null)));
		return new SavedIteration(number, 100.0 + number, 100.5 + number, absolutes, byStep);
	}

	/**
	 * A memory iteration with one sample per topic, in order.
	 * @param number the step number
	 * @param samples topic, rss, heap (or null), peak (or null)...
	 * @return the iteration
	 */
	static SavedMemoryIteration memory(int number, Object... samples) {
		Map<String, List<SavedMemorySample>> byTopic = new LinkedHashMap<>();
		for (int k = 0; k < samples.length; k += 4) {
			Long heap = (samples[k + 2] != null) ? ((Number) samples[k + 2]).longValue() : null;
			Long peak = (samples[k + 3] != null) ? ((Number) samples[k + 3]).longValue() : null;
			byTopic.computeIfAbsent((String) samples[k], (t) -> new ArrayList<>())
				.add(new SavedMemorySample(((Number) samples[k + 1]).longValue(), null, List.of(), k / 4, null, peak,
						heap, null));
		}
		return new SavedMemoryIteration(number, 100.0 + number, 100.5 + number, byTopic);
	}

	static BenchRecord bench(String name, List<SavedIteration> iterations, List<SavedMemoryIteration> memory) {
		return new BenchRecord(name, iterations, Map.of(), memory);
	}

}
