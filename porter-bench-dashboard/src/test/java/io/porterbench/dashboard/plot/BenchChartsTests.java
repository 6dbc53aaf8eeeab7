package io.porterbench.dashboard.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedIteration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchChartsTests {

	private static final double MB = 1024.0 * 1024.0;

	@Test
	void timesHaveOneLinePerStepWithAPointPerIterationWhereItRan() {
		BenchRecord bench = Records.bench("etl", List.of(Records.iteration(0, "load", 1, "proc", 2),
				Records.iteration(1, "load", 3), Records.iteration(2, "load", 5, "proc", 4)), List.of());
		TimesChart chart = BenchCharts.times(bench);
		assertThat(chart.title()).isEqualTo("etl");
		assertThat(chart.series()).extracting(ChartSeries::name).containsExactly("load", "proc", "GLOBAL");
		ChartSeries proc = chart.series().get(1);
		assertThat(proc.x()).containsExactly(0, 2);
		assertThat(proc.y()).containsExactly(2, 4);
		assertThat(chart.series().get(2).y()).containsExactly(3, 3, 9);
	}

	@Test
	void cronoOrdersCallsCollapsesRepeatsAndSkipsGlobal() {
		BenchRecord bench = Records.bench("b",
				List.of(Records.iteration(0, "read", 1, "read", 1, "read", 1, "write", 5),
						Records.iteration(1, "read", 2, "write", 6)),
				List.of());
		ChartSeries calls = BenchCharts.crono(bench).calls();
		assertThat(calls.labels()).containsExactly("0_read x3", "0_write", "1_read", "1_write");
		assertThat(calls.y()).containsExactly(1, 5, 2, 6);
		assertThat(calls.x()).containsExactly(0, 1, 2, 3);
	}

	@Test
	void memoryShowsRssHeapAndOnlyPositivePeaksInMegabytes() {
		BenchRecord bench = Records.bench("m", List.of(Records.iteration(0, "work", 1)), List.of(Records.memory(0,
				"gstep", 100 * MB, 10 * MB, 0, "work", 200 * MB, 20 * MB, 250 * MB, "gstop", 150 * MB, 15 * MB, 0)));
		Optional<MemoryChart> chart = BenchCharts.memory(bench);
		assertThat(chart).isPresent();
		List<ChartSeries> series = chart.get().series();
		assertThat(series).extracting(ChartSeries::name)
			.containsExactly(MemoryChart.RSS, MemoryChart.HEAP, MemoryChart.PEAK);
		assertThat(series.get(0).y()).containsExactly(100, 200, 150);
		assertThat(series.get(0).labels()).containsExactly("0_gstep", "0_work", "0_gstop");
		assertThat(series.get(1).y()).containsExactly(10, 20, 15);
		assertThat(series.get(2).x()).containsExactly(1);
		assertThat(series.get(2).y()[0]).isEqualTo(250, within(1e-9));
	}

	@Test
	void theOriginalsSamplesHaveNoHeapLine() {
		BenchRecord bench = Records.bench("m", List.of(),
				List.of(Records.memory(0, "gstep", 100 * MB, null, null, "gstop", 120 * MB, null, null)));
		assertThat(BenchCharts.memory(bench).orElseThrow().series()).extracting(ChartSeries::name)
			.containsExactly(MemoryChart.RSS);
	}

	@Test
	void aBenchmarkerWithoutMemorySamplesHasNoMemoryChart() {
		assertThat(BenchCharts.memory(Records.bench("b", List.of(Records.iteration(0, "a", 1)), List.of()))).isEmpty();
	}

	@Test
	void barsListEveryStepWithGlobalLast() {
		BarsChart bars = BenchCharts.bars(Records.bench("b",
				List.of(Records.iteration(0, "a", 1, "b", 3), Records.iteration(1, "a", 3, "b", 5)), List.of()), "run");
		assertThat(bars.title()).isEqualTo("run_bar");
		assertThat(bars.rows()).extracting(StepRow::step).containsExactly("a", "b", "GLOBAL");
		assertThat(bars.rows()).extracting(StepRow::mean).containsExactly(2.0, 4.0, 6.0);
	}

	@Test
	void aHundredThousandIterationsDownsampleToTheRequestedPoints() {
		List<SavedIteration> iterations = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			iterations.add(Records.iteration(i, "load", 0.001 + (i % 10) * 1e-5, "proc", 0.002));
		}
		BenchRecord bench = Records.bench("big", iterations, List.of());
		TimesChart times = BenchCharts.times(bench).downsample(2000);
		assertThat(times.series()).allSatisfy((s) -> {
			assertThat(s.size()).isEqualTo(2000);
			assertThat(s.originalSize()).isEqualTo(100_000);
		});
		CronoChart crono = BenchCharts.crono(bench).downsample(2000);
		assertThat(crono.calls().size()).isEqualTo(2000);
		assertThat(crono.calls().originalSize()).isEqualTo(200_000);
	}

}
