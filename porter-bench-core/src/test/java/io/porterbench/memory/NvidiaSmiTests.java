package io.porterbench.memory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link NvidiaSmi}, {@link GpuMemoryTracker} and {@link GpuProbeMain}, run
 * against {@link FakeNvidiaSmi}, a stand-in script for NVIDIA's {@code nvidia-smi}.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class NvidiaSmiTests {

	private static final long MIB = 1024 * 1024;

	private final long pid = ProcessHandle.current().pid();

	@TempDir
	Path folder;

	@Test
	void theFirstNvidiaSmiOnTheSearchPathIsUsed() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.folder);
		NvidiaSmi probe = fake.probeForThisProcess();
		assertThat(probe.executable()).isEqualTo(this.folder.resolve("nvidia-smi"));
		assertThat(probe.isAvailable()).isTrue();
	}

	@Test
	void processMemoryIsTheSumOfThisProcessRowsInBytes() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.folder).rows("""
				1, 500
				%1$d, 1234
				%1$d, 10
				""".formatted(this.pid));
		assertThat(fake.probeForThisProcess().processMemoryBytes()).isEqualTo(1244 * MIB);
	}

	@Test
	void processMemoryIsZeroWhenTheProcessHasNoRow() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.folder).rows("1, 500\n");
		assertThat(fake.probeForThisProcess().processMemoryBytes()).isZero();
	}

	@Test
	void rowsWithoutAFigureCountAsNothing() {
		assertThat(NvidiaSmi.sumForPid(List.of("7, [N/A]", "7, 3", "7", "x, 4"), 7)).isEqualTo(3 * MIB);
	}

	@Test
	void noNvidiaSmiOnTheSearchPathMeansUnavailable() {
		NvidiaSmi probe = NvidiaSmi.onPath(this.folder.toString(), this.pid, Duration.ofSeconds(1));
		assertThat(probe.executable()).isNull();
		assertThat(probe.isAvailable()).isFalse();
		assertThat(probe.processMemoryBytes()).isEqualTo(-1);
		assertThat(probe.computeApps()).isNull();
	}

	@Test
	void anNvidiaSmiThatListsNoGpuMeansUnavailable() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.folder, """
				#!/bin/sh
				echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver." >&2
				exit 9
				""");
		NvidiaSmi probe = fake.probeForThisProcess();
		assertThat(probe.isAvailable()).isFalse();
		assertThat(probe.processMemoryBytes()).isEqualTo(-1);
	}

	@Test
	void anNvidiaSmiThatDoesNotAnswerInTimeGivesNoFigure() {
		FakeNvidiaSmi.in(this.folder, """
				#!/bin/sh
				exec sleep 30
				""");
		NvidiaSmi probe = NvidiaSmi.at(this.folder.resolve("nvidia-smi"), this.pid, Duration.ofMillis(200));
		assertThat(probe.processMemoryBytes()).isEqualTo(-1);
	}

	@Test
	void aTimeoutMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NvidiaSmi.onPath(this.folder.toString(), this.pid, Duration.ZERO))
			.withMessageContaining("must be positive");
	}

	@Test
	void theTrackerReportsTheDriverFigureAsAllocatedAndReservedWithPeaksSinceTrackingBegan() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.folder).rows(this.pid + ", 1000\n");
		GpuMemoryTracker tracker = new GpuMemoryTracker(fake.probeForThisProcess());
		assertThat(tracker.sample()).isEqualTo(new GpuMemory(1000 * MIB, 1000 * MIB, 1000 * MIB, 1000 * MIB));
		fake.rows(this.pid + ", 400\n");
		assertThat(tracker.sample()).isEqualTo(new GpuMemory(400 * MIB, 400 * MIB, 1000 * MIB, 1000 * MIB));
	}

	@Test
	void theTrackerGivesNullWithoutAGpu() {
		GpuMemoryTracker tracker = new GpuMemoryTracker(
				NvidiaSmi.onPath(this.folder.toString(), this.pid, Duration.ofSeconds(1)));
		assertThat(tracker.isAvailable()).isFalse();
		assertThat(tracker.sample()).isNull();
	}

	@Test
	void theSystemSourceTakesItsGpuFiguresFromTheProbe() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.folder).rows(this.pid + ", 64\n");
		MemorySource source = MemorySource.system(fake.probeForThisProcess());
		assertThat(source.isGpuAvailable()).isTrue();
		assertThat(source.gpu().toMap()).containsExactly(entry("allocated", 64 * MIB), entry("reserved", 64 * MIB),
				entry("max_allocated", 64 * MIB), entry("max_reserved", 64 * MIB));
	}

	@Test
	void theProbeMainPrintsWhatItFinds() {
		FakeNvidiaSmi fake = FakeNvidiaSmi.in(this.folder).rows("42, 8\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		GpuProbeMain.report(fake.probe(42), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("pid: 42")
			.contains("gpus: [GPU 0: Fake GPU")
			.contains("available: true")
			.contains("[42, 8]")
			.contains("cuda memory usage: {allocated=8388608, reserved=8388608, max_allocated=8388608, "
					+ "max_reserved=8388608}");
	}

	@Test
	void theProbeMainSaysWhenThereIsNoGpu() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		GpuProbeMain.report(NvidiaSmi.onPath(this.folder.toString(), 42, Duration.ofSeconds(1)),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("not found on the PATH")
			.contains("available: false")
			.contains("cuda memory usage: null");
	}

}
