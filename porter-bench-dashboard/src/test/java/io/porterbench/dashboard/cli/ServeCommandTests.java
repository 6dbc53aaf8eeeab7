package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.porterbench.dashboard.RawHttp;
import io.porterbench.dashboard.TestRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServeCommandTests {

	private static final Pattern URL = Pattern
		.compile("porter-bench dashboard at http://(\\S+):(\\d+)/porterbench/ over (.*)");

	/**
	 * The kernel's table of IPv4 TCP sockets, on Linux, where every CI machine of this
	 * project runs.
	 */
	private static final Path PROC_TCP = Paths.get("/proc/net/tcp");

	private static final Path PROC_TCP6 = Paths.get("/proc/net/tcp6");

	@TempDir
	Path folder;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private CommandLine commandLine;

	private CompletableFuture<Integer> status;

	@AfterEach
	void stop() {
		if (this.commandLine != null) {
			ServeCommand serve = this.commandLine.getSubcommands().get("serve").getCommand();
			if (serve.context() != null) {
				serve.context().close();
			}
		}
	}

	/**
	 * Starts {@code serve} in the background and waits for the line with its URL.
	 * @return the host and port of the printed URL
	 */
	private Matcher serve(String... options) {
		TestRuns.copyPythonRun(this.folder);
		this.commandLine = PorterBenchCli.commandLine();
		this.commandLine.setOut(new PrintWriter(this.out, true));
		this.commandLine.setErr(new PrintWriter(this.err, true));
		List<String> args = new ArrayList<>(List.of("serve", "--root", this.folder.toString(), "--port", "0"));
		args.addAll(List.of(options));
		this.status = CompletableFuture.supplyAsync(() -> this.commandLine.execute(args.toArray(String[]::new)));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> URL.matcher(this.out.toString()).find() || this.status.isDone());
		Matcher matcher = URL.matcher(this.out.toString());
		assertThat(matcher.find()).as("out: %s err: %s", this.out, this.err).isTrue();
		return matcher;
	}

	@Test
	void servesTheDashboardOverAFolderOfRunsUntilStopped() {
		Matcher url = serve();
		assertThat(url.group(3)).isEqualTo(this.folder.toString());
		int port = Integer.parseInt(url.group(2));
		assertThat(RawHttp.get(port, "/porterbench/api/runs").body()).contains(TestRuns.PYTHON_RUN);
		assertThat(RawHttp.get(port, "/").head()).contains("Location: /porterbench/");
		ServeCommand serve = this.commandLine.getSubcommands().get("serve").getCommand();
		serve.context().close();
		assertThat(this.status).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(0);
	}

	@Test
	void itsDispatcherIsReadyBeforeTheFirstRequest() {
		serve();
		ServeCommand serve = this.commandLine.getSubcommands().get("serve").getCommand();
		DispatcherServlet dispatcher = serve.context().getBean(DispatcherServlet.class);
		// set when the servlet is initialized; Spring otherwise does it in the first
		// request
		assertThat(dispatcher.getHandlerMappings()).isNotEmpty();
	}

	@Test
	void byDefaultItListensOnTheLoopbackAddressOnlyAndSaysWhere() throws IOException {
		Matcher url = serve();
		assertThat(url.group(1)).isEqualTo("127.0.0.1");
		int port = Integer.parseInt(url.group(2));
		assertThat(this.err.toString()).isEmpty();
		assertThat(RawHttp.get(port, "/porterbench/api/runs").status()).isEqualTo(200);
		assumeTrue(Files.isReadable(PROC_TCP), "the listening socket is read from /proc/net/tcp (Linux)");
		assertThat(listeningAddresses(port)).containsExactly("127.0.0.1");
		for (InetAddress other : otherLocalAddresses()) {
			assertThatExceptionOfType(ConnectException.class).as("connecting through %s", other)
				.isThrownBy(() -> connect(other, port));
		}
	}

	@Test
	void theIpv6LoopbackAddressIsPrintedInBrackets() throws IOException {
		InetAddress ipv6Loopback = InetAddress.getByName("::1");
		assumeTrue(NetworkInterface.getByInetAddress(ipv6Loopback) != null, "this machine has no ::1");
		Matcher url = serve("--address", "::1");
		assertThat(url.group(1)).isEqualTo("[0:0:0:0:0:0:0:1]");
		assertThat(this.err.toString()).isEmpty();
		int port = Integer.parseInt(url.group(2));
		try (Socket socket = new Socket(ipv6Loopback, port)) {
			assertThat(socket.isConnected()).isTrue();
		}
		assumeTrue(Files.isReadable(PROC_TCP6), "the listening socket is read from /proc/net/tcp6 (Linux)");
		assertThat(listeningAddresses(port)).containsExactly("::1");
	}

	@Test
	void aHostNameResolvesToTheAddressThatIsBoundAndPrinted() throws IOException {
		Matcher url = serve("--address", "localhost");
		InetAddress localhost = InetAddress.getByName("localhost");
		assertThat(url.group(1)).isEqualTo(ServeCommand.host(localhost));
		assertThat(this.err.toString()).isEmpty();
		try (Socket socket = new Socket(localhost, Integer.parseInt(url.group(2)))) {
			assertThat(socket.isConnected()).isTrue();
		}
	}

	@Test
	void anAddressOfNoInterfaceOfThisMachineIsBadInput() {
		// 203.0.113.0/24 is reserved for documentation (RFC 5737): no machine has it.
		Cli.Result result = Cli.run("serve", "--root", this.folder.toString(), "--port", "0", "--address",
				"203.0.113.77");
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.err()).contains(
				"--address must be an address of this machine, such as 127.0.0.1 or 0.0.0.0; 203.0.113.77 belongs to"
						+ " none of its network interfaces");
	}

	@Test
	void everyAddressButALoopbackOneGetsTheWarning() throws UnknownHostException {
		Path root = Paths.get("/runs");
		for (String address : List.of("127.0.0.1", "127.0.0.2", "::1")) {
			assertThat(ServeCommand.exposureWarning(InetAddress.getByName(address), root)).as(address).isNull();
		}
		assertThat(ServeCommand.exposureWarning(InetAddress.getByName("0.0.0.0"), root))
			.isEqualTo("WARNING: listening on 0.0.0.0 (every network interface): anyone who can reach this address"
					+ " can read every run saved under /runs");
		assertThat(ServeCommand.exposureWarning(InetAddress.getByName("::"), root))
			.startsWith("WARNING: listening on [0:0:0:0:0:0:0:0] (every network interface): ");
		assertThat(ServeCommand.exposureWarning(InetAddress.getByName("192.0.2.2"), root))
			.isEqualTo("WARNING: listening on 192.0.2.2: anyone who can reach this address can read every run"
					+ " saved under /runs")
			.doesNotContain("\n");
	}

	@Test
	void aMissingFolderOrABadPortIsBadInput() {
		Cli.Result missing = Cli.run("serve", "--root", this.folder.resolve("nope").toString(), "--port", "0");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("No such folder");
		assertThat(Cli.run("serve", "--root", this.folder.toString(), "--port", "70000").status()).isEqualTo(2);
		assertThat(Cli.run("serve").status()).isEqualTo(2);
	}

	/**
	 * The local addresses of the sockets listening on a port, as the kernel lists them.
	 */
	private static List<String> listeningAddresses(int port) throws IOException {
		List<String> addresses = new ArrayList<>();
		String portHex = String.format(Locale.ROOT, "%04X", port);
		for (Path table : List.of(PROC_TCP, PROC_TCP6)) {
			if (!Files.isReadable(table)) {
				continue;
			}
			for (String line : Files.readAllLines(table).subList(1, Files.readAllLines(table).size())) {
				String[] fields = line.trim().split("\\s+");
				String[] local = fields[1].split(":");
				boolean listening = "0A".equals(fields[3]);
				if (listening && local[1].equals(portHex)) {
					addresses.add(InetAddress.getByAddress(kernelOrder(local[0]))
						.getHostAddress()
						.replace("0:0:0:0:0:0:0:1", "::1"));
				}
			}
		}
		return addresses;
	}

	/**
	 * The kernel prints each 32-bit word of an address in host (little-endian on x86 and
	 * arm64) order.
	 */
	private static byte[] kernelOrder(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int at = word * 8 + (3 - i) * 2;
				bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
			}
		}
		return bytes;
	}

	/**
	 * Addresses of this machine other than 127.0.0.1: those of its other interfaces, and
	 * 127.0.0.2, which Linux routes to the loopback interface, so that even a machine
	 * with no network has one to try.
	 */
	private static List<InetAddress> otherLocalAddresses() {
		try {
			List<InetAddress> addresses = new ArrayList<>();
			addresses.add(InetAddress.getByName("127.0.0.2"));
			for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (network.isUp() && !network.isLoopback()) {
					Collections.list(network.getInetAddresses())
						.stream()
						.filter((address) -> !(address instanceof Inet6Address) || !address.isLinkLocalAddress())
						.forEach(addresses::add);
				}
			}
			return addresses;
		}
		catch (SocketException | UnknownHostException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void connect(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 10_000);
		}
	}

}
