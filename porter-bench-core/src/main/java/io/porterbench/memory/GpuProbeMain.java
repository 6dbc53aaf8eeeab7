package io.porterbench.memory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints what the GPU probe finds on this machine, for checking GPU memory tracking by
 * hand on a machine with an NVIDIA GPU.
 *
 * <pre>
 * java -cp porter-bench-core.jar:slf4j-api.jar io.porterbench.memory.GpuProbeMain [--pid N] [--nvidia-smi PATH]
 * </pre>
 *
 * {@code --pid} asks about another process (one that holds GPU memory, such as a CUDA
 * program) instead of this JVM, which holds none of its own.
 */
public final class GpuProbeMain {

	private GpuProbeMain() {
	}

	/**
	 * Runs the probe and prints its findings.
	 * @param args {@code --pid N} and {@code --nvidia-smi PATH}, both optional
	 */
	public static void main(String[] args) {
		long pid = ProcessHandle.current().pid();
		Path executable = null;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--pid" -> pid = Long.parseLong(args[i + 1]);
				case "--nvidia-smi" -> executable = Path.of(args[i + 1]);
				default -> throw new IllegalArgumentException(
						"Unknown option " + args[i] + "; use --pid N and --nvidia-smi PATH");
			}
		}
		NvidiaSmi probe = (executable != null) ? NvidiaSmi.at(executable, pid, NvidiaSmi.DEFAULT_TIMEOUT)
				: NvidiaSmi.onPath(System.getenv("PATH"), pid, NvidiaSmi.DEFAULT_TIMEOUT);
		report(probe, System.out);
	}

	static void report(NvidiaSmi probe, PrintStream out) {
		out.println("pid: " + probe.pid());
		out.println("nvidia-smi: " + ((probe.executable() != null) ? probe.executable() : "not found on the PATH"));
		out.println("gpus: " + probe.gpus());
		boolean available = probe.isAvailable();
		out.println("available: " + available);
		if (!available) {
			out.println("cuda memory usage: null");
			return;
		}
		List<String> rows = probe.computeApps();
		out.println("compute apps (pid, used_memory MiB): " + rows);
		GpuMemory gpu = new GpuMemoryTracker(probe).sample();
		out.println("cuda memory usage: " + ((gpu != null) ? gpu.toMap() : null));
	}

}
