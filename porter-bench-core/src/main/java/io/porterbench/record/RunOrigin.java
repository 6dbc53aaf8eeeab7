package io.porterbench.record;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The host and process that record a run, written as {@code HOST} and {@code PID} into
 * the {@code info} of every iteration a save writes, so that runs of several instances
 * can be told apart and merged with their sources named.
 *
 * <p>
 * The Python original writes neither key and its tools ignore keys they do not know.
 * {@link #none()} writes the original's three keys only.
 */
public final class RunOrigin {

	private static final RunOrigin NONE = new RunOrigin(null, -1);

	private final String host;

	private final long pid;

	private RunOrigin(String host, long pid) {
		this.host = host;
		this.pid = pid;
	}

	/**
	 * The running process: its id, and the host name from {@code HOSTNAME},
	 * {@code COMPUTERNAME}, {@code /etc/hostname} or, failing those, the local host's
	 * name; looked up once, on the first save.
	 * @return the origin of the running process
	 */
	public static RunOrigin current() {
		return Current.ORIGIN;
	}

	/**
	 * A given host and process, for tests and for files written on another's behalf.
	 * @param host the host name, not blank
	 * @param pid the process id, 0 or more
	 * @return the origin
	 * @throws IllegalArgumentException if the host is blank or the id negative
	 */
	public static RunOrigin of(String host, long pid) {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("The host of a run origin must not be blank, was '" + host + "'");
		}
		if (pid < 0) {
			throw new IllegalArgumentException("The process id of a run origin must be 0 or more, was " + pid);
		}
		return new RunOrigin(host, pid);
	}

	/**
	 * No origin: saves write the original's {@code STEP_NUMBER}, {@code START_TIME} and
	 * {@code STOP_TIME} only.
	 * @return the empty origin
	 */
	public static RunOrigin none() {
		return NONE;
	}

	/**
	 * The host name.
	 * @return the host, empty for {@link #none()} or when it could not be found
	 */
	public Optional<String> host() {
		return Optional.ofNullable(this.host);
	}

	/**
	 * The process id.
	 * @return the id, empty for {@link #none()}
	 */
	public OptionalLong pid() {
		return (this.pid >= 0) ? OptionalLong.of(this.pid) : OptionalLong.empty();
	}

	@Override
	public String toString() {
		return (this == NONE) ? "RunOrigin[none]" : "RunOrigin[host=" + this.host + ", pid=" + this.pid + "]";
	}

	/**
	 * Looked up on first use: the host name may need a name service, which must not slow
	 * down class loading.
	 */
	private static final class Current {

		static final RunOrigin ORIGIN = new RunOrigin(hostName(), ProcessHandle.current().pid());

		private static String hostName() {
			for (String variable : new String[] { "HOSTNAME", "COMPUTERNAME" }) {
				String value = System.getenv(variable);
				if (value != null && !value.isBlank()) {
					return value.strip();
				}
			}
			try {
				Path etcHostname = Path.of("/etc/hostname");
				if (Files.isReadable(etcHostname)) {
					String value = Files.readString(etcHostname, StandardCharsets.UTF_8).strip();
					if (!value.isEmpty() && value.length() < 256) {
						return value;
					}
				}
				return InetAddress.getLocalHost().getHostName();
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}

	}

}
