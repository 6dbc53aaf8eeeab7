package io.porterbench.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.porterbench.BenchClock;
import io.porterbench.BenchDict;

/**
 * A throw-away folder for the run files a benchmark writes, and the registries that write
 * there.
 */
final class Scratch implements AutoCloseable {

	private final Path root;

	Scratch() {
		try {
			this.root = Files.createTempDirectory("porter-bench-jmh-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path root() {
		return this.root;
	}

	BenchDict dict() {
		return BenchDict.builder().root(this.root).build();
	}

	BenchDict dict(BenchClock clock, int retainedIterations) {
		return BenchDict.builder().root(this.root).clock(clock).retainedIterations(retainedIterations).build();
	}

	@Override
	public void close() {
		try (Stream<Path> paths = Files.walk(this.root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
