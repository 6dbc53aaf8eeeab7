package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.porterbench.dashboard.RawHttp;
import io.porterbench.dashboard.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServeCommandTests {

	private static final Pattern URL = Pattern
		.compile("porter-bench dashboard at http://localhost:(\\d+)/porterbench/ over (.*)");

	@TempDir
	Path folder;

	@Test
	void servesTheDashboardOverAFolderOfRunsUntilStopped() {
		TestRuns.copyPythonRun(this.folder);
		StringWriter out = new StringWriter();
		CommandLine commandLine = PorterBenchCli.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		CompletableFuture<Integer> status = CompletableFuture
			.supplyAsync(() -> commandLine.execute("serve", "--root", this.folder.toString(), "--port", "0"));
		await().atMost(Duration.ofSeconds(60)).until(() -> URL.matcher(out.toString()).find() || status.isDone());
		Matcher matcher = URL.matcher(out.toString());
		assertThat(matcher.find()).as(out.toString()).isTrue();
		assertThat(matcher.group(2)).isEqualTo(this.folder.toString());
		int port = Integer.parseInt(matcher.group(1));
		assertThat(RawHttp.get(port, "/porterbench/api/runs").body()).contains(TestRuns.PYTHON_RUN);
		assertThat(RawHttp.get(port, "/").head()).contains("Location: /porterbench/");
		ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
		serve.context().close();
		assertThat(status).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(0);
	}

	@Test
	void aMissingFolderOrABadPortIsBadInput() {
		Cli.Result missing = Cli.run("serve", "--root", this.folder.resolve("nope").toString(), "--port", "0");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("No such folder");
		assertThat(Cli.run("serve", "--root", this.folder.toString(), "--port", "70000").status()).isEqualTo(2);
		assertThat(Cli.run("serve").status()).isEqualTo(2);
	}

}
