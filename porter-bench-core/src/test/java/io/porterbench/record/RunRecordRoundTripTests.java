package io.porterbench.record;

import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.summary.StepStats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine saves, the loader reads back: iterations, calls, extras and every
 * summary figure, in both folder name styles.
 */
class RunRecordRoundTripTests {

	@TempDir
	Path root;

	private final MockBenchClock clock = new MockBenchClock(1_795_705_894.25);

	private Path saveRun(boolean legacyFolderNames) {
		BenchDict dict = BenchDict.builder()
			.root(this.root)
			.clock(this.clock)
			.legacyFolderNames(legacyFolderNames)
			.build();
		Benchmarker bench = dict.get("pipeline");
		for (int i = 0; i < 3; i++) {
			bench.gstep();
			this.clock.add(Duration.ofMillis(10 + i));
			bench.step("load", Map.of("i", i));
			this.clock.add(Duration.ofMillis(20));
			bench.step("proc");
			this.clock.add(Duration.ofMillis(2));
			bench.step("proc");
			bench.gstop();
		}
		bench.gstep();
		this.clock.add(Duration.ofMillis(7));
		bench.step("load");
		dict.get("other").gstep();
		dict.get("other").gstop();
		try {
			return dict.save();
		}
		finally {
			dict.close();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void loadsTheLatestSavedRunInEitherFolderNameStyle(boolean legacyFolderNames) {
		Path run = saveRun(legacyFolderNames);
		RunRecord record = RunRecord.loadLatest(this.root);
		assertThat(record.runDirectory()).isEqualTo(run);
		assertThat(record.runTime()).isPresent();
		assertThat(record.problems()).isEmpty();
		assertThat(record.benchNames()).containsExactly("other", "pipeline");
	}

	@Test
	void readsBackTheIterationsExactly() {
		saveRun(false);
		BenchRecord pipeline = RunRecord.loadLatest(this.root).bench("pipeline");
		assertThat(pipeline.iterations()).hasSize(4);
		assertThat(pipeline.iterations().get(3).isOpen()).isTrue();
		assertThat(pipeline.series("load")).containsExactly(0.010, 0.011, 0.012, 0.007);
		assertThat(pipeline.series("proc")).containsExactly(0.022, 0.022, 0.022, Double.NaN);
		assertThat(pipeline.calls("proc").get(0)).extracting(SavedCall::time).containsExactly(0.020, 0.002);
		assertThat(((Map<?, ?>) pipeline.calls("load").get(2).get(0).extra()).get("i")).isEqualTo(2);
		assertThat(pipeline.iterations().get(0).startTime()).isEqualTo(1_795_705_894.25);
	}

	@Test
	void readsBackTheSummaryTheEngineComputed() {
		BenchDict dict = BenchDict.builder().root(this.root).clock(this.clock).build();
		Benchmarker bench = dict.get("pipeline");
		for (int i = 1; i <= 5; i++) {
			bench.gstep();
			this.clock.add(Duration.ofMillis(i * i));
			bench.step("work");
			bench.gstop();
		}
		BenchSummary summary = bench.summary();
		dict.save();
		dict.close();
		Map<String, SavedStepSummary> saved = RunRecord.loadLatest(this.root).bench("pipeline").summary();
		assertThat(saved.keySet()).containsExactlyElementsOf(summary.steps().keySet());
		StepStats work = summary.step("work");
		assertThat(saved.get("work")).isEqualTo(new SavedStepSummary(work.mean(), work.min(), work.max(),
				work.quantileFiltered(), work.count(), work.total(), work.std(), work.p50(), work.p90(), work.p99()));
	}

}
