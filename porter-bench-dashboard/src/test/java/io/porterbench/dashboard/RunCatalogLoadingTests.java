package io.porterbench.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RunCatalogLoadingTests {

	@TempDir
	Path root;

	@Test
	void thePythonReferenceRunLoadsWithoutProblems() {
		TestRuns.copyPythonRun(this.root);
		LoadedRun run = new RunCatalog(this.root).load(TestRuns.PYTHON_RUN);
		assertThat(run.benchNames()).containsExactly("alloc", "etl");
		assertThat(run.runProblems()).isEmpty();
		assertThat(run.problemsOf("etl")).isEmpty();
		assertThat(run.bench("etl").iterations()).hasSize(6);
		assertThat(run.bench("alloc").memory()).hasSize(3);
	}

	@Test
	void aCorruptedFileIsAProblemOfItsBenchmarkerOnlyAndNamesNoAbsolutePath() throws IOException {
		Path run = TestRuns.bench("good").iterations(3, "a", 0.1).writeTo(this.root.resolve("2026-11-26_15-12-03"));
		TestRuns.bench("bad").iterations(3, "a", 0.1).writeTo(run);
		Files.writeString(run.resolve("bad_STEP_DICT_DATA.json"), "[{\"absolutes\": {\"a\": 0.1");
		LoadedRun loaded = new RunCatalog(this.root).load("2026-11-26_15-12-03");
		assertThat(loaded.problemsOf("good")).isEmpty();
		assertThat(loaded.problemsOf("bad")).singleElement().asString().startsWith("bad_STEP_DICT_DATA.json");
		assertThat(loaded.problemsOf("bad").get(0)).doesNotContain(this.root.toString());
		assertThat(loaded.bench("good").iterations()).hasSize(3);
	}

	@Test
	void aRunFileLinkingOutsideTheRootIsRefusedAndNeverServed() throws IOException {
		Path secret = Files.writeString(this.root.resolve("secret_STEP_DICT_DATA.json"), "[]");
		Path runs = Files.createDirectories(this.root.resolve("runs"));
		Path run = TestRuns.bench("good").iterations(1, "a", 0.1).writeTo(runs.resolve("2026-11-26_15-12-03"));
		Files.createSymbolicLink(run.resolve("leak_STEP_DICT_DATA.json"), secret);
		LoadedRun loaded = new RunCatalog(runs).load("2026-11-26_15-12-03");
		assertThat(loaded.benchNames()).contains("leak", "good");
		assertThat(loaded.isServable("leak")).isFalse();
		assertThat(loaded.refused()).containsExactly("leak");
		assertThat(loaded.problemsOf("leak"))
			.containsExactly("leak_STEP_DICT_DATA.json: links outside the root, not read");
		assertThatExceptionOfType(NoSuchRunException.class).isThrownBy(() -> loaded.bench("leak"));
	}

	@Test
	void aChangedRunIsReadAgainAndAnUnchangedOneComesFromTheCache() throws IOException {
		Path run = TestRuns.bench("a").iterations(2, "x", 0.1).writeTo(this.root.resolve("2026-11-26_15-12-03"));
		RunCatalog catalog = new RunCatalog(this.root);
		LoadedRun first = catalog.load("2026-11-26_15-12-03");
		assertThat(catalog.load("2026-11-26_15-12-03")).isSameAs(first);
		TestRuns.bench("b").iterations(1, "x", 0.1).writeTo(run);
		LoadedRun second = catalog.load("2026-11-26_15-12-03");
		assertThat(second).isNotSameAs(first);
		assertThat(second.benchNames()).containsExactly("a", "b");
	}

	@Test
	void aRunWrittenByTheCoreLibraryLoads() {
		Path run = CoreRuns.write(this.root, "pipeline", 20, "load", 10, "process", 20);
		LoadedRun loaded = new RunCatalog(this.root).load(run.getFileName().toString());
		assertThat(loaded.benchNames()).containsExactly("pipeline");
		assertThat(loaded.bench("pipeline").iterations()).hasSize(20);
		assertThat(loaded.problemsOf("pipeline")).isEmpty();
	}

}
