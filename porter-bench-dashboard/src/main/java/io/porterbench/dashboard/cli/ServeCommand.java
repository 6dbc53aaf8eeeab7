package io.porterbench.dashboard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.porterbench.dashboard.DashboardProperties;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the dashboard over any folder of saved runs, until the process is
 * stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Serves the dashboard over a folder of saved runs (ours or the Python original's).")
final class ServeCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--root", required = true, paramLabel = "DIR",
			description = "Folder of run folders, or the folder holding TICTOC_PERFORMANCE.")
	private Path root;

	@Option(names = "--port", defaultValue = "8080", paramLabel = "N",
			description = "HTTP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
	private int port;

	@Option(names = "--path", defaultValue = "/porterbench", paramLabel = "PATH",
			description = "Path of the dashboard (default: ${DEFAULT-VALUE}).")
	private String path;

	private volatile ConfigurableApplicationContext context;

	@Override
	public Integer call() throws InterruptedException {
		if (!Files.isDirectory(this.root)) {
			throw new BadInputException("No such folder: " + this.root.toAbsolutePath());
		}
		if (this.port < 0 || this.port > 65535) {
			throw new BadInputException("--port must be from 0 to 65535, was " + this.port);
		}
		ConfigurableApplicationContext context = DashboardServer.start(this.root, this.port, this.path);
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		this.context = context;
		int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.spec.commandLine()
			.getOut()
			.printf("porter-bench dashboard at http://localhost:%d%s/ over %s%n", actualPort,
					context.getBean(DashboardProperties.class).normalizedPath(),
					this.root.toAbsolutePath().normalize());
		this.spec.commandLine().getOut().flush();
		closed.await();
		return 0;
	}

	/**
	 * The running dashboard, for stopping it from tests.
	 * @return the application, or {@code null} before it started
	 */
	ConfigurableApplicationContext context() {
		return this.context;
	}

}
