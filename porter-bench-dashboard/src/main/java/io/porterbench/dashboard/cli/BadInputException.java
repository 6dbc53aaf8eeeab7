package io.porterbench.dashboard.cli;

/**
 * Thrown when a command cannot run on what it was given (a missing folder, no saved run,
 * an unknown benchmarker); the tool exits with status 2.
 */
public class BadInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * A new exception.
	 * @param message what is wrong and what is allowed
	 */
	public BadInputException(String message) {
		super(message);
	}

}
