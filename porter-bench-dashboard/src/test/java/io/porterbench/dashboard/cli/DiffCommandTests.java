package io.porterbench.dashboard.cli;

import java.nio.file.Path;

import io.porterbench.dashboard.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTests {

	@TempDir
	Path folder;

	private Path run(String name, double load, double process) {
		return TestRuns.bench("etl")
			.iterations(10, "load", load, "process", process)
			.writeTo(this.folder.resolve(name));
	}

	@Test
	void identicalRunsExitWithZero() {
		Cli.Result result = Cli.run("diff", "--baseline", run("a", 0.010, 0.020).toString(), "--candidate",
				run("b", 0.010, 0.020).toString());
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("0 step(s) regressed beyond 10%.");
	}

	@Test
	void aStepSlowerThanTheThresholdExitsWithOne() {
		Cli.Result result = Cli.run("diff", "--baseline", run("a", 0.010, 0.020).toString(), "--candidate",
				run("b", 0.012, 0.020).toString(), "--threshold", "10");
		assertThat(result.status()).isEqualTo(1);
		assertThat(result.out()).containsPattern("etl\\s+load\\s+0\\.010000000\\s+0\\.012000000\\s+\\+20\\.0%.*slower")
			.containsPattern("etl\\s+process\\s+.*\\+0\\.0%.*unchanged")
			.contains("1 step(s) regressed beyond 10%.");
	}

	@Test
	void aHigherThresholdToleratesTheSameChange() {
		Cli.Result result = Cli.run("diff", "--baseline", run("a", 0.010, 0.020).toString(), "--candidate",
				run("b", 0.012, 0.020).toString(), "--threshold", "25");
		assertThat(result.status()).isZero();
	}

	@Test
	void aFasterRunExitsWithZero() {
		Cli.Result result = Cli.run("diff", "--baseline", run("a", 0.010, 0.020).toString(), "--candidate",
				run("b", 0.005, 0.010).toString());
		assertThat(result.status()).isZero();
		assertThat(result.out()).containsPattern("load.*-50\\.0%.*faster");
	}

	@Test
	void aRootIsComparedThroughItsLatestRun() {
		run("runs-a/2026-01-01_00-00-00", 0.010, 0.020);
		run("runs-a/2026-01-02_00-00-00", 0.030, 0.020);
		run("runs-b/2026-01-03_00-00-00", 0.030, 0.020);
		Cli.Result result = Cli.run("diff", "--baseline", this.folder.resolve("runs-a").toString(), "--candidate",
				this.folder.resolve("runs-b").toString());
		assertThat(result.status()).as(result.out()).isZero();
		assertThat(result.out()).contains("2026-01-02_00-00-00");
	}

	@Test
	void badInputExitsWithTwo() {
		Path a = run("a", 0.010, 0.020);
		assertThat(Cli.run("diff", "--baseline", a.toString(), "--candidate", this.folder.resolve("nope").toString())
			.status()).isEqualTo(2);
		assertThat(
				Cli.run("diff", "--baseline", a.toString(), "--candidate", a.toString(), "--threshold", "-1").status())
			.isEqualTo(2);
		assertThat(
				Cli.run("diff", "--baseline", a.toString(), "--candidate", a.toString(), "--threshold", "ten").status())
			.isEqualTo(2);
		assertThat(Cli.run("diff", "--baseline", a.toString()).status()).isEqualTo(2);
		assertThat(
				Cli.run("diff", "--baseline", a.toString(), "--candidate", a.toString(), "--bench", "other").status())
			.isEqualTo(2);
		Path other = TestRuns.bench("other").iterations(2, "x", 0.1).writeTo(this.folder.resolve("other"));
		Cli.Result disjoint = Cli.run("diff", "--baseline", a.toString(), "--candidate", other.toString());
		assertThat(disjoint.status()).isEqualTo(2);
		assertThat(disjoint.err()).contains("share no readable benchmarker");
		assertThat(Cli.run("frobnicate").status()).isEqualTo(2);
		assertThat(Cli.run().status()).isEqualTo(2);
	}

}
