package io.porterbench.dashboard.cli;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
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
 * stopped, on the loopback address unless {@code --address} names another.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Serves the dashboard over a folder of saved runs (ours or the Python original's).")
final class ServeCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--root", required = true, paramLabel = "DIR",
			description = "Folder of run folders, or the folder holding TICTOC_PERFORMANCE.")
	private Path root;

	@Option(names = "--address", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
			description = "Local address to listen on (default: ${DEFAULT-VALUE}, reachable from this machine only)."
					+ " Any other address, such as 0.0.0.0, lets everyone who can reach it read every saved run.")
	private String address;

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
		InetAddress bind = localAddress(this.address);
		ConfigurableApplicationContext context = DashboardServer.start(this.root, bind, this.port, this.path);
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		this.context = context;
		int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
		Path folder = this.root.toAbsolutePath().normalize();
		this.spec.commandLine()
			.getOut()
			.printf("porter-bench dashboard at http://%s:%d%s/ over %s%n", host(bind), actualPort,
					context.getBean(DashboardProperties.class).normalizedPath(), folder);
		this.spec.commandLine().getOut().flush();
		String warning = exposureWarning(bind, folder);
		if (warning != null) {
			this.spec.commandLine().getErr().println(warning);
			this.spec.commandLine().getErr().flush();
		}
		closed.await();
		return 0;
	}

	/**
	 * Resolves {@code --address} to an address this machine can listen on.
	 * @param address a literal address or a host name
	 * @return the address
	 * @throws BadInputException if it does not resolve or belongs to no interface of this
	 * machine
	 */
	static InetAddress localAddress(String address) {
		InetAddress resolved;
		try {
			resolved = InetAddress.getByName(address.trim());
		}
		catch (UnknownHostException ex) {
			throw new BadInputException("--address must be an address of this machine, such as 127.0.0.1 or"
					+ " 0.0.0.0; '" + address + "' does not resolve");
		}
		if (resolved.isAnyLocalAddress() || resolved.isLoopbackAddress()) {
			return resolved;
		}
		try {
			if (NetworkInterface.getByInetAddress(resolved) != null) {
				return resolved;
			}
		}
		catch (SocketException ex) {
			// reported below
		}
		throw new BadInputException("--address must be an address of this machine, such as 127.0.0.1 or 0.0.0.0; "
				+ resolved.getHostAddress() + " belongs to none of its network interfaces");
	}

	/**
	 * The warning for an address others can reach.
	 * @param address the bound address
	 * @param root the folder served
	 * @return one line, or {@code null} for a loopback address, which only this machine
	 * reaches
	 */
	static String exposureWarning(InetAddress address, Path root) {
		if (address.isLoopbackAddress()) {
			return null;
		}
		String where = address.isAnyLocalAddress() ? host(address) + " (every network interface)" : host(address);
		return "WARNING: listening on " + where + ": anyone who can reach this address can read every run saved under "
				+ root;
	}

	/**
	 * The host part of a URL for an address.
	 * @param address the address
	 * @return the literal address, IPv6 in brackets
	 */
	static String host(InetAddress address) {
		String literal = address.getHostAddress();
		return (address instanceof Inet6Address) ? "[" + literal.replace("%", "%25") + "]" : literal;
	}

	/**
	 * The running dashboard, for stopping it from tests.
	 * @return the application, or {@code null} before it started
	 */
	ConfigurableApplicationContext context() {
		return this.context;
	}

}
