package io.porterbench.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RunCatalogTests {

	@TempDir
	Path root;

	@Test
	void runsAreListedNewestFirstInBothNameStylesAndForeignFoldersWithRunFilesLast() throws IOException {
		Files.createDirectories(this.root.resolve("2026-11-26_15-12-03"));
		Files.createDirectories(this.root.resolve("2026-11-26_15-12-03-2"));
		Files.createDirectories(this.root.resolve("15:20-27:11:2026"));
		TestRuns.bench("etl").iterations(1, "a", 0.1).writeTo(this.root.resolve("baseline"));
		Files.createDirectories(this.root.resolve("notes"));
		Files.createDirectories(this.root.resolve(".hidden_2026-11-26_15-12-03"));
		Files.writeString(this.root.resolve("stray.txt"), "not a run");
		RunCatalog catalog = new RunCatalog(this.root);
		assertThat(catalog.runs()).extracting(RunEntry::name)
			.containsExactly("15:20-27:11:2026", "2026-11-26_15-12-03-2", "2026-11-26_15-12-03", "baseline");
		assertThat(catalog.latest()).map(RunEntry::name).hasValue("15:20-27:11:2026");
	}

	@Test
	void aFolderHoldingTictocPerformanceIsReadLikeTheOriginalsPathOption() {
		TestRuns.copyPythonRun(this.root);
		RunCatalog catalog = new RunCatalog(this.root);
		assertThat(catalog.root()).isEqualTo(this.root.resolve("TICTOC_PERFORMANCE").toAbsolutePath());
		assertThat(catalog.runs()).extracting(RunEntry::name).containsExactly(TestRuns.PYTHON_RUN);
	}

	@Test
	void aRootThatDoesNotExistYetHasNoRuns() {
		RunCatalog catalog = new RunCatalog(this.root.resolve("missing"));
		assertThat(catalog.runs()).isEmpty();
		assertThat(catalog.latest()).isEmpty();
	}

	@Test
	void onlyListedNamesLeadToARunFolder() throws IOException {
		Files.createDirectories(this.root.resolve("runs/2026-11-26_15-12-03"));
		Files.createDirectories(this.root.resolve("secret"));
		RunCatalog catalog = new RunCatalog(this.root.resolve("runs"));
		assertThat(catalog.runFolder("2026-11-26_15-12-03")).isPresent();
		assertThat(catalog.runFolder("..")).isEmpty();
		assertThat(catalog.runFolder("../secret")).isEmpty();
		assertThat(catalog.runFolder(this.root.resolve("secret").toString())).isEmpty();
		assertThat(catalog.runFolder(null)).isEmpty();
		assertThatExceptionOfType(NoSuchRunException.class).isThrownBy(() -> catalog.load("../secret"))
			.withMessageContaining("No run named");
	}

	@Test
	void aRunFolderThatIsALinkIsNotListed() throws IOException {
		Path outside = Files.createDirectories(this.root.resolve("outside/2026-01-01_00-00-00"));
		TestRuns.bench("etl").iterations(1, "a", 0.1).writeTo(outside);
		Path runs = Files.createDirectories(this.root.resolve("runs"));
		Files.createSymbolicLink(runs.resolve("2026-01-01_00-00-00"), outside);
		assertThat(new RunCatalog(runs).runs()).isEmpty();
	}

}
