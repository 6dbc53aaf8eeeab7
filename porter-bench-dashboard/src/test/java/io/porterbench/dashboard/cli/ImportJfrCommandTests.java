package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.dashboard.RawHttp;
import io.porterbench.dashboard.RunCatalog;
import io.porterbench.dashboard.RunEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import-jfr} on real recordings: the imported run is read by the loader,
 * {@code summary}, {@code diff} and the dashboard; bad recordings exit with status 2, one
 * line, and write nothing.
 */
class ImportJfrCommandTests {

	private static final int ITERATIONS = 10;

	/**
	 * The iteration that calls System.gc() and sleeps longest, so that it is the slowest
	 * 10%.
	 */
	private static final int COLLECTING_ITERATION = 6;

	@TempDir
	static Path shared;

	private static Path recording;

	private static Path savedRun;

	@TempDir
	Path folder;

	@BeforeAll
	static void recordAndSave() throws IOException {
		BenchDict dict = BenchDict.builder().root(shared.resolve("saved")).build();
		Benchmarker bench = dict.get("orders");
		recording = record(shared.resolve("orders.jfr"), true, () -> {
			for (int i = 0; i < ITERATIONS; i++) {
				bench.gstep();
				sleep(3);
				bench.step("validate");
				sleep((i == COLLECTING_ITERATION) ? 40 : 5);
				if (i == COLLECTING_ITERATION) {
					System.gc();
				}
				bench.step("store");
			}
			bench.gstop();
		});
		savedRun = dict.save();
		dict.close();
	}

	@Test
	void importWritesARunThatSummaryDiffAndTheLoaderRead() throws IOException {
		Cli.Result imported = Cli.run("import-jfr", recording.toString(), "--path", this.folder.toString());
		assertThat(imported.status()).as(imported.err()).isZero();
		assertThat(imported.err()).isEmpty();
		Path runFolder = onlyRun(this.folder.resolve("TICTOC_PERFORMANCE"));
		assertThat(imported.out()).contains("Imported " + recording + " into " + runFolder)
			.contains("  orders: " + ITERATIONS + " iterations");
		RunCatalog catalog = new RunCatalog(this.folder);
		assertThat(catalog.runs()).extracting(RunEntry::name).containsExactly(runFolder.getFileName().toString());
		assertThat(catalog.load(runFolder.getFileName().toString()).bench("orders").iterations()).hasSize(ITERATIONS);

		Cli.Result summary = Cli.run("summary", "--path", this.folder.toString());
		assertThat(summary.status()).as(summary.err()).isZero();
		assertThat(summary.out()).contains("orders (" + ITERATIONS + " iterations in the DATA file)")
			.containsPattern("validate\\s+" + ITERATIONS)
			.containsPattern("GC pauses: 1 of the 1 slowest iterations \\(10%\\) overlapped a GC pause; \\d+ of "
					+ ITERATIONS + " in all");
		Cli.Result json = Cli.run("summary", "--path", this.folder.toString(), "--format", "json");
		JsonNode gc = JsonMapper.builder().build().readTree(json.out()).get("benches").get(0).get("gc_pauses");
		assertThat(gc.get("slowest").asInt()).isEqualTo(1);
		assertThat(gc.get("slowestWithPause").asInt()).isEqualTo(1);

		Cli.Result diff = Cli.run("diff", savedRun.toString(), runFolder.toString());
		assertThat(diff.status()).as(diff.out() + diff.err()).isZero();
		assertThat(diff.out()).contains("0 regressed").contains("validate");

		Cli.Result savedSummary = Cli.run("summary", "--path", savedRun.toString());
		assertThat(savedSummary.out()).doesNotContain("GC pauses");
	}

	@Test
	void theDashboardShowsHowManyOfTheSlowestIterationsOverlappedAPause() {
		Cli.Result imported = Cli.run("import-jfr", recording.toString(), "--path", this.folder.toString());
		assertThat(imported.status()).as(imported.err()).isZero();
		Path root = this.folder.resolve("TICTOC_PERFORMANCE");
		String run = onlyRun(root).getFileName().toString();
		ConfigurableApplicationContext context = DashboardServer.start(root, 0, "/porterbench");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RawHttp.Response response = RawHttp.get(port, "/porterbench/api/runs/" + run + "/benches/orders");
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode gc = JsonMapper.builder().build().readTree(response.body()).get("gcPauses");
			assertThat(gc.get("iterations").asInt()).isEqualTo(ITERATIONS);
			assertThat(gc.get("slowest").asInt()).isEqualTo(1);
			assertThat(gc.get("slowestWithPause").asInt()).isEqualTo(1);
			String script = RawHttp.get(port, "/porterbench/assets/dashboard.js").body();
			assertThat(script).contains("data.gcPauses.slowestWithPause").contains("bench-gc");
		}
		finally {
			context.close();
		}
	}

	@Test
	void aRootThatAlreadyHoldsRunsGetsTheImportedRunBesideThem() {
		Cli.Result imported = Cli.run("import-jfr", recording.toString(), "--path", savedRun.getParent().toString());
		assertThat(imported.status()).as(imported.err()).isZero();
		assertThat(new RunCatalog(savedRun.getParent()).runs()).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aMissingRecordingExitsWithTwoAndWritesNothing() {
		assertBadInput(this.folder.resolve("absent.jfr"), "No such recording: " + this.folder.resolve("absent.jfr"));
	}

	@Test
	void aFileThatIsNotARecordingExitsWithTwoAndWritesNothing() throws IOException {
		Path text = Files.writeString(this.folder.resolve("notes.jfr"), "plain text");
		assertBadInput(text, text + " is not a JFR recording: it does not begin with JFR's magic bytes FLR\\0");
	}

	@Test
	void aRecordingCutInHalfExitsWithTwoAndWritesNothing() throws IOException {
		byte[] bytes = Files.readAllBytes(recording);
		Path cut = Files.write(this.folder.resolve("cut.jfr"), Arrays.copyOf(bytes, bytes.length / 2));
		Cli.Result result = assertBadInput(cut, null);
		assertThat(result.err()).startsWith(cut + " is truncated or damaged (")
			.contains("no complete chunk before the damage holds porter-bench events");
	}

	@Test
	void aRecordingWithoutPorterBenchEventsExitsWithTwoAndWritesNothing() {
		Benchmarker bench = BenchDict.builder().root(this.folder.resolve("saved")).build().get("quiet");
		Path quiet = record(this.folder.resolve("quiet.jfr"), false, () -> {
			bench.gstep();
			bench.step("a");
			bench.gstop();
		});
		assertBadInput(quiet, quiet + " holds no porter-bench events (porterbench.Step, porterbench.Iteration): "
				+ "record with settings that enable them, such as porter-bench.jfc");
	}

	@Test
	void aMissingRootExitsWithTwo() {
		Cli.Result result = Cli.run("import-jfr", recording.toString(), "--path",
				this.folder.resolve("nowhere").toString());
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.err().strip()).isEqualTo("No such folder: " + this.folder.resolve("nowhere"));
	}

	private Cli.Result assertBadInput(Path file, String expectedLine) {
		Path root = this.folder.resolve("root");
		try {
			Files.createDirectories(root);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Cli.Result result = Cli.run("import-jfr", file.toString(), "--path", root.toString());
		assertThat(result.status()).as(result.out()).isEqualTo(2);
		assertThat(result.err().strip()).doesNotContain("\n");
		if (expectedLine != null) {
			assertThat(result.err().strip()).isEqualTo(expectedLine);
		}
		assertThat(result.out()).isEmpty();
		assertThat(root).isEmptyDirectory();
		return result;
	}

	private static Path onlyRun(Path root) {
		try (Stream<Path> runs = Files.list(root)) {
			List<Path> all = runs.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path record(Path file, boolean porterBenchEvents, Runnable work) {
		try (Recording recording = new Recording()) {
			for (String event : List.of("porterbench.Step", "porterbench.Iteration")) {
				if (porterBenchEvents) {
					recording.enable(event);
				}
				else {
					recording.disable(event);
				}
			}
			recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
			recording.start();
			work.run();
			recording.stop();
			recording.dump(file);
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
