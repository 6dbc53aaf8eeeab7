package io.porterbench.record;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Loading the run the Python original wrote: two benchmarkers, {@code etl} (6 iterations,
 * no memory tracking) and {@code alloc} (3 iterations, per-step memory with the
 * max-memory poller).
 */
class RunRecordPythonRunTests {

	private final RunRecord run = RunRecord.loadLatest(ReferenceRuns.pythonProjectFolder());

	@Test
	void loadsBothBenchmarkersWithoutProblems() {
		assertThat(this.run.problems()).isEmpty();
		assertThat(this.run.benchNames()).containsExactly("alloc", "etl");
		assertThat(this.run.benches()).containsOnlyKeys("alloc", "etl");
		assertThat(this.run.runDirectory()).isEqualTo(ReferenceRuns.pythonRunFolder().toAbsolutePath());
	}

	@Test
	void readsTheRunTimeFromTheOriginalsFolderName() {
		assertThat(this.run.runTime())
			.hasValueSatisfying((time) -> assertThat(time.time()).isEqualTo(LocalDateTime.of(2026, 11, 26, 15, 20)));
	}

	@Test
	void readsEveryIterationOfEachBenchmarker() {
		assertThat(this.run.bench("etl").iterations()).hasSize(6)
			.extracting(SavedIteration::stepNumber)
			.containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
		assertThat(this.run.bench("alloc").iterations()).hasSize(3);
		assertThat(this.run.bench("etl").iterations()).noneMatch(SavedIteration::isOpen);
	}

	@Test
	void readsTheInfoTimes() {
		SavedIteration first = this.run.bench("etl").iterations().get(0);
		assertThat(first.startTime()).isEqualTo(1795706445.4391963);
		assertThat(first.stopTime()).isEqualTo(1795706445.446135);
	}

	@Test
	void readsTheAbsolutesInFileOrder() {
		SavedIteration first = this.run.bench("etl").iterations().get(0);
		assertThat(first.absolutes()).containsExactly(Map.entry("extract", 0.003730405999931463),
				Map.entry("transform", 0.002108906999978899), Map.entry("load", 0.0010696620000771873),
				Map.entry("gstop", 4.1149999105982715e-06), Map.entry("GLOBAL", 0.006929163999984667));
	}

	@Test
	void givesTheAbsolutesAsColumnsWithARowPerIteration() {
		BenchRecord etl = this.run.bench("etl");
		assertThat(etl.topics()).containsExactly("extract", "transform", "load", "gstop", "GLOBAL");
		assertThat(etl.series("load")).containsExactly(0.0010696620000771873, 0.0010843649999969784,
				0.0010619580000366113, 0.0010616039999149507, 0.001071618000082708, 0.0011324880000529447);
		assertThat(this.run.bench("alloc").topics()).containsExactly("gstep_memory", "grow", "grow_MEMORY_STEP", "work",
				"work_MEMORY_STEP", "gstop", "gstop_memory", "GLOBAL");
	}

	@Test
	void readsTheCallsWithTheirExtras() {
		SavedIteration first = this.run.bench("etl").iterations().get(0);
		assertThat(first.calls()).containsOnlyKeys("extract", "transform", "load", "gstop", "GLOBAL");
		SavedCall transform = first.calls().get("transform").get(0);
		assertThat(transform.time()).isEqualTo(0.002108906999978899);
		assertThat(transform.cronoCounter()).isEqualTo(1);
		assertThat(((Map<?, ?>) transform.extra()).get("rows")).isEqualTo(0);
		assertThat(first.calls().get("extract").get(0).extra()).isNull();
		SavedCall global = first.calls().get("GLOBAL").get(0);
		assertThat(global.cronoCounter()).isEqualTo(4);
		assertThat(global.extra()).isNull();
	}

	@Test
	void givesTheCallsAsAColumnWithARowPerIteration() {
		List<List<SavedCall>> transform = this.run.bench("etl").calls("transform");
		assertThat(transform).hasSize(6).allSatisfy((calls) -> assertThat(calls).hasSize(1));
		assertThat(transform).extracting((calls) -> (Object) ((Map<?, ?>) calls.get(0).extra()).get("rows"))
			.containsExactly(0, 100, 200, 300, 400, 500);
	}

	@Test
	void readsTheSummaryWithGlobalLast() {
		Map<String, SavedStepSummary> summary = this.run.bench("etl").summary();
		assertThat(summary.keySet()).containsExactly("extract", "transform", "load", "gstop", "GLOBAL");
		SavedStepSummary load = summary.get("load");
		assertThat(load.mean()).isEqualTo(0.0010802825000268967);
		assertThat(load.min()).isEqualTo(0.0010616039999149507);
		assertThat(load.max()).isEqualTo(0.0011324880000529447);
		assertThat(load.quantileFiltered()).isEqualTo(0.0010698414000216872);
		assertThat(load.count()).isNull();
		assertThat(load.std()).isNull();
		assertThat(load.p99()).isNull();
	}

	@Test
	void summaryAgreesWithTheIterations() {
		BenchRecord etl = this.run.bench("etl");
		double[] global = etl.series("GLOBAL");
		double mean = java.util.Arrays.stream(global).average().orElseThrow();
		assertThat(etl.summary().get("GLOBAL").mean()).isCloseTo(mean, within(1e-12));
		assertThat(etl.summary().get("GLOBAL").min()).isEqualTo(java.util.Arrays.stream(global).min().orElseThrow());
	}

	@Test
	void readsTheMemorySamples() {
		List<SavedMemoryIteration> memory = this.run.bench("alloc").memory();
		assertThat(memory).hasSize(3);
		SavedMemoryIteration first = memory.get(0);
		assertThat(first.stepNumber()).isZero();
		assertThat(first.samples()).containsOnlyKeys("gstep", "grow", "work", "gstop");
		assertThat(first.samples().keySet()).containsExactly("gstep", "grow", "work", "gstop");
		SavedMemorySample work = first.samples().get("work").get(0);
		assertThat(work.totalMemory()).isEqualTo(108343296L);
		assertThat(work.maxMemory()).isEqualTo(108343296L);
		assertThat(work.cronoCounter()).isEqualTo(2);
		assertThat(work.cudaMemory()).isNull();
		assertThat(work.topMemoryObjects()).isEmpty();
		assertThat(work.extra()).isNull();
		assertThat(work.heapUsed()).isNull();
		assertThat(work.heapCommitted()).isNull();
		assertThat(first.samples().get("gstep").get(0).maxMemory()).isZero();
		assertThat(this.run.bench("alloc").memoryTopics()).containsExactly("gstep", "grow", "work", "gstop");
	}

	@Test
	void readsAnEmptyMemoryFileAsNoSamples() {
		assertThat(this.run.bench("etl").memory()).isEmpty();
		assertThat(this.run.bench("etl").memoryTopics()).isEmpty();
	}

	@Test
	void loadsTheSameFromTheRunsFolderAndFromTheRunFolder() {
		RunRecord fromRuns = RunRecord.loadLatest(ReferenceRuns.pythonProjectFolder().resolve("TICTOC_PERFORMANCE"));
		RunRecord fromRun = RunRecord.load(ReferenceRuns.pythonRunFolder());
		assertThat(fromRuns.benches()).isEqualTo(this.run.benches());
		assertThat(fromRun.benches()).isEqualTo(this.run.benches());
	}

}
