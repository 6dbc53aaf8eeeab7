package io.porterbench.jfr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;

/**
 * Real recordings for the import tests: porter-bench's events and GC pauses enabled.
 */
final class JfrRecordings {

	private JfrRecordings() {
	}

	static Path record(Path file, Runnable work) {
		return record(file, true, work);
	}

	static Path record(Path file, boolean porterBenchEvents, Runnable work) {
		try (Recording recording = new Recording()) {
			if (porterBenchEvents) {
				recording.enable("porterbench.Step");
				recording.enable("porterbench.Iteration");
			}
			else {
				recording.disable("porterbench.Step");
				recording.disable("porterbench.Iteration");
			}
			recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
			recording.enable("jdk.GarbageCollection").withThreshold(Duration.ZERO);
			recording.start();
			work.run();
			recording.stop();
			recording.dump(file);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts and stops a second recording, which makes JFR close the current chunk and
	 * begin a new one.
	 */
	static void rotateChunk() {
		try (Recording other = new Recording()) {
			other.start();
			other.stop();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
