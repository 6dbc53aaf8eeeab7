package io.porterbench.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.porterbench.BenchDict;
import io.porterbench.demo.jobs.PipelineJob;
import io.porterbench.demo.jobs.TrainingJob;
import io.porterbench.demo.load.LoadGenerator;
import io.porterbench.record.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the demo's context, as Ctrl+C does, writes the run files of every benchmarker.
 */
class DemoApplicationShutdownIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void closingTheContextWritesTheRunFilesOfEveryBenchmarker(@TempDir Path root) throws IOException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoApplication.class)
			.run("--server.port=0", "--porterbench.root=" + root, "--demo.load.requests=30", "--demo.load.duration=1s");
		BenchDict benchDict = context.getBean(BenchDict.class);
		LoadGenerator loadGenerator = context.getBean(LoadGenerator.class);
		await().atMost(Duration.ofMinutes(2))
			.until(() -> loadGenerator.report().finished()
					&& benchDict.find(TrainingJob.BENCH).map((bench) -> bench.iterationCount() == 10).orElse(false));
		Path run = benchDict.runDirectory();
		// The orders benchmarker never auto-saves: its files can only come from the
		// shutdown save.
		assertThat(RunFiles.dataFile(run, "orders")).doesNotExist();
		context.close();

		assertThat(run).isDirectory().startsWith(root);
		assertThat(iterations(RunFiles.dataFile(run, "orders"))).isEqualTo(30);
		assertThat(iterations(RunFiles.dataFile(run, TrainingJob.BENCH))).isEqualTo(10);
		assertThat(iterations(RunFiles.dataFile(run, PipelineJob.BENCH))).isEqualTo(12);
		JsonNode summary = this.json.readTree(RunFiles.summaryFile(run, "orders").toFile());
		assertThat(summary.propertyNames()).contains("validate", "price", "persist", "notify", "GLOBAL");
		// Training tracks memory at every step: one memory iteration per batch.
		assertThat(iterations(RunFiles.memoryFile(run, TrainingJob.BENCH))).isEqualTo(10);
		try (Stream<Path> runs = Files.list(root)) {
			assertThat(runs.toList()).as("one run folder for the whole application").isEqualTo(List.of(run));
		}
	}

	private int iterations(Path file) throws IOException {
		JsonNode list = this.json.readTree(file.toFile());
		assertThat(list.isArray()).as("%s is a JSON list", file).isTrue();
		return list.size();
	}

}
