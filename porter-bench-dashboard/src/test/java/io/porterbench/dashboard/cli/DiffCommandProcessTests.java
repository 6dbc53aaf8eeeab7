package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.porterbench.dashboard.compare.LogNormalRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code diff} as CI does, in its own JVM: the exit status the shell sees, standard
 * error, and the markdown appended to the file that {@code GITHUB_STEP_SUMMARY} names.
 */
class DiffCommandProcessTests {

	@TempDir
	Path folder;

	@Test
	void theMarkdownTableIsAppendedToTheGitHubStepSummaryWhateverTheFormat() throws Exception {
		Path base = LogNormalRuns.of(100, 21).writeTo(this.folder.resolve("base"));
		Path slower = LogNormalRuns.of(100, 22).scale("load", 1.3).writeTo(this.folder.resolve("new"));
		Path summary = Files.writeString(this.folder.resolve("summary.md"), "# Earlier step\n");
		Path report = this.folder.resolve("diff.json");
		Run run = diff(summary, base.toString(), slower.toString(), "--format", "json", "--output", report.toString());
		assertThat(run.status()).as(run.err()).isEqualTo(1);
		assertThat(run.err()).isEmpty();
		assertThat(Files.readString(report)).contains("\"verdict\" : \"regressed\"");
		assertThat(Files.readString(summary)).startsWith("# Earlier step\n### porter-bench diff: 1 regressed")
			.contains("| :red_circle: **regressed** | pipeline | load |");
		Run again = diff(summary, base.toString(), base.toString());
		assertThat(again.status()).isZero();
		assertThat(Files.readString(summary)).contains("### porter-bench diff: 0 regressed, 0 improved, 7 unchanged");
	}

	@Test
	void badInputExitsWithTwoAndOneLineOnStandardErrorAndTouchesNoSummary() throws Exception {
		Path summary = this.folder.resolve("summary.md");
		Run run = diff(summary, this.folder.resolve("missing").toString(), this.folder.toString());
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err().strip().lines()).hasSize(1).first().asString().startsWith("NEW: ");
		assertThat(summary).doesNotExist();
	}

	private Run diff(Path summary, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Djava.awt.headless=true");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(PorterBenchCli.class.getName());
		command.add("diff");
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put(DiffCommand.GITHUB_STEP_SUMMARY, summary.toString());
		Path out = this.folder.resolve("out-" + System.nanoTime());
		Path err = this.folder.resolve("err-" + System.nanoTime());
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("diff did not finish");
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
	}

}
