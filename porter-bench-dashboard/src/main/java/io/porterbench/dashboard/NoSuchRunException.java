package io.porterbench.dashboard;

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

}
