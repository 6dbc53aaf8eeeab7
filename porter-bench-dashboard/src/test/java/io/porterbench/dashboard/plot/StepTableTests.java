package io.porterbench.dashboard.plot;

import java.util.List;
import java.util.Map;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedIteration;
import io.porterbench.record.SavedStepSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StepTableTests {

	@Test
	void quantileFilteredMeanDropsTheOutlierAsTheOriginalDoes() {
		StepRow row = StepTable.row("s", new double[] { 1, 1, 1, 1, 100 });
		assertThat(row.mean()).isEqualTo(20.8, within(1e-12));
		assertThat(row.min()).isEqualTo(1.0);
		assertThat(row.max()).isEqualTo(100.0);
		assertThat(row.quantileFiltered()).isEqualTo(1.0);
	}

	@Test
	void quantileFilteredMeanKeepsEveryValueWithoutOutliers() {
		StepRow row = StepTable.row("s", new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
		assertThat(row.quantileFiltered()).isEqualTo(5.5, within(1e-12));
		assertThat(row.p50()).isEqualTo(5.5, within(1e-12));
		assertThat(row.p90()).isEqualTo(9.1, within(1e-12));
		assertThat(row.count()).isEqualTo(10L);
	}

	@Test
	void theSummaryFileIsUsedWhenPresentWithGlobalLast() {
		Map<String, SavedStepSummary> summary = new java.util.LinkedHashMap<>();
		summary.put("GLOBAL", new SavedStepSummary(3, 3, 3, 3, null, null, null, null, null, null));
		summary.put("load", new SavedStepSummary(1, 0.5, 1.5, 0.9, 4L, 4.0, 0.1, 1.0, 1.4, 1.5));
		List<StepRow> rows = StepTable.of(new BenchRecord("b", List.of(), summary, List.of()));
		assertThat(rows).extracting(StepRow::step).containsExactly("load", "GLOBAL");
		assertThat(rows.get(0).quantileFiltered()).isEqualTo(0.9);
		assertThat(rows.get(0).count()).isEqualTo(4L);
		assertThat(rows.get(1).count()).isNull();
	}

	@Test
	void withoutASummaryTheRowsAreComputedFromTheIterationsWhereEachStepOccurs() {
		SavedIteration first = iteration(Map.of("s", 1.0, "GLOBAL", 1.0));
		SavedIteration second = iteration(new java.util.LinkedHashMap<>(Map.of("s", 7.0, "t", 2.0, "GLOBAL", 9.0)));
		List<StepRow> rows = StepTable.of(new BenchRecord("b", List.of(first, second), Map.of(), List.of()));
		assertThat(rows.get(rows.size() - 1).step()).isEqualTo("GLOBAL");
		StepRow s = rows.stream().filter((row) -> row.step().equals("s")).findFirst().orElseThrow();
		StepRow t = rows.stream().filter((row) -> row.step().equals("t")).findFirst().orElseThrow();
		assertThat(s.mean()).isEqualTo(4.0);
		assertThat(s.min()).isEqualTo(1.0);
		assertThat(s.max()).isEqualTo(7.0);
		assertThat(t.mean()).isEqualTo(2.0);
		assertThat(t.count()).isEqualTo(1L);
	}

	@Test
	void anEmptyBenchmarkerHasNoRows() {
		assertThat(StepTable.of(new BenchRecord("b", List.of(), Map.of(), List.of()))).isEmpty();
	}

	static SavedIteration iteration(Map<String, Double> absolutes) {
		return new SavedIteration(0, 1.0, 2.0, absolutes, Map.of());
	}

}
