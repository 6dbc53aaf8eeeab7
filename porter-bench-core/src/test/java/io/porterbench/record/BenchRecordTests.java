package io.porterbench.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-iteration tables of a {@link BenchRecord}, with the two hand-made iterations of
 * the original's {@code test_utils}: steps {@code work}, {@code io} and {@code GLOBAL}.
 */
class BenchRecordTests {

	private final BenchRecord record = new BenchRecord("test",
			List.of(iteration(0, Map.of("work", 0.10), Map.of("io", 0.05)),
					iteration(1, Map.of("work", 0.12), Map.of("io", 0.06))),
			Map.of(), List.of());

	private static SavedIteration iteration(long number, Map<String, Double> first, Map<String, Double> second) {
		Map<String, Double> absolutes = new LinkedHashMap<>(first);
		absolutes.putAll(second);
		double global = absolutes.values().stream().mapToDouble(Double::doubleValue).sum();
		absolutes.put("GLOBAL", global);
		Map<String, List<SavedCall>> calls = new LinkedHashMap<>();
		int crono = 0;
		for (Map.Entry<String, Double> entry : absolutes.entrySet()) {
			calls.put(entry.getKey(), List.of(new SavedCall(entry.getValue(), crono++, null)));
		}
		return new SavedIteration(number, 1000.0 + number, 1001.0 + number, absolutes, calls);
	}

	@Test
	void hasAColumnPerTopic() {
		assertThat(this.record.topics()).containsExactly("work", "io", "GLOBAL");
	}

	@Test
	void hasARowPerIteration() {
		assertThat(this.record.series("work")).containsExactly(0.10, 0.12);
		assertThat(this.record.calls("work")).hasSize(2);
	}

	@Test
	void cellsOfTheCallsTableAreLists() {
		assertThat(this.record.calls("io")).allSatisfy((cell) -> assertThat(cell).hasSize(1));
		assertThat(this.record.calls("io").get(1).get(0).time()).isEqualTo(0.06);
	}

	@Test
	void infoColumnsAreTheIterationNumbersAndTimes() {
		assertThat(this.record.iterations()).extracting(SavedIteration::stepNumber).containsExactly(0L, 1L);
		assertThat(this.record.iterations()).extracting(SavedIteration::stopTime).containsExactly(1001.0, 1002.0);
	}

	@Test
	void unknownTopicGivesAColumnOfNaN() {
		assertThat(this.record.series("missing")).hasSize(2).containsOnly(Double.NaN);
		assertThat(this.record.calls("missing")).containsExactly(List.of(), List.of());
	}

	@Test
	void nullPartsBecomeEmpty() {
		BenchRecord empty = new BenchRecord("empty", null, null, null);
		assertThat(empty.isEmpty()).isTrue();
		assertThat(empty.topics()).isEmpty();
		assertThat(empty.series("work")).isEmpty();
		assertThat(empty.memoryTopics()).isEmpty();
		assertThat(this.record.isEmpty()).isFalse();
	}

}
