package io.porterbench.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.porterbench.dashboard.StepDelta.Status;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedStepSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RunComparisonTests {

	@Test
	void aStepWhoseMeanGrewBeyondTheThresholdIsSlower() {
		List<StepDelta> deltas = RunComparison.compare(bench("load", 0.010, 0.010), bench("load", 0.012, 0.010), 10);
		StepDelta load = deltas.get(0);
		assertThat(load.meanChangePercent()).isEqualTo(20.0, within(1e-9));
		assertThat(load.filteredChangePercent()).isEqualTo(0.0, within(1e-9));
		assertThat(load.status()).isEqualTo(Status.SLOWER);
		assertThat(load.isRegression()).isTrue();
	}

	@Test
	void aStepWhoseFilteredMeanGrewBeyondTheThresholdIsSlowerToo() {
		StepDelta load = RunComparison.compare(bench("load", 0.010, 0.010), bench("load", 0.010, 0.015), 10).get(0);
		assertThat(load.filteredChangePercent()).isEqualTo(50.0, within(1e-9));
		assertThat(load.status()).isEqualTo(Status.SLOWER);
	}

	@Test
	void aChangeOfExactlyTheThresholdIsNotARegression() {
		StepDelta load = RunComparison.compare(bench("load", 0.010, 0.010), bench("load", 0.011, 0.011), 10).get(0);
		assertThat(load.status()).isEqualTo(Status.UNCHANGED);
	}

	@Test
	void aStepThatGotFasterBeyondTheThresholdIsFaster() {
		StepDelta load = RunComparison.compare(bench("load", 0.010, 0.010), bench("load", 0.005, 0.009), 10).get(0);
		assertThat(load.meanChangePercent()).isEqualTo(-50.0, within(1e-9));
		assertThat(load.status()).isEqualTo(Status.FASTER);
	}

	@Test
	void stepsOnOnlyOneSideAreAddedOrRemovedAndGlobalStaysLast() {
		List<StepDelta> deltas = RunComparison.compare(bench("old", 1.0, 1.0, "GLOBAL", 1.0, 1.0),
				bench("new", 1.0, 1.0, "GLOBAL", 5.0, 5.0), 10);
		assertThat(deltas).extracting(StepDelta::step).containsExactly("old", "new", "GLOBAL");
		assertThat(deltas).extracting(StepDelta::status).containsExactly(Status.REMOVED, Status.ADDED, Status.SLOWER);
		assertThat(deltas.get(0).candidateMean()).isNull();
		assertThat(deltas.get(1).baselineMean()).isNull();
	}

	@Test
	void aZeroBaselineCannotGiveAPercentage() {
		assertThat(RunComparison.changePercent(0, 1)).isNull();
		assertThat(RunComparison.changePercent(0, 0)).isEqualTo(0.0);
		StepDelta step = RunComparison.compare(bench("s", 0.0, 0.0), bench("s", 1.0, 1.0), 10).get(0);
		assertThat(step.status()).isEqualTo(Status.UNCHANGED);
	}

	@Test
	void aNegativeThresholdIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RunComparison.compare(bench("s", 1, 1), bench("s", 1, 1), -1))
			.withMessageContaining("0 or more");
	}

	private static BenchRecord bench(Object... stepMeanFiltered) {
		Map<String, SavedStepSummary> summary = new LinkedHashMap<>();
		for (int k = 0; k < stepMeanFiltered.length; k += 3) {
			double mean = ((Number) stepMeanFiltered[k + 1]).doubleValue();
			double filtered = ((Number) stepMeanFiltered[k + 2]).doubleValue();
			summary.put((String) stepMeanFiltered[k],
					new SavedStepSummary(mean, mean, mean, filtered, null, null, null, null, null, null));
		}
		return new BenchRecord("b", List.of(), summary, List.of());
	}

}
