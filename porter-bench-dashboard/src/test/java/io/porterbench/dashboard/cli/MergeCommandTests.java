package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.record.RunOrigin;
import io.porterbench.dashboard.LoadedRun;
import io.porterbench.dashboard.RunCatalog;
import io.porterbench.record.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code merge}: two workers' runs become one that {@code summary}, {@code plots},
 * {@code diff} and the dashboard read; bad input exits with 2 and one line, and writes
 * nothing.
 */
class MergeCommandTests {

	@TempDir
	Path folder;

	@Test
	void mergeWritesOneRunThatEveryOtherCommandAndTheDashboardRead() throws IOException {
		Path a = saveWorker("worker-a", 1_795_705_894.0, 4, false);
		Path b = saveWorker("worker-b", 1_795_705_894.5, 3, false);
		Path output = this.folder.resolve("merged");

		Cli.Result merge = Cli.run("merge", a.toString(), b.toString(), "--output", output.toString());

		assertThat(merge.status()).as(merge.err()).isZero();
		assertThat(merge.out()).contains("orders: 7 iterations");
		String[] lines = merge.out().split("\\R");
		Path merged = Path.of(lines[lines.length - 1].substring("Merged run: ".length()));
		assertThat(merged.getParent()).isEqualTo(output.toAbsolutePath().normalize());

		Cli.Result summary = Cli.run("summary", "--path", merged.toString(), "--format", "csv");
		assertThat(summary.status()).as(summary.err()).isZero();
		assertThat(summary.out()).contains("orders,price,7,").contains("orders,GLOBAL,7,");

		Cli.Result plots = Cli.run("plots", "--path", merged.toString(), "--output",
				this.folder.resolve("plots").toString());
		assertThat(plots.status()).as(plots.err()).isZero();
		assertThat(this.folder.resolve("plots/orders_times.png")).isNotEmptyFile();

		Cli.Result diff = Cli.run("diff", a.toString(), merged.toString());
		assertThat(diff.status()).as(diff.err()).isIn(0, 1);
		assertThat(diff.out()).contains("orders", "price");

		RunCatalog catalog = new RunCatalog(output);
		LoadedRun loaded = catalog.load(catalog.latest().orElseThrow().name());
		assertThat(loaded.isServable("orders")).isTrue();
		assertThat(loaded.bench("orders").iterations()).hasSize(7);
	}

	@Test
	void noRunsExitsWithTwoAndOneLine() {
		assertRefused("No runs to merge", "merge", "--output", this.folder.resolve("out").toString());
	}

	@Test
	void noOutputExitsWithTwoAndOneLine() {
		Path a = saveWorker("worker-a", 1_795_705_894.0, 4, false);
		assertRefused("Missing --output ROOT", "merge", a.toString());
	}

	@Test
	void aPathThatIsNotARunExitsWithTwoAndOneLine() throws IOException {
		Path a = saveWorker("worker-a", 1_795_705_894.0, 4, false);
		Path empty = Files.createDirectories(this.folder.resolve("empty"));
		assertRefused(empty + " is not a run", "merge", a.toString(), empty.toString(), "--output",
				this.folder.resolve("out").toString());
	}

	@Test
	void aMalformedFileExitsWithTwoAndOneLineNamingIt() throws IOException {
		Path a = saveWorker("worker-a", 1_795_705_894.0, 4, false);
		Path b = saveWorker("worker-b", 1_795_705_894.5, 3, false);
		Path data;
		try (Stream<Path> runs = Files.list(b.resolve(RunFiles.RUNS_FOLDER))) {
			data = RunFiles.dataFile(runs.findFirst().orElseThrow(), "orders");
		}
		Files.writeString(data, "[{\"absolutes\": 1}]");
		assertRefused(data.toString(), "merge", a.toString(), b.toString(), "--output",
				this.folder.resolve("out").toString());
	}

	@Test
	void runsThatDisagreeOnAFormatExitWithTwoAndOneLine() {
		Path a = saveWorker("worker-a", 1_795_705_894.0, 4, true);
		Path b = saveWorker("worker-b", 1_795_705_894.5, 3, false);
		assertRefused("The runs disagree on the format of benchmarker 'orders'", "merge", a.toString(), b.toString(),
				"--output", this.folder.resolve("out").toString());
	}

	private void assertRefused(String message, String... args) {
		Cli.Result result = Cli.run(args);
		assertThat(result.status()).isEqualTo(PorterBenchCli.EXIT_BAD_INPUT);
		assertThat(result.out()).isEmpty();
		assertThat(result.err().strip()).contains(message).doesNotContain("\n");
		assertThat(this.folder.resolve("out")).doesNotExist();
	}

	/**
	 * A worker's project folder, with its run under TICTOC_PERFORMANCE: an iteration a
	 * second.
	 */
	private Path saveWorker(String worker, double start, int iterations, boolean memory) {
		Path project = this.folder.resolve(worker);
		MockBenchClock clock = new MockBenchClock(start);
		try (BenchDict dict = BenchDict.builder()
			.root(project.resolve(RunFiles.RUNS_FOLDER))
			.clock(clock)
			.origin(RunOrigin.of(worker + ".example", 100))
			.build()) {
			Benchmarker orders = dict.get("orders");
			if (memory) {
				orders.enableMemoryTracking(false);
			}
			for (int i = 0; i < iterations; i++) {
				orders.gstep();
				clock.add(Duration.ofMillis(10 + i));
				orders.step("price");
				clock.add(Duration.ofMillis(2));
				orders.step("notify");
				orders.gstop();
				clock.add(Duration.ofMillis(988 - i));
			}
			dict.save();
		}
		return project;
	}

}
