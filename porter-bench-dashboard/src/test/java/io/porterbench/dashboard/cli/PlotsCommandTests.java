package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.nio.file.Path;

import io.porterbench.dashboard.CoreRuns;
import io.porterbench.dashboard.TestRuns;
import io.porterbench.dashboard.plot.PlotSize;
import io.porterbench.dashboard.plot.PlotWriterAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PlotsCommandTests {

	@TempDir
	Path folder;

	@Test
	void writesThePythonRunsPlotsAndPrintsEachFileLikeGeneratePlots() throws IOException {
		TestRuns.copyPythonRun(this.folder);
		Path output = this.folder.resolve("PLOTS");
		Cli.Result result = Cli.run("plots", "--path", this.folder.toString(), "--output", output.toString());
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out())
			.startsWith("Loading latest record from: "
					+ this.folder.resolve("TICTOC_PERFORMANCE").resolve(TestRuns.PYTHON_RUN))
			.contains("Found benchmarkers: [alloc, etl]")
			.contains("--- Plotting 'alloc' ---")
			.contains("  Saved: " + output.resolve("alloc_memory.png"))
			.contains("--- Plotting 'etl' ---")
			.contains("  Skipping memory plots (no memory data)")
			.endsWith("All plots saved to: " + output + "/" + System.lineSeparator());
		for (String name : new String[] { "alloc", "etl" }) {
			PlotWriterAssertions.assertPlot(output.resolve(name + "_times.png"), PlotSize.TIMES);
			PlotWriterAssertions.assertPlot(output.resolve(name + "_bars.png"), PlotSize.BARS);
			PlotWriterAssertions.assertPlot(output.resolve(name + "_crono.png"), PlotSize.CRONO);
		}
		PlotWriterAssertions.assertPlot(output.resolve("alloc_memory.png"), PlotSize.MEMORY);
		assertThat(output.resolve("etl_memory.png")).doesNotExist();
	}

	@Test
	void writesThePlotsOfARunWrittenByTheCoreLibrary() throws IOException {
		Path run = CoreRuns.write(this.folder.resolve("runs"), "pipeline", 30, "load", 5, "compute", 12, "save", 3);
		Path output = this.folder.resolve("out");
		Cli.Result result = Cli.run("plots", "--path", this.folder.resolve("runs").toString(), "--output",
				output.toString(), "--run", run.getFileName().toString());
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("Loading record from: " + run).contains("Found benchmarkers: [pipeline]");
		PlotWriterAssertions.assertPlot(output.resolve("pipeline_times.png"), PlotSize.TIMES);
		PlotWriterAssertions.assertPlot(output.resolve("pipeline_bars.png"), PlotSize.BARS);
		PlotWriterAssertions.assertPlot(output.resolve("pipeline_crono.png"), PlotSize.CRONO);
	}

	@Test
	void anUnknownRunIsBadInput() {
		TestRuns.copyPythonRun(this.folder);
		Cli.Result result = Cli.run("plots", "--path", this.folder.toString(), "--output",
				this.folder.resolve("out").toString(), "--run", "../elsewhere");
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.err()).contains("No run named '../elsewhere'").contains(TestRuns.PYTHON_RUN);
	}

	@Test
	void aFolderWithoutRunsIsBadInput() {
		Cli.Result result = Cli.run("plots", "--path", this.folder.toString());
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.err()).contains("No saved run under");
	}

}
