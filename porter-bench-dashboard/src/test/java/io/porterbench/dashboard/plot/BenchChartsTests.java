package io.porterbench.dashboard.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
import io.porterbench.record.SavedCall;
import io.porterbench.record.SavedIteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
	void cronoOrdersCallsStoredOutOfOrderAndKeepsFileOrderForEqualCounters() {
		Map<String, List<SavedCall>> first = new LinkedHashMap<>();
		first.put("GLOBAL", List.of(new SavedCall(9, -1, null)));
		first.put("b", List.of(new SavedCall(1, 1, null), new SavedCall(1, 3, null)));
		first.put("a", List.of(new SavedCall(1, 0, null), new SavedCall(1, 2, null)));
		first.put("y", List.of(new SavedCall(4, 5, null)));
		first.put("x", List.of(new SavedCall(3, 5, null)));
		first.put("c", List.of(new SavedCall(5, 4, null)));
		Map<String, List<SavedCall>> second = new LinkedHashMap<>();
		second.put("x", List.of(new SavedCall(7, 0, null)));
		second.put("y", List.of(new SavedCall(8, 0, null)));
		BenchRecord bench = Records.bench("b", List.of(iteration(0, first), iteration(1, second)), List.of());
		ChartSeries calls = BenchCharts.crono(bench).calls();
		assertThat(calls.labels()).containsExactly("0_a || b x2", "0_c", "0_y", "0_x", "1_x", "1_y");
		assertThat(calls.y()).containsExactly(1, 5, 4, 3, 7, 8);
		assertThat(calls.x()).containsExactly(0, 1, 2, 3, 4, 5);
	}

	@Test
	void cronoMatchesASortedClusteringOfEveryIterationIncludingLargeOnes() {
		Random random = new Random(7);
		List<SavedIteration> iterations = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			int calls = (i % 100 == 7) ? 3000 + random.nextInt(1000) : random.nextInt(40);
			iterations.add(iteration(i, randomCalls(random, calls)));
		}
		BenchRecord bench = Records.bench("r", iterations, List.of());
		ChartSeries actual = BenchCharts.crono(bench).calls();
		List<Double> y = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < iterations.size(); i++) {
			for (Clusters.Cluster<Object[]> cluster : expectedClusters(iterations.get(i))) {
				y.add(((SavedCall) cluster.first()[1]).time());
				labels.add(i + "_" + cluster.label());
			}
		}
		assertThat(actual.labels()).isEqualTo(labels);
		assertThat(actual.y()).containsExactly(y.stream().mapToDouble(Double::doubleValue).toArray());
		for (int k = 0; k < actual.size(); k++) {
			assertThat(actual.x()[k]).isEqualTo(k);
		}
	}

	@Test
	void aLoadedRunChartsAsTheSameIterationsHeldInPlainMaps(@TempDir Path root) {
		// the first iteration has fewer calls than most and the last ones more, so the
		// crono
		// line outgrows the room made after the first, and some steps skip iterations
		MockBenchClock clock = new MockBenchClock();
		Random random = new Random(17);
		try (BenchDict dict = BenchDict.builder().root(root).clock(clock).retainedIterations(500).build()) {
			Benchmarker bench = dict.get("b");
			String[] steps = { "load", "parse", "save" };
			for (int i = 0; i < 400; i++) {
				bench.gstep();
				int calls = (i == 0) ? 1 : 1 + random.nextInt(2 + i / 100);
				for (int c = 0; c < calls; c++) {
					clock.addNanos(1_000 + random.nextInt(5_000_000));
					bench.step(steps[random.nextInt(steps.length)]);
				}
				bench.gstop();
			}
			dict.save();
		}
		BenchRecord loaded = RunRecord.loadLatest(root).bench("b");
		List<SavedIteration> plain = new ArrayList<>();
		for (SavedIteration iteration : loaded.iterations()) {
			plain.add(new SavedIteration(iteration.stepNumber(), iteration.startTime(), iteration.stopTime(),
					new LinkedHashMap<>(iteration.absolutes()), new LinkedHashMap<>(iteration.calls())));
		}
		BenchRecord copy = Records.bench("b", plain, List.of());
		assertSameSeries(BenchCharts.crono(loaded).calls(), BenchCharts.crono(copy).calls());
		List<ChartSeries> loadedTimes = BenchCharts.times(loaded).series();
		List<ChartSeries> copiedTimes = BenchCharts.times(copy).series();
		assertThat(loadedTimes).extracting(ChartSeries::name)
			.containsExactly("load", "gstop", "GLOBAL", "parse", "save");
		assertThat(loadedTimes).hasSameSizeAs(copiedTimes);
		for (int k = 0; k < loadedTimes.size(); k++) {
			assertSameSeries(loadedTimes.get(k), copiedTimes.get(k));
		}
		assertThat(BenchCharts.crono(loaded).calls().size()).isGreaterThan(400 * 2);
	}

	private static void assertSameSeries(ChartSeries actual, ChartSeries expected) {
		assertThat(actual.name()).isEqualTo(expected.name());
		assertThat(actual.x()).containsExactly(expected.x());
		assertThat(actual.y()).containsExactly(expected.y());
		assertThat(actual.labels()).isEqualTo(expected.labels());
	}

	/**
	 * Calls in runs of a repeated pattern whose counters are shuffled among few values,
	 * so that the file order is not the crono order and many counters are equal.
	 */
	private static Map<String, List<SavedCall>> randomCalls(Random random, int count) {
		String[] steps = { "load", "parse", "save", "GLOBAL" };
		double[] times = { 1, 1, 1.01, 2, 50 };
		Map<String, List<SavedCall>> byStep = new LinkedHashMap<>();
		int counterRange = 1 + count / (1 + random.nextInt(4));
		for (int k = 0; k < count; k++) {
			String step = steps[(k + random.nextInt(2)) % steps.length];
			double time = times[random.nextInt(times.length)];
			int counter = (random.nextInt(3) == 0) ? k : random.nextInt(counterRange);
			byStep.computeIfAbsent(step, (s) -> new ArrayList<>()).add(new SavedCall(time, counter, null));
		}
		return byStep;
	}

	/**
	 * What the crono chart did before it reused buffers: a stable sort, then clusters.
	 */
	private static List<Clusters.Cluster<Object[]>> expectedClusters(SavedIteration iteration) {
		List<Object[]> calls = new ArrayList<>();
		iteration.calls().forEach((step, list) -> {
			if (!"GLOBAL".equals(step)) {
				list.forEach((call) -> calls.add(new Object[] { step, call }));
			}
		});
		calls.sort(Comparator.comparingInt((Object[] call) -> ((SavedCall) call[1]).cronoCounter()));
		return ClustersTests.reference(calls, (call) -> (String) call[0], (call) -> ((SavedCall) call[1]).time(),
				Clusters.CRONO_MAX_LENGTH, Clusters.DEFAULT_FILTER);
	}

	private static SavedIteration iteration(int number, Map<String, List<SavedCall>> calls) {
		return new SavedIteration(number, 100.0 + number, 100.5 + number, Map.of(), calls);
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
