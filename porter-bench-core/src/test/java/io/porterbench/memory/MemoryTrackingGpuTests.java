package io.porterbench.memory;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MemoryBenchmarker;
import io.porterbench.record.RunFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GPU memory in the samples of a benchmarker, read through {@link FakeNvidiaSmi}, a
 * stand-in script for NVIDIA's {@code nvidia-smi} placed first on the search path.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class MemoryTrackingGpuTests {

	private static final long MIB = 1024 * 1024;

	private final long pid = ProcessHandle.current().pid();

	@TempDir
	Path root;

	@TempDir
	Path bin;

	private BenchDict dict;

	@AfterEach
	void closeDict() {
		if (this.dict != null) {
			this.dict.close();
		}
	}

	private Benchmarker bench(NvidiaSmi probe) {
		this.dict = BenchDict.builder().root(this.root).memorySource(MemorySource.system(probe)).build();
		return this.dict.get("gpu");
	}

	private JsonNode lastGstopCuda(Benchmarker bench) {
		JsonNode memory = JsonMapper.builder().build().readTree(RunFiles.memoryFile(bench.save(), "gpu"));
		return memory.get(memory.size() - 1).get("data").get("gstop").get(0).get("cuda memory usage");
	}

	@Test
	void samplesCarryTheProcessGpuMemoryUnderTheOriginalsKeys() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.bin).rows("1, 9000\n" + this.pid + ", 1024\n");
		Benchmarker bench = bench(fake.probeForThisProcess());
		MemoryBenchmarker memory = bench.enableMemoryTracking(false).enableGpuMemoryTracking();
		assertThat(memory.isGpuAvailable()).isTrue();
		bench.gstep();
		bench.gstop();
		JsonNode cuda = lastGstopCuda(bench);
		assertThat(cuda.propertyNames()).containsExactly("allocated", "reserved", "max_allocated", "max_reserved");
		assertThat(cuda.get("allocated").asLong()).isEqualTo(1024 * MIB);
		assertThat(cuda.get("reserved").asLong()).isEqualTo(1024 * MIB);
		assertThat(cuda.get("max_allocated").asLong()).isEqualTo(1024 * MIB);
		assertThat(cuda.get("max_reserved").asLong()).isEqualTo(1024 * MIB);
	}

	@Test
	void thePollerThreadRefreshesTheFigureAndThePeaksStay() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.bin).rows(this.pid + ", 1024\n");
		Benchmarker bench = bench(fake.probeForThisProcess());
		bench.enableMemoryTracking(false).enableGpuMemoryTracking(Duration.ofMillis(5));
		fake.rows(this.pid + ", 256\n");
		await().until(() -> {
			bench.gstep();
			bench.gstop();
			return lastGstopCuda(bench).get("allocated").asLong() == 256 * MIB;
		});
		JsonNode cuda = lastGstopCuda(bench);
		assertThat(cuda.get("max_allocated").asLong()).isEqualTo(1024 * MIB);
		assertThat(cuda.get("max_reserved").asLong()).isEqualTo(1024 * MIB);
	}

	@Test
	void withoutNvidiaSmiGpuTrackingIsASilentNoOp() {
		Benchmarker bench = bench(NvidiaSmi.onPath(this.bin.toString(), this.pid, Duration.ofSeconds(1)));
		MemoryBenchmarker memory = bench.enableMemoryTracking(false).enableGpuMemoryTracking();
		assertThat(memory.isGpuAvailable()).isFalse();
		bench.gstep();
		bench.gstop();
		assertThat(lastGstopCuda(bench).isNull()).isTrue();
		assertThat(memory.isGpuTracking()).isTrue();
	}

	@Test
	void disablingGpuTrackingTurnsTheFigureBackToNull() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.bin).rows(this.pid + ", 64\n");
		Benchmarker bench = bench(fake.probeForThisProcess());
		MemoryBenchmarker memory = bench.enableMemoryTracking(false).enableGpuMemoryTracking();
		memory.disableGpuMemoryTracking();
		bench.gstep();
		bench.gstop();
		assertThat(lastGstopCuda(bench).isNull()).isTrue();
		assertThat(memory.isGpuTracking()).isFalse();
	}

}
