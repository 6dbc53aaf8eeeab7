package io.porterbench;

import java.nio.file.Path;

/**
 * Thrown by an explicit save that could not write a file. Nothing is lost: the data stays
 * in memory and the next save writes it.
 */
public class BenchSaveException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Path path;

	/**
	 * A failed save.
	 * @param path the file or folder that could not be written
	 * @param cause the cause
	 */
	public BenchSaveException(Path path, Throwable cause) {
		super("porter-bench could not write " + path + ": " + cause, cause);
		this.path = path;
	}

	/**
	 * The file or folder that could not be written.
	 * @return the path
	 */
	public Path getPath() {
		return this.path;
	}

}
