package io.porterbench.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * A stand-in for NVIDIA's {@code nvidia-smi}: a shell script of that name, written into a
 * folder that the tests put first on the search path. It answers {@code -L} with one GPU
 * and the per-process query with the rows held in the file {@code rows} next to it, so a
 * test can change the figures between two runs.
 */
final class FakeNvidiaSmi {

	private final Path folder;

	private FakeNvidiaSmi(Path folder) {
		this.folder = folder;
	}

	static FakeNvidiaSmi in(Path folder) {
		return in(folder, """
				#!/bin/sh
				# stand-in for nvidia-smi, written by FakeNvidiaSmi
				case "$1" in
				  -L) echo "GPU 0: Fake GPU (UUID: GPU-00000000-0000-0000-0000-000000000000)" ;;
				  --query-compute-apps=pid,used_memory) cat "$(dirname "$0")/rows" ;;
				  *) echo "unexpected arguments: $*" >&2; exit 2 ;;
				esac
				""");
	}

	static FakeNvidiaSmi in(Path folder, String script) {
		try {
			Path executable = folder.resolve("nvidia-smi");
			Files.writeString(executable, script);
			Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
			FakeNvidiaSmi fake = new FakeNvidiaSmi(folder);
			fake.rows("");
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	FakeNvidiaSmi rows(String rows) {
		try {
			Files.writeString(this.folder.resolve("rows"), rows);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The search path with this stand-in first, then the real {@code PATH}. */
	String searchPath() {
		return this.folder + java.io.File.pathSeparator + System.getenv("PATH");
	}

	NvidiaSmi probe(long pid) {
		return NvidiaSmi.onPath(searchPath(), pid, Duration.ofSeconds(10));
	}

	NvidiaSmi probeForThisProcess() {
		return probe(ProcessHandle.current().pid());
	}

}
