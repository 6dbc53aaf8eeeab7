package io.porterbench.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code VmRSS} of {@code /proc/self/status}, the figure RSS readings must agree
 * with on Linux (a test helper).
 */
public final class ProcStatus {

	private ProcStatus() {
	}

	public static long vmRssBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").strip();
					return Long.parseLong(kilobytes) * 1024;
				}
			}
			throw new IllegalStateException("No VmRSS line in /proc/self/status");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
