package io.porterbench.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
import io.porterbench.record.SavedIteration;

import static io.porterbench.jfr.JfrRecordings.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class JfrImportTests {

	@TempDir
	Path folder;

	@Test
	void aRecordedRunAndItsImportedTwinAgreeOnIterationsStepsAndMedians() {
		BenchDict dict = BenchDict.builder().root(this.folder.resolve("saved")).build();
		Benchmarker etl = dict.get("jfr-twin-etl");
		Benchmarker web = dict.get("jfr-twin-web");
		Path recording = JfrRecordings.record(this.folder.resolve("twin.jfr"), () -> {
			for (int i = 0; i < 12; i++) {
				etl.gstep();
				sleep(2 + i % 3);
				etl.step("extract");
				sleep(4);
				etl.step("transform");
				etl.step("transform");
				etl.step("load");
				web.gstep();
				sleep(1);
				web.step("handle");
				web.gstop();
			}
			etl.gstop();
		});
		RunRecord saved = RunRecord.load(dict.save());
		JfrImportResult result = JfrImport.importRecording(recording, this.folder.resolve("imported"));
		RunRecord imported = RunRecord.load(result.runFolder());
		assertThat(imported.problems()).isEmpty();
		assertThat(result.closedIterations()).containsEntry("jfr-twin-etl", 12).containsEntry("jfr-twin-web", 12);
		assertThat(result.isTruncated()).isFalse();
		for (String name : List.of("jfr-twin-etl", "jfr-twin-web")) {
			BenchRecord original = saved.bench(name);
			BenchRecord twin = imported.bench(name);
			assertThat(twin.iterations()).hasSameSizeAs(original.iterations());
			assertThat(twin.topics()).isEqualTo(original.topics());
			assertThat(twin.summary().keySet()).isEqualTo(original.summary().keySet());
			original.summary().forEach((step, stats) -> {
				assertThat(twin.summary().get(step).count()).as(step).isEqualTo(stats.count());
				assertThat(twin.summary().get(step).p50()).as(step)
					.isCloseTo(stats.p50(), within(stats.p50() * 0.01 + 1e-9));
			});
			for (int i = 0; i < original.iterations().size(); i++) {
				SavedIteration a = original.iterations().get(i);
				SavedIteration b = twin.iterations().get(i);
				assertThat(b.stepNumber()).isEqualTo(a.stepNumber());
				assertThat(b.calls().keySet()).isEqualTo(a.calls().keySet());
				a.calls().forEach((topic, calls) -> assertThat(b.calls().get(topic)).hasSameSizeAs(calls));
				assertThat(b.startTime()).isCloseTo(a.startTime(), within(0.002));
				assertThat(b.stopTime()).isCloseTo(a.stopTime(), within(0.002));
			}
		}
		dict.close();
	}

	@Test
	void eachClosedIterationRecordsTheGcPauseTimeWithinItInItsGstopExtra() {
		BenchDict dict = BenchDict.builder().root(this.folder.resolve("saved")).build();
		Benchmarker bench = dict.get("jfr-gc");
		Path recording = JfrRecordings.record(this.folder.resolve("gc.jfr"), () -> {
			for (int i = 0; i < 6; i++) {
				bench.gstep();
				sleep(3);
				if (i == 4) {
					System.gc();
				}
				bench.step("work");
				bench.gstop();
				sleep(3);
			}
		});
		JfrImportResult result = JfrImport.importRecording(recording, this.folder.resolve("imported"));
		assertThat(result.gcPausesRecorded()).isTrue();
		List<SavedIteration> iterations = RunRecord.load(result.runFolder()).bench("jfr-gc").iterations();
		double[] pauses = iterations.stream()
			.map((iteration) -> iteration.calls().get("gstop").get(0))
			.mapToDouble((call) -> ((Number) ((Map<?, ?>) call.extra()).get(JfrImport.GC_PAUSE_SECONDS)).doubleValue())
			.toArray();
		assertThat(pauses[4]).as(Arrays.toString(pauses)).isPositive();
		SavedIteration collected = iterations.get(4);
		assertThat(pauses[4]).isLessThanOrEqualTo(collected.absolutes().get("GLOBAL"));
		assertThat(iterations.get(4).calls().get("work").get(0).extra()).isNull();
		dict.close();
	}

	@Test
	void stepsWhoseIterationDidNotCloseBeforeTheRecordingEndedAreAnOpenIteration() {
		BenchDict dict = BenchDict.builder().root(this.folder.resolve("saved")).build();
		Benchmarker bench = dict.get("jfr-open");
		Path recording = JfrRecordings.record(this.folder.resolve("open.jfr"), () -> {
			bench.gstep();
			bench.step("a");
			bench.gstep();
			bench.step("b");
		});
		JfrImportResult result = JfrImport.importRecording(recording, this.folder.resolve("imported"));
		assertThat(result.closedIterations()).containsEntry("jfr-open", 1);
		assertThat(result.openIterations()).containsEntry("jfr-open", 1);
		List<SavedIteration> iterations = RunRecord.load(result.runFolder()).bench("jfr-open").iterations();
		assertThat(iterations).hasSize(2);
		assertThat(iterations.get(0).calls().keySet()).containsExactly("a", "gstop", "GLOBAL");
		assertThat(iterations.get(1).isOpen()).isTrue();
		assertThat(iterations.get(1).calls().keySet()).containsExactly("b");
		bench.gstop();
		dict.close();
	}

	@Test
	void aMissingFileIsReportedAndNothingIsWritten() {
		Path root = this.folder.resolve("runs");
		assertThatExceptionOfType(JfrImportException.class)
			.isThrownBy(() -> JfrImport.importRecording(this.folder.resolve("absent.jfr"), root))
			.withMessage("No such recording: " + this.folder.resolve("absent.jfr"));
		assertThat(root).doesNotExist();
	}

	@Test
	void aFileThatIsNotARecordingIsReportedAndNothingIsWritten() throws IOException {
		Path text = Files.writeString(this.folder.resolve("notes.jfr"), "these are not the events you are looking for");
		Path root = this.folder.resolve("runs");
		assertThatExceptionOfType(JfrImportException.class).isThrownBy(() -> JfrImport.importRecording(text, root))
			.withMessage(text + " is not a JFR recording: it does not begin with JFR's magic bytes FLR\\0");
		Path empty = Files.createFile(this.folder.resolve("empty.jfr"));
		assertThatExceptionOfType(JfrImportException.class).isThrownBy(() -> JfrImport.importRecording(empty, root))
			.withMessageContaining("is not a JFR recording");
		assertThat(root).doesNotExist();
	}

	@Test
	void aRecordingCutInHalfBeforeItsFirstCompleteChunkIsReportedAndNothingIsWritten() throws IOException {
		Benchmarker bench = BenchDict.builder().root(this.folder.resolve("saved")).build().get("jfr-cut");
		Path recording = JfrRecordings.record(this.folder.resolve("whole.jfr"), () -> iterations(bench, 20));
		Path cut = cutAt(recording, 0.5);
		Path root = this.folder.resolve("runs");
		assertThatExceptionOfType(JfrImportException.class).isThrownBy(() -> JfrImport.importRecording(cut, root))
			.withMessageStartingWith(cut + " is truncated or damaged (")
			.withMessageEndingWith("and no complete chunk before the damage holds porter-bench events")
			.withMessageNotContaining("\n");
		assertThat(root).doesNotExist();
	}

	@Test
	void aRecordingCutInItsLastChunkImportsTheCompleteChunksAndReportsTheCut() throws IOException {
		Benchmarker bench = BenchDict.builder().root(this.folder.resolve("saved")).build().get("jfr-chunks");
		Path recording = JfrRecordings.record(this.folder.resolve("chunks.jfr"), () -> {
			iterations(bench, 5);
			JfrRecordings.rotateChunk();
			iterations(bench, 5);
		});
		JfrImportResult whole = JfrImport.importRecording(recording, this.folder.resolve("whole"));
		assertThat(whole.closedIterations()).containsEntry("jfr-chunks", 10);
		Path cut = cutAt(recording, 0.9);
		JfrImportResult result = JfrImport.importRecording(cut, this.folder.resolve("runs"));
		assertThat(result.truncation())
			.hasValueSatisfying((line) -> assertThat(line).startsWith(cut + " is truncated or damaged (")
				.contains("porter-bench events of the complete chunks before the damage")
				.doesNotContain("\n"));
		// the first chunk holds the first five iterations, but for events JFR had not yet
		// flushed from the thread's buffer
		assertThat(result.closedIterations().get("jfr-chunks")).isBetween(1, 5);
		assertThat(RunRecord.load(result.runFolder()).bench("jfr-chunks").iterations())
			.hasSizeGreaterThanOrEqualTo(result.closedIterations().get("jfr-chunks"));
	}

	@Test
	void aRecordingWithoutPorterBenchEventsIsReportedAndNothingIsWritten() {
		Benchmarker bench = BenchDict.builder().root(this.folder.resolve("saved")).build().get("jfr-none");
		Path recording = JfrRecordings.record(this.folder.resolve("none.jfr"), false, () -> iterations(bench, 3));
		Path root = this.folder.resolve("runs");
		assertThatExceptionOfType(JfrImportException.class).isThrownBy(() -> JfrImport.importRecording(recording, root))
			.withMessage(recording + " holds no porter-bench events (porterbench.Step, porterbench.Iteration): "
					+ "record with settings that enable them, such as porter-bench.jfc");
		assertThat(root).doesNotExist();
	}

	private static void iterations(Benchmarker bench, int count) {
		for (int i = 0; i < count; i++) {
			bench.gstep();
			bench.step("a");
			bench.step("b");
			bench.gstop();
		}
	}

	private Path cutAt(Path recording, double fraction) throws IOException {
		byte[] bytes = Files.readAllBytes(recording);
		return Files.write(this.folder.resolve("cut-" + fraction + ".jfr"),
				Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
	}

}
