package io.porterbench.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RunFolders}.
 */
class RunFoldersTests {

	@TempDir
	Path root;

	@Test
	void runFileNamesAreRecognisedBySuffix() {
		assertThat(RunFolders.isRunFile("etl_STEP_DICT_DATA.json")).isTrue();
		assertThat(RunFolders.isRunFile("etl_STEP_DICT_SUMMARY.json")).isTrue();
		assertThat(RunFolders.isRunFile("etl_MEMORY.json")).isTrue();
		assertThat(RunFolders.isRunFile("_MEMORY.json")).isFalse();
		assertThat(RunFolders.isRunFile(".etl_MEMORY.json")).isFalse();
		assertThat(RunFolders.isRunFile("etl.json")).isFalse();
		assertThat(RunFolders.benchName("a_b_STEP_DICT_DATA.json")).contains("a_b");
		assertThat(RunFolders.benchName("etl.json")).isEmpty();
	}

	@Test
	void runsAreListedNewestFirstThenForeignFoldersByName() throws IOException {
		Files.createDirectories(this.root.resolve("2026-11-26_15-12-03"));
		Files.createDirectories(this.root.resolve("2026-11-27_09-00-00"));
		Files.createDirectories(this.root.resolve("15:20-26:11:2026"));
		Path foreign = Files.createDirectories(this.root.resolve("zeta"));
		Files.writeString(foreign.resolve("etl_STEP_DICT_DATA.json"), "[]");
		Files.createDirectories(this.root.resolve("alpha"));
		Files.createDirectories(this.root.resolve(".2026-11-28_00-00-00"));
		assertThat(RunFolders.list(this.root)).extracting(RunFolders.RunFolder::name)
			.containsExactly("2026-11-27_09-00-00", "15:20-26:11:2026", "2026-11-26_15-12-03", "zeta");
		assertThat(RunFolders.holdsRunFiles(foreign)).isTrue();
		assertThat(RunFolders.holdsRunFiles(this.root.resolve("alpha"))).isFalse();
	}

	@Test
	void aMissingRootListsNoRun() {
		assertThat(RunFolders.list(this.root.resolve("missing"))).isEmpty();
		assertThat(RunFolders.holdsRunFiles(this.root.resolve("missing"))).isFalse();
	}

	@Test
	void theRunsRootIsTheTictocPerformanceSubfolderWhenThereIsOne() throws IOException {
		assertThat(RunFolders.runsRoot(this.root)).isEqualTo(this.root);
		Path nested = Files.createDirectories(this.root.resolve(RunFiles.RUNS_FOLDER));
		assertThat(RunFolders.runsRoot(this.root)).isEqualTo(nested);
	}

	@Test
	void theToolsSkipLinkedFoldersAndRunRecordFollowsThem() throws IOException {
		Path outside = Files.createDirectories(this.root.resolve("outside"));
		Path runs = Files.createDirectories(this.root.resolve("runs"));
		Files.createDirectories(runs.resolve("2026-11-26_15-12-03"));
		Files.createSymbolicLink(runs.resolve("2026-11-27_09-00-00"), outside);
		assertThat(RunFolders.list(runs)).extracting(RunFolders.RunFolder::name).containsExactly("2026-11-26_15-12-03");
		assertThat(RunFolders.list(runs, RunFolders.Listing.RECORD)).extracting(RunFolders.RunFolder::name)
			.containsExactly("2026-11-26_15-12-03", "2026-11-27_09-00-00");
	}

	@Test
	void runRecordListsOnlyTimedFoldersOldestFirst() throws IOException {
		Files.createDirectories(this.root.resolve("2026-11-27_09-00-00"));
		Files.createDirectories(this.root.resolve("15:20-26:11:2026"));
		Files.createDirectories(this.root.resolve("2026-11-26_15-12-03"));
		Path foreign = Files.createDirectories(this.root.resolve("zeta"));
		Files.writeString(foreign.resolve("etl_STEP_DICT_DATA.json"), "[]");
		assertThat(RunFolders.list(this.root, RunFolders.Listing.RECORD)).extracting(RunFolders.RunFolder::name)
			.containsExactly("2026-11-26_15-12-03", "15:20-26:11:2026", "2026-11-27_09-00-00");
	}

	@Test
	void runRecordCountsOnlyRegularFilesAsRunFiles() throws IOException {
		Path run = Files.createDirectories(this.root.resolve("run"));
		Files.createDirectories(run.resolve("nested_STEP_DICT_DATA.json"));
		assertThat(RunFolders.holdsRunFiles(run)).isTrue();
		assertThat(RunFolders.holdsRunFiles(run, RunFolders.Listing.RECORD)).isFalse();
	}

	@Test
	void aRootThatCannotBeListedIsEmptyForTheToolsAndAnErrorForRunRecord() throws IOException {
		Path file = Files.writeString(this.root.resolve("not-a-folder"), "text");
		assertThat(RunFolders.list(file)).isEmpty();
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> RunFolders.list(file, RunFolders.Listing.RECORD))
			.withMessage("Could not list the folder " + file);
	}

}
