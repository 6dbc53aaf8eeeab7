package io.porterbench.record;

import java.util.List;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading a run in porter-bench's own format: the original's keys plus {@code count},
 * {@code total}, {@code std}, {@code p50}, {@code p90}, {@code p99} in the summary and
 * {@code heap used}, {@code heap committed} in memory samples.
 */
class RunRecordOwnFormatTests {

	private static final String DATA = """
			[
			    {
			        "absolutes": {"load": 0.25, "proc": 0.5, "gstop": 0.125, "GLOBAL": 0.875},
			        "written by": {"a future version": [1, {"b": null}]},
			        "info": {"STEP_NUMBER": 0, "START_TIME": 1700000000.0, "STOP_TIME": 1700000000.875},
			        "individual_calls": {
			            "load": [{"time": 0.25, "crono_counter": 0, "extra": {"i": 0, "tags": ["a", "b"]}}],
			            "proc": [{"time": 0.375, "crono_counter": 1, "extra": null},
			                     {"time": 0.125, "crono_counter": 2, "extra": null}],
			            "gstop": [{"time": 0.125, "crono_counter": 3, "extra": null}],
			            "GLOBAL": [{"time": 0.875, "crono_counter": 4}]
			        }
			    },
			    {
			        "absolutes": {"load": 1, "extra step": 0.5},
			        "info": {"STEP_NUMBER": 1, "START_TIME": [], "STOP_TIME": 0},
			        "individual_calls": {
			            "load": [{"time": 1, "crono_counter": 0, "extra": null}],
			            "extra step": [{"time": 0.5, "crono_counter": 1, "extra": "text"}]
			        }
			    }
			]
			""";

	private static final String SUMMARY = """
			{
			    "load": {"mean": 0.625, "min": 0, "max": 1, "quantile_filtered": 0.625,
			             "count": 2, "total": 1.25, "std": 0.375, "p50": 0.625, "p90": 0.925, "p99": 0.9925,
			             "p999": 0.99925},
			    "GLOBAL": {"mean": 0.875, "min": 0.875, "max": 0.875, "quantile_filtered": NaN,
			               "count": 1, "total": 0.875, "std": 0.0, "p50": 0.875, "p90": 0.875, "p99": 0.875}
			}
			""";

	private static final String MEMORY = """
			[
			    {
			        "info": {"STEP_NUMBER": 0, "START_TIME": 1700000000.0, "STOP_TIME": 1700000000.875},
			        "data": {
			            "gstep": [{"total memory usage": 104857600, "cuda memory usage": null,
			                       "top_memory_objects": [], "crono_counter": 0, "extra": null,
			                       "max memory usage": null, "heap used": 52428800, "heap committed": 67108864,
			                       "gc count": 3}],
			            "load": [{"total memory usage": 209715200,
			                      "cuda memory usage": {"allocated": 1024, "reserved": 2048,
			                                            "max_allocated": 4096, "max_reserved": 8192},
			                      "top_memory_objects": [["byte[]", 40000202], ["java.lang.String", 1200]],
			                      "crono_counter": 1, "extra": {"note": 1},
			                      "max memory usage": 0, "heap used": 62914560, "heap committed": 67108864}]
			        }
			    }
			]
			""";

	@TempDir
	Path root;

	private Path runFolder;

	@BeforeEach
	void writeRun() throws IOException {
		this.runFolder = Files.createDirectories(this.root.resolve("TICTOC_PERFORMANCE/2026-11-26_15-12-03"));
		write("orders_STEP_DICT_DATA.json", DATA);
		write("orders_STEP_DICT_SUMMARY.json", SUMMARY);
		write("orders_MEMORY.json", MEMORY);
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.runFolder.resolve(name), content, StandardCharsets.UTF_8);
	}

	@Test
	void loadsWithoutProblems() {
		RunRecord run = RunRecord.loadLatest(this.root);
		assertThat(run.problems()).isEmpty();
		assertThat(run.benchNames()).containsExactly("orders");
		assertThat(run.runDirectory()).isEqualTo(this.runFolder.toAbsolutePath().normalize());
	}

	@Test
	void skipsKeysItDoesNotKnow() {
		RunRecord run = RunRecord.load(this.runFolder);
		assertThat(run.problems()).isEmpty();
		assertThat(run.bench("orders").iterations().get(0).absolutes()).containsOnlyKeys("load", "proc", "gstop",
				"GLOBAL");
		assertThat(run.bench("orders").memory().get(0).samples().get("gstep")).hasSize(1);
	}

	@Test
	void readsAClosedAndAnOpenIteration() {
		BenchRecord orders = RunRecord.load(this.runFolder).bench("orders");
		assertThat(orders.iterations()).hasSize(2);
		SavedIteration open = orders.iterations().get(1);
		assertThat(open.isOpen()).isTrue();
		assertThat(open.stopTime()).isZero();
		assertThat(open.startTime()).isNaN();
		assertThat(orders.iterations().get(0).isOpen()).isFalse();
	}

	@Test
	void keepsEveryCallOfARepeatedTopic() {
		SavedIteration first = RunRecord.load(this.runFolder).bench("orders").iterations().get(0);
		assertThat(first.calls().get("proc")).extracting(SavedCall::time).containsExactly(0.375, 0.125);
		assertThat(first.calls().get("proc")).extracting(SavedCall::cronoCounter).containsExactly(1, 2);
		assertThat(first.absolutes().get("proc")).isEqualTo(0.5);
		assertThat(((List<?>) ((Map<?, ?>) first.calls().get("load").get(0).extra()).get("tags")).get(1))
			.isEqualTo("b");
	}

	@Test
	void readsIntegersWhereNumbersAreExpected() {
		BenchRecord orders = RunRecord.load(this.runFolder).bench("orders");
		assertThat(orders.iterations().get(1).absolutes().get("load")).isEqualTo(1.0);
		assertThat(orders.summary().get("load").min()).isZero();
		assertThat(orders.summary().get("load").max()).isEqualTo(1.0);
	}

	@Test
	void givesNaNForATopicMissingFromAnIteration() {
		BenchRecord orders = RunRecord.load(this.runFolder).bench("orders");
		assertThat(orders.topics()).containsExactly("load", "proc", "gstop", "GLOBAL", "extra step");
		assertThat(orders.series("GLOBAL")).containsExactly(0.875, Double.NaN);
		assertThat(orders.series("extra step")).containsExactly(Double.NaN, 0.5);
		assertThat(orders.series("never")).containsExactly(Double.NaN, Double.NaN);
		assertThat(orders.calls("proc").get(1)).isEmpty();
	}

	@Test
	void readsTheExtraSummaryFigures() {
		SavedStepSummary load = RunRecord.load(this.runFolder).bench("orders").summary().get("load");
		assertThat(load).isEqualTo(new SavedStepSummary(0.625, 0, 1, 0.625, 2L, 1.25, 0.375, 0.625, 0.925, 0.9925));
	}

	@Test
	void readsPythonsNaNToken() {
		Map<String, SavedStepSummary> summary = RunRecord.load(this.runFolder).bench("orders").summary();
		assertThat(summary.get("GLOBAL").quantileFiltered()).isNaN();
	}

	@Test
	void readsHeapFiguresCudaAndTopObjects() {
		SavedMemoryIteration memory = RunRecord.load(this.runFolder).bench("orders").memory().get(0);
		SavedMemorySample gstep = memory.samples().get("gstep").get(0);
		assertThat(gstep.totalMemory()).isEqualTo(104857600L);
		assertThat(gstep.maxMemory()).isNull();
		assertThat(gstep.heapUsed()).isEqualTo(52428800L);
		assertThat(gstep.heapCommitted()).isEqualTo(67108864L);
		SavedMemorySample load = memory.samples().get("load").get(0);
		assertThat(load.cudaMemory()).containsExactly(Map.entry("allocated", 1024L), Map.entry("reserved", 2048L),
				Map.entry("max_allocated", 4096L), Map.entry("max_reserved", 8192L));
		assertThat(load.topMemoryObjects()).containsExactly(new SavedMemorySample.TopObject("byte[]", 40000202),
				new SavedMemorySample.TopObject("java.lang.String", 1200));
		assertThat(load.maxMemory()).isZero();
		assertThat(((Map<?, ?>) load.extra()).get("note")).isEqualTo(1);
	}

}
