package io.porterbench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which run {@link RunRecord#loadLatest(Path)} picks, from which kinds of path, and what
 * it skips.
 */
class RunRecordLocatingTests {

	@TempDir
	Path project;

	private Path runs;

	@BeforeEach
	void createRunsFolder() throws IOException {
		this.runs = Files.createDirectories(this.project.resolve("TICTOC_PERFORMANCE"));
	}

	private Path run(String folderName, String bench) {
		Path folder = ReferenceRuns.copyPythonRunTo(this.runs.resolve(folderName));
		try {
			for (String kind : new String[] { "_STEP_DICT_DATA.json", "_STEP_DICT_SUMMARY.json", "_MEMORY.json" }) {
				Files.move(folder.resolve("etl" + kind), folder.resolve(bench + kind));
			}
			Files.delete(folder.resolve("alloc_STEP_DICT_DATA.json"));
			Files.delete(folder.resolve("alloc_STEP_DICT_SUMMARY.json"));
			Files.delete(folder.resolve("alloc_MEMORY.json"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return folder;
	}

	@Test
	void picksTheLatestRunByTheTimeInItsName() {
		run("2026-11-26_15-12-03", "older");
		run("2026-11-26_15-12-04", "newest");
		run("2025-12-31_23-59-59", "oldest");
		assertThat(RunRecord.loadLatest(this.project).benchNames()).containsExactly("newest");
	}

	@Test
	void ordersTheOriginalsNamesByYearAndMonthNotAsText() {
		run("23:59-31:12:2025", "december");
		run("00:01-01:01:2026", "january");
		run("15:20-26:02:2026", "february");
		assertThat(RunRecord.loadLatest(this.project).benchNames()).containsExactly("february");
	}

	@Test
	void comparesBothNameStylesByTime() {
		run("15:20-26:11:2026", "legacy");
		run("2026-11-26_15-19-59", "sortable earlier");
		assertThat(RunRecord.loadLatest(this.project).benchNames()).containsExactly("legacy");
		run("2026-11-26_15-20-01", "sortable later");
		assertThat(RunRecord.loadLatest(this.project).benchNames()).containsExactly("sortable later");
	}

	@Test
	void picksTheHighestSequenceNumberOfTheSameSecond() {
		run("2026-11-26_15-12-03", "first");
		run("2026-11-26_15-12-03-2", "second");
		run("2026-11-26_15-12-03-10", "tenth");
		assertThat(RunRecord.loadLatest(this.project).benchNames()).containsExactly("tenth");
		assertThat(RunRecord.runFolders(this.project)).extracting((path) -> path.getFileName().toString())
			.containsExactly("2026-11-26_15-12-03", "2026-11-26_15-12-03-2", "2026-11-26_15-12-03-10");
	}

	@Test
	void acceptsTheProjectFolderTheRunsFolderAndARunFolder() {
		Path older = run("2026-11-26_15-12-03", "older");
		run("2026-11-26_15-12-04", "newest");
		assertThat(RunRecord.loadLatest(this.project).benchNames()).containsExactly("newest");
		assertThat(RunRecord.loadLatest(this.runs).benchNames()).containsExactly("newest");
		assertThat(RunRecord.loadLatest(older).benchNames()).containsExactly("older");
		assertThat(RunRecord.runFolders(older)).containsExactly(older.toAbsolutePath().normalize());
	}

	@Test
	void skipsForeignEntriesOfTheRunsFolder() throws IOException {
		run("2026-11-26_15-12-03", "real");
		Files.writeString(this.runs.resolve("notes.txt"), "stray file");
		Files.writeString(this.runs.resolve("2027-01-01_00-00-00"), "a file with a run's name");
		Files.createDirectories(this.runs.resolve("plots"));
		Files.createDirectories(this.runs.resolve(".2027-01-01_00-00-00"));
		Files.createDirectories(this.runs.resolve("2027-13-45_99-99-99"));
		Files.createDirectories(this.runs.resolve("99:99-99:99:2027"));
		Files.createDirectories(this.runs.resolve("escape_STEP_DICT_DATA.json"));
		assertThat(RunRecord.loadLatest(this.project).benchNames()).containsExactly("real");
		assertThat(RunRecord.runFolders(this.project)).hasSize(1);
	}

	@Test
	void skipsForeignEntriesOfTheRunFolder() throws IOException {
		Path folder = run("2026-11-26_15-12-03", "real");
		Files.writeString(folder.resolve(".hidden_STEP_DICT_DATA.json"), "not json");
		Files.writeString(folder.resolve("real_STEP_DICT_DATA.json.tmp"), "half a save");
		Files.writeString(folder.resolve("real_STEP_DICT_DATA.json~"), "editor backup");
		Files.writeString(folder.resolve("_STEP_DICT_DATA.json"), "no name");
		Files.writeString(folder.resolve("README.md"), "notes");
		Files.createDirectories(folder.resolve("nested_STEP_DICT_DATA.json"));
		Files.createDirectories(folder.resolve("sub"));
		ReferenceRuns.copyPythonRunTo(folder.resolve("sub"));
		RunRecord run = RunRecord.load(folder);
		assertThat(run.benchNames()).containsExactly("real");
		assertThat(run.problems()).isEmpty();
		assertThat(run.bench("real").iterations()).hasSize(6);
	}

	@Test
	void listsBenchNamesSorted() {
		Path folder = run("2026-11-26_15-12-03", "zeta");
		ReferenceRuns.copyPythonRunTo(folder);
		assertThat(RunRecord.load(folder).benchNames()).containsExactly("alloc", "etl", "zeta");
	}

	@Test
	void failsClearlyWhenThereIsNoRun() throws IOException {
		Files.createDirectories(this.runs.resolve("plots"));
		assertThatIllegalArgumentException().isThrownBy(() -> RunRecord.loadLatest(this.project))
			.withMessageContaining("No saved run found")
			.withMessageContaining(this.runs.toString())
			.withMessageContaining("2026-11-26_15-12-03")
			.withMessageContaining("15:20-26:11:2026");
		assertThat(RunRecord.runFolders(this.project)).isEmpty();
	}

	@Test
	void failsClearlyForAMissingFolder() {
		Path missing = this.project.resolve("nowhere");
		assertThatIllegalArgumentException().isThrownBy(() -> RunRecord.loadLatest(missing))
			.withMessageContaining(missing.toString())
			.withMessageContaining("does not exist");
		assertThatIllegalArgumentException().isThrownBy(() -> RunRecord.load(missing))
			.withMessageContaining("does not exist");
	}

	@Test
	void failsClearlyForAFileGivenAsFolder() throws IOException {
		Path file = Files.writeString(this.project.resolve("x.json"), "[]");
		assertThatIllegalArgumentException().isThrownBy(() -> RunRecord.load(file)).withMessageContaining("is a file");
	}

	@Test
	void loadsAnEmptyRunFolderAsNoBenchmarkers() throws IOException {
		Path empty = Files.createDirectories(this.runs.resolve("2026-11-26_15-12-03"));
		RunRecord run = RunRecord.load(empty);
		assertThat(run.benchNames()).isEmpty();
		assertThat(run.problems()).isEmpty();
	}

	@Test
	void namesTheKnownBenchmarkersWhenAskedForAnUnknownOne() {
		RunRecord run = RunRecord.load(run("2026-11-26_15-12-03", "known"));
		assertThatIllegalArgumentException().isThrownBy(() -> run.bench("unknown"))
			.withMessageContaining("'unknown'")
			.withMessageContaining("[known]");
		assertThat(run.findBench("unknown")).isEmpty();
		assertThat(run.findBench("known")).isPresent();
	}

}
