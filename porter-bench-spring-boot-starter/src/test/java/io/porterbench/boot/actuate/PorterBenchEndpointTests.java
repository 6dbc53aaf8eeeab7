package io.porterbench.boot.actuate;

import java.nio.file.Path;
import java.time.Duration;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.boot.actuate.PorterBenchEndpoint.BenchDescriptor;
import io.porterbench.boot.actuate.PorterBenchEndpoint.BenchesDescriptor;
import io.porterbench.boot.actuate.PorterBenchEndpoint.SaveDescriptor;
import io.porterbench.boot.actuate.PorterBenchEndpoint.StepDescriptor;
import io.porterbench.record.RunFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PorterBenchEndpoint}.
 */
class PorterBenchEndpointTests {

	private final MockBenchClock clock = new MockBenchClock();

	@TempDir
	Path root;

	private BenchDict benchDict;

	private PorterBenchEndpoint endpoint;

	@BeforeEach
	void createEndpoint() {
		this.benchDict = BenchDict.builder().root(this.root).clock(this.clock).build();
		this.endpoint = new PorterBenchEndpoint(this.benchDict);
	}

	@AfterEach
	void close() {
		this.benchDict.close();
	}

	@Test
	void benchesListsEveryBenchmarkerSortedByName() {
		runIterations("zeta", 1);
		runIterations("alpha", 2);
		BenchesDescriptor benches = this.endpoint.benches();
		assertThat(benches.getRoot()).isEqualTo(this.root.toAbsolutePath().normalize().toString());
		assertThat(benches.getRunDirectory()).isEqualTo(this.benchDict.runDirectory().toString());
		assertThat(benches.getBenches()).containsOnlyKeys("alpha", "zeta");
		assertThat(benches.getBenches().keySet()).containsExactly("alpha", "zeta");
	}

	@Test
	void benchesWithNoBenchmarkerIsEmpty() {
		assertThat(this.endpoint.benches().getBenches()).isEmpty();
	}

	@Test
	void benchDescribesIterationsAndStepStatisticsInSeconds() {
		runIterations("pipeline", 3);
		this.benchDict.get("pipeline").gstep();
		BenchDescriptor bench = this.endpoint.bench("pipeline");
		assertThat(bench.getIterations()).isEqualTo(3);
		assertThat(bench.getOpenIterations()).isOne();
		assertThat(bench.getSteps()).containsKeys("load", "gstop", "GLOBAL");
		assertThat(bench.getSteps().keySet()).last().isEqualTo("GLOBAL");
		StepDescriptor load = bench.getSteps().get("load");
		assertThat(load.getCount()).isEqualTo(3);
		assertThat(load.getMin()).isEqualTo(0.010);
		assertThat(load.getMax()).isEqualTo(0.030);
		assertThat(load.getMean()).isCloseTo(0.020, within(1e-12));
		assertThat(load.getTotal()).isCloseTo(0.060, within(1e-12));
		assertThat(load.getP50()).isCloseTo(0.020, within(1e-12));
		assertThat(load.getQuantileFiltered()).isCloseTo(0.020, within(1e-12));
		assertThat(load.getStd()).isPositive();
		assertThat(load.getP90()).isBetween(0.020, 0.030);
		assertThat(load.getP99()).isBetween(load.getP90(), 0.030);
		assertThat(bench.getMemory()).isNull();
		this.benchDict.get("pipeline").gstop();
	}

	@Test
	void benchOfAnUnknownNameIsNull() {
		runIterations("pipeline", 1);
		assertThat(this.endpoint.bench("other")).isNull();
		assertThat(this.benchDict.find("other")).isEmpty();
	}

	@Test
	void saveWritesTheFilesAndListsThem() {
		runIterations("pipeline", 2);
		SaveDescriptor saved = this.endpoint.save();
		Path run = this.benchDict.runDirectory();
		assertThat(saved.getRunDirectory()).isEqualTo(run.toString());
		assertThat(saved.getFiles()).contains(RunFiles.summaryFile(run, "pipeline").toString(),
				RunFiles.dataFile(run, "pipeline").toString());
		assertThat(saved.getFiles()).allSatisfy((file) -> assertThat(Path.of(file)).isRegularFile());
	}

	@Test
	void resetForgetsTheIterationsOfOneBenchmarker() {
		runIterations("pipeline", 3);
		runIterations("other", 2);
		BenchDescriptor reset = this.endpoint.reset("pipeline");
		assertThat(reset.getIterations()).isZero();
		assertThat(this.benchDict.get("pipeline").iterationCount()).isZero();
		assertThat(this.benchDict.get("other").iterationCount()).isEqualTo(2);
	}

	@Test
	void resetOfAnUnknownNameIsNullAndCreatesNothing() {
		assertThat(this.endpoint.reset("ghost")).isNull();
		assertThat(this.benchDict.names()).isEmpty();
	}

	private void runIterations(String name, int count) {
		Benchmarker bench = this.benchDict.get(name);
		for (int i = 1; i <= count; i++) {
			bench.gstep();
			this.clock.add(Duration.ofMillis(10 * i));
			bench.step("load");
			bench.gstop();
		}
	}

}
