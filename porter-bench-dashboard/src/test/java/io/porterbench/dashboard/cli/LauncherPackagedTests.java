package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.porterbench.dashboard.TestRuns;
import io.porterbench.dashboard.compare.LogNormalRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the launcher the package phase puts beside the exec jar,
 * {@code target/porter-bench}, as a user does: the JVM options it gives, the ones a user
 * adds, and the exit status and output of the command line passed through.
 */
class LauncherPackagedTests {

	private static final Path LAUNCHER = Path.of("target", "porter-bench");

	@TempDir
	Path folder;

	@Test
	void theLauncherIsExecutableAndRunsTheExecJarWithItsJvmOptions() throws Exception {
		assertThat(LAUNCHER).isExecutable();
		TestRuns.copyPythonRun(this.folder);
		Run run = launch(Map.of("PORTER_BENCH_OPTS", "-XX:+PrintCommandLineFlags"), "summary", "--path",
				this.folder.toString());
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:InitialRAMPercentage=4")
			.contains("Run: " + TestRuns.PYTHON_RUN);
	}

	@Test
	void optionsInPorterBenchOptsComeAfterTheDefaultsAndWin() throws Exception {
		Run run = launch(Map.of("PORTER_BENCH_OPTS",
				"-XX:TieredStopAtLevel=4 -XX:-UseParallelGC -XX:+UseG1GC -XX:+PrintFlagsFinal"), "--help");
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).containsPattern("intx TieredStopAtLevel\\s+= 4 ")
			.containsPattern("bool UseG1GC\\s+= true ")
			.containsPattern("bool UseParallelGC\\s+= false ")
			.contains("diff");
	}

	@Test
	void diffsExitStatusAndStandardErrorPassThrough() throws Exception {
		Path base = LogNormalRuns.of(100, 31).writeTo(this.folder.resolve("base"));
		Path slower = LogNormalRuns.of(100, 32).scale("load", 1.3).writeTo(this.folder.resolve("new"));
		Run regressed = launch(Map.of(), "diff", base.toString(), slower.toString());
		assertThat(regressed.status()).as(regressed.err()).isEqualTo(1);
		assertThat(regressed.out()).containsPattern("load\\s+regressed");
		Run bad = launch(Map.of(), "diff", this.folder.resolve("missing").toString(), base.toString());
		assertThat(bad.status()).isEqualTo(2);
		assertThat(bad.err().strip().lines()).hasSize(1).first().asString().startsWith("BASE: ");
	}

	@Test
	void aSymbolicLinkToTheLauncherFindsTheJarBesideTheLauncher() throws Exception {
		Path bin = Files.createDirectories(this.folder.resolve("bin"));
		Path link = Files.createSymbolicLink(bin.resolve("porter-bench"),
				bin.relativize(LAUNCHER.toAbsolutePath().normalize()));
		Run run = run(List.of(link.toString(), "--help"), Map.of());
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).contains("diff", "serve");
	}

	@Test
	void aLauncherWithoutItsJarSaysSoAndExitsWithTwo() throws Exception {
		Path alone = Files.copy(LAUNCHER, this.folder.resolve("porter-bench"));
		Run run = run(List.of("sh", alone.toString(), "--help"), Map.of());
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).startsWith("porter-bench: " + this.folder.toRealPath()).contains("-exec.jar is missing");
	}

	private Run launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(LAUNCHER.toAbsolutePath().toString());
		command.addAll(List.of(args));
		return run(command, environment);
	}

	private Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		Path out = this.folder.resolve("out.txt");
		Path err = this.folder.resolve("err.txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		// the JVM running the tests, whatever java is first on the PATH
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().remove("PORTER_BENCH_OPTS");
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
	}

}
