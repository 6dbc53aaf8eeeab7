package io.porterbench.demo.jobs;

import java.nio.file.Path;
import java.time.Duration;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.record.RunFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PipelineJobTests {

	@TempDir
	Path root;

	private BenchDict benchDict;

	@AfterEach
	void close() {
		if (this.benchDict != null) {
			this.benchDict.close();
		}
	}

	@Test
	void runsTwelveIterationsOfFourStepsAndSavesThemWithoutBeingAsked() {
		this.benchDict = new BenchDict(this.root);
		new PipelineJob(this.benchDict).run();
		Benchmarker bench = this.benchDict.get(PipelineJob.BENCH);
		assertThat(bench.iterationCount()).isEqualTo(12);
		assertThat(bench.summary().steps()).containsOnlyKeys("load", "normalise", "compute", "postprocess",
				Benchmarker.GSTOP, "GLOBAL");
		// setSaveOnGstop(4): the background writer saves after iterations 4, 8 and 12;
		// nobody calls save().
		Path data = RunFiles.dataFile(this.benchDict.runDirectory(), PipelineJob.BENCH);
		JsonMapper json = JsonMapper.builder().build();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(data).exists()
				.satisfies((file) -> assertThat(json.readTree(file.toFile()).size()).isEqualTo(12)));
	}

	@Test
	void stopsAtTheNextStepWhenInterrupted() {
		this.benchDict = new BenchDict(this.root);
		Thread.currentThread().interrupt();
		try {
			new PipelineJob(this.benchDict).run();
		}
		finally {
			Thread.interrupted();
		}
		Benchmarker bench = this.benchDict.get(PipelineJob.BENCH);
		assertThat(bench.iterationCount()).isEqualTo(1);
		assertThat(bench.isIterationOpen()).isFalse();
	}

}
