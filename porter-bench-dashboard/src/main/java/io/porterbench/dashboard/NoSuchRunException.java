package io.porterbench.dashboard;

import java.util.function.Supplier;

/**
 * Thrown when a run or a benchmarker named in a request is not among those listed under
 * the root.
 */
public class NoSuchRunException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * A new exception.
	 * @param message what was not found
	 */
	public NoSuchRunException(String message) {
		super(message);
	}

	/**
	 * The exception for a run that is not listed, as a supplier: a lambda in the catalog
	 * would name this type among the catalog bean's declared methods, which Spring reads
	 * at startup.
	 */
	static Supplier<NoSuchRunException> noRunNamed(String name) {
		return () -> new NoSuchRunException("No run named '" + name + "'");
	}

}
