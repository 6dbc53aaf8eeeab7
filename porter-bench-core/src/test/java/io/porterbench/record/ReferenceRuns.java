package io.porterbench.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The run the Python original wrote (copied from the reference into test resources), and
 * helpers to copy it.
 */
final class ReferenceRuns {

	/** The original's run folder name. */
	static final String PYTHON_RUN_NAME = "15:20-26:11:2026";

	private ReferenceRuns() {
	}

	/**
	 * The folder that contains {@code TICTOC_PERFORMANCE}, as the original's
	 * {@code load_record} takes it.
	 * @return the folder on the test class path
	 */
	static Path pythonProjectFolder() {
		try {
			return Path.of(ReferenceRuns.class.getResource("/python-run").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The original's run folder.
	 * @return the folder holding its six files
	 */
	static Path pythonRunFolder() {
		return pythonProjectFolder().resolve("TICTOC_PERFORMANCE").resolve(PYTHON_RUN_NAME);
	}

	/**
	 * Copies the original's six files into a new folder.
	 * @param target the folder to create
	 * @return the folder
	 */
	static Path copyPythonRunTo(Path target) {
		try {
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(pythonRunFolder())) {
				for (Path file : files.toList()) {
					Path copy = target.resolve(file.getFileName().toString());
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
					copy.toFile().setWritable(true);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
