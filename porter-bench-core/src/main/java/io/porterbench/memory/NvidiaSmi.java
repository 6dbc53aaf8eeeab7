package io.porterbench.memory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks NVIDIA's {@code nvidia-smi} how much GPU memory one process uses.
 *
 * <p>
 * Each call starts {@code nvidia-smi} (tens of milliseconds), so callers keep it off the
 * hot path. The figure is NVML's per-process {@code used_memory}. In a container with its
 * own PID namespace the driver reports host process ids, so a process may find no row of
 * its own and reads 0.
 */
public final class NvidiaSmi {

	/** The default limit on one {@code nvidia-smi} run. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(NvidiaSmi.class);

	private static final long MIB = 1024L * 1024L;

	private final Path executable;

	private final long pid;

	private final Duration timeout;

	private volatile Boolean available;

	private NvidiaSmi(Path executable, long pid, Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The nvidia-smi timeout must be positive, was " + timeout);
		}
		this.executable = executable;
		this.pid = pid;
		this.timeout = timeout;
	}

	/**
	 * The {@code nvidia-smi} found on this process's {@code PATH}, asked about this
	 * process.
	 * @return a probe, unavailable when no {@code nvidia-smi} is on the path
	 */
	public static NvidiaSmi onSystemPath() {
		return onPath(System.getenv("PATH"), ProcessHandle.current().pid(), DEFAULT_TIMEOUT);
	}

	/**
	 * The first {@code nvidia-smi} on a search path.
	 * @param searchPath folders separated by {@link File#pathSeparator}, as the
	 * {@code PATH} variable
	 * @param pid the process whose GPU memory is wanted
	 * @param timeout the limit on one run
	 * @return a probe, unavailable when the path holds no {@code nvidia-smi}
	 */
	public static NvidiaSmi onPath(String searchPath, long pid, Duration timeout) {
		return new NvidiaSmi(find(searchPath), pid, timeout);
	}

	/**
	 * A given {@code nvidia-smi} executable.
	 * @param executable the executable
	 * @param pid the process whose GPU memory is wanted
	 * @param timeout the limit on one run
	 * @return a probe
	 */
	public static NvidiaSmi at(Path executable, long pid, Duration timeout) {
		return new NvidiaSmi(executable, pid, timeout);
	}

	private static Path find(String searchPath) {
		if (searchPath == null) {
			return null;
		}
		for (String folder : searchPath.split(File.pathSeparator)) {
			if (folder.isEmpty()) {
				continue;
			}
			for (String name : new String[] { "nvidia-smi", "nvidia-smi.exe" }) {
				Path candidate = Path.of(folder, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	/**
	 * The executable this probe runs.
	 * @return its path, or {@code null} when none was found
	 */
	public Path executable() {
		return this.executable;
	}

	/**
	 * The process this probe asks about.
	 * @return its process id
	 */
	public long pid() {
		return this.pid;
	}

	/**
	 * Whether {@code nvidia-smi} runs and lists at least one GPU. Decided on the first
	 * call (one run of {@code nvidia-smi -L}), then remembered; a machine without a GPU
	 * logs one debug line.
	 * @return whether GPU figures can be read
	 */
	public boolean isAvailable() {
		Boolean known = this.available;
		return (known != null) ? known : checkAvailable();
	}

	private synchronized boolean checkAvailable() {
		if (this.available == null) {
			this.available = findGpu();
		}
		return this.available;
	}

	private boolean findGpu() {
		if (this.executable == null) {
			logger.debug("No nvidia-smi on the PATH: GPU memory is not tracked");
			return false;
		}
		List<String> gpus = gpus();
		boolean found = gpus != null && gpus.stream().anyMatch((line) -> line.startsWith("GPU "));
		if (!found) {
			logger.debug("{} lists no GPU: GPU memory is not tracked", this.executable);
		}
		return found;
	}

	/**
	 * Lists the GPUs, as {@code nvidia-smi -L} prints them.
	 * @return one line per GPU, or {@code null} when {@code nvidia-smi} is missing or
	 * failed
	 */
	public List<String> gpus() {
		return (this.executable != null) ? run("-L") : null;
	}

	/**
	 * Runs the per-process query and returns its rows as printed.
	 * @return lines of {@code pid, used_memory} (MiB), or {@code null} when
	 * {@code nvidia-smi} failed
	 */
	public List<String> computeApps() {
		if (this.executable == null) {
			return null;
		}
		return run("--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits");
	}

	/**
	 * The GPU memory the process uses now, summed over all GPUs.
	 * @return bytes, 0 when the process holds none, or -1 when {@code nvidia-smi} failed
	 */
	public long processMemoryBytes() {
		List<String> rows = computeApps();
		return (rows != null) ? sumForPid(rows, this.pid) : -1;
	}

	static long sumForPid(List<String> rows, long pid) {
		long mib = 0;
		for (String row : rows) {
			int comma = row.indexOf(',');
			if (comma < 0) {
				continue;
			}
			try {
				if (Long.parseLong(row.substring(0, comma).trim()) == pid) {
					mib += Long.parseLong(row.substring(comma + 1).trim());
				}
			}
			catch (NumberFormatException ex) {
				// "[N/A]" or "[Not Supported]" where the driver cannot tell; the row
				// counts as nothing
			}
		}
		return mib * MIB;
	}

	private List<String> run(String... arguments) {
		List<String> command = new ArrayList<>(arguments.length + 1);
		command.add(this.executable.toString());
		command.addAll(List.of(arguments));
		Process process = null;
		try {
			process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			process.getOutputStream().close();
			// the output is a few short lines, well below a pipe buffer, so waiting first
			// cannot block the child
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.debug("{} did not answer within {}", this.executable, this.timeout);
				return null;
			}
			if (process.exitValue() != 0) {
				logger.debug("{} exited with {}", this.executable, process.exitValue());
				return null;
			}
			try (InputStream output = process.getInputStream()) {
				return new String(output.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip)
					.filter((line) -> !line.isEmpty())
					.toList();
			}
		}
		catch (IOException ex) {
			logger.debug("Cannot run {}", this.executable, ex);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		finally {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
		}
	}

}
