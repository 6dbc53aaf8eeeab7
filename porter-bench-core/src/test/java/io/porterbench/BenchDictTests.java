package io.porterbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.record.RunFiles;
import io.porterbench.record.RunFolderNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class BenchDictTests {

	@TempDir
	Path root;

	private static long filesIn(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}

	@Test
	void getCreatesOneBenchmarkerPerNameInOrderOfCreation() {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker first = dict.get("b");
		assertThat(dict.get("b")).isSameAs(first);
		dict.get("a");
		assertThat(dict.names()).containsExactly("b", "a");
		assertThat(dict.find("a")).isPresent();
		assertThat(dict.find("missing")).isEmpty();
	}

	@Test
	void defaultConstructorSavesUnderTictocPerformanceInTheWorkingDirectory() {
		BenchDict dict = new BenchDict();
		assertThat(dict.root()).isEqualTo(Path.of(BenchDict.DEFAULT_ROOT).toAbsolutePath().normalize());
		assertThat(dict.runDirectory().getParent()).isEqualTo(dict.root());
		assertThat(BenchDict.global()).isSameAs(BenchDict.global());
	}

	@Test
	void saveWritesThreeFilesPerBenchmarkerAndReturnsTheRunFolder() {
		BenchDict dict = new BenchDict(this.root);
		dict.get("etl").gstep();
		dict.get("etl").step("extract");
		dict.get("etl").gstop();
		dict.get("idle");
		Path run = dict.save();
		assertThat(run).isEqualTo(dict.runDirectory());
		assertThat(RunFiles.dataFile(run, "etl")).exists();
		assertThat(RunFiles.summaryFile(run, "etl")).exists();
		assertThat(RunFiles.memoryFile(run, "etl")).hasContent("[]");
		assertThat(RunFiles.dataFile(run, "idle")).hasContent("[]");
		assertThat(dict.get("etl").files()).containsExactly(RunFiles.summaryFile(run, "etl"),
				RunFiles.dataFile(run, "etl"), RunFiles.memoryFile(run, "etl"));
	}

	@Test
	void runFolderNamesAreSortableAndUniquePerRegistry() {
		BenchDict first = new BenchDict(this.root);
		BenchDict second = new BenchDict(this.root);
		String firstName = first.runDirectory().getFileName().toString();
		assertThat(firstName).matches("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(-\\d+)?");
		assertThat(second.runDirectory()).isNotEqualTo(first.runDirectory());
		assertThat(RunFolderNames.parse(firstName)).isPresent();
		assertThat(RunFolderNames.parse(second.runDirectory().getFileName().toString()).get())
			.isGreaterThan(RunFolderNames.parse(firstName).get());
	}

	@Test
	void legacyFolderNamesUseTheOriginalsFormat() {
		BenchDict dict = BenchDict.builder().root(this.root).legacyFolderNames(true).build();
		String name = dict.runDirectory().getFileName().toString();
		assertThat(name).matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}:\\d{4}(-\\d+)?");
		assertThat(RunFolderNames.parse(name)).isPresent();
	}

	@Test
	void setDefaultPathAppliesToBenchmarkersCreatedAfterwards() {
		BenchDict dict = new BenchDict(this.root.resolve("first"));
		Benchmarker before = dict.get("before");
		dict.setDefaultPath(this.root.resolve("custom"));
		Benchmarker after = dict.get("after");
		assertThat(before.runDirectory().getParent()).isEqualTo(this.root.resolve("first"));
		assertThat(after.runDirectory().getParent()).isEqualTo(this.root.resolve("custom"));
		assertThat(dict.runDirectory()).isEqualTo(after.runDirectory());
	}

	@Test
	void enableAndDisablePropagateToExistingBenchmarkersOnly() throws IOException {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker existing = dict.get("existing");
		dict.disable();
		assertThat(existing.isEnabled()).isFalse();
		assertThat(dict.get("later").isEnabled()).isTrue();
		existing.enable();
		existing.gstep();
		existing.gstop();
		dict.save();
		assertThat(filesIn(dict.runDirectory())).isZero();
		dict.enable();
		assertThat(existing.isEnabled()).isTrue();
		dict.save();
		// the three JSON files and the DATA file's index, per benchmarker
		assertThat(filesIn(dict.runDirectory())).isEqualTo(8);
	}

	@Test
	void disabledBenchmarkerSaveWritesNothing() throws IOException {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("off");
		bench.disable();
		bench.save();
		assertThat(filesIn(dict.runDirectory())).isZero();
	}

	@Test
	void saveOnGstopSavesEveryNClosedIterationsOnTheBackgroundWriter() {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("auto").setSaveOnGstop(4);
		for (int i = 0; i < 3; i++) {
			bench.gstep();
			bench.step("work");
			bench.gstop();
		}
		dict.close();
		assertThat(RunFiles.dataFile(bench.runDirectory(), "auto")).doesNotExist();
		bench.gstep();
		bench.gstop();
		dict.close();
		assertThat(RunFiles.dataFile(bench.runDirectory(), "auto")).exists();
	}

	@Test
	void saveOnGstopAlsoFiresFromGstepAlone() {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("gsteps").setSaveOnGstop(3);
		for (int i = 0; i < 4; i++) {
			bench.gstep();
		}
		dict.close();
		assertThat(RunFiles.dataFile(bench.runDirectory(), "gsteps")).exists();
	}

	@Test
	void saveOnStepSavesAfterStepsAndCoalescesPendingSaves() throws IOException {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker bench = dict.get("steps").setSaveOnStep(true);
		bench.gstep();
		for (int i = 0; i < 1_000; i++) {
			bench.step("s");
		}
		await().until(() -> Files.exists(RunFiles.dataFile(bench.runDirectory(), "steps")));
		dict.close();
		String data = Files.readString(RunFiles.dataFile(bench.runDirectory(), "steps"));
		assertThat(data).contains("\"STOP_TIME\": 0");
		assertThat(data.split("\"crono_counter\"", -1)).hasSize(1_001);
	}

	@Test
	void listenersSeeExistingAndLaterBenchmarkers() {
		BenchDict dict = new BenchDict(this.root);
		dict.get("first");
		List<String> added = new ArrayList<>();
		dict.addListener((bench) -> added.add(bench.name()));
		dict.get("second");
		dict.get("first");
		assertThat(added).containsExactly("first", "second");
	}

	@Test
	void currentIsTheBenchmarkerWithTheLatestOpenIterationOnThisThread() {
		BenchDict dict = new BenchDict(this.root);
		assertThat(dict.current()).isNull();
		Benchmarker outer = dict.get("outer");
		Benchmarker inner = dict.get("inner");
		outer.gstep();
		assertThat(dict.current()).isSameAs(outer);
		inner.gstep();
		assertThat(dict.current()).isSameAs(inner);
		inner.gstop();
		assertThat(dict.current()).isSameAs(outer);
		outer.gstop();
		assertThat(dict.current()).isNull();
	}

	@Test
	void currentIsKeptForEachThreadApartEvenForABenchmarkerOpenOnBoth() throws Exception {
		BenchDict dict = new BenchDict(this.root);
		Benchmarker shared = dict.get("shared");
		Benchmarker other = dict.get("other");
		shared.gstep();
		other.gstep();
		List<Benchmarker> seenOnTheOtherThread = new ArrayList<>();
		Thread thread = new Thread(() -> {
			seenOnTheOtherThread.add(dict.current());
			shared.gstep();
			seenOnTheOtherThread.add(dict.current());
			shared.gstep();
			seenOnTheOtherThread.add(dict.current());
			shared.gstop();
			seenOnTheOtherThread.add(dict.current());
		});
		thread.start();
		thread.join();
		assertThat(seenOnTheOtherThread).containsExactly(null, shared, shared, null);
		assertThat(dict.current()).isSameAs(other);
		other.gstop();
		assertThat(dict.current()).isSameAs(shared);
		shared.gstop();
		assertThat(dict.current()).isNull();
	}

	@Test
	void invalidBenchmarkerNamesAreRejectedWithWhatIsAllowed() {
		BenchDict dict = new BenchDict(this.root);
		for (String name : List.of("", "..", "../escape", "a/b", "a\\b", "a\u0000b", ".hidden", "x".repeat(10_000),
				"performance_benchmark/default", "C:evil", "a b")) {
			assertThatIllegalArgumentException().isThrownBy(() -> dict.get(name))
				.withMessageMatching("(?s).*(letters, digits|must not|at most).*");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> dict.get(null));
		assertThat(dict.names()).isEmpty();
	}

	@Test
	void retainedIterationsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchDict.builder().retainedIterations(0))
			.withMessageContaining("at least 1");
	}

}
