package io.porterbench.jfr;

/**
 * Thrown when a file cannot be imported as a run: it is missing, not a JFR recording,
 * damaged before any porter-bench event, or holds none. The message is one line naming
 * the file and the problem; nothing was written.
 */
public class JfrImportException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * A new exception.
	 * @param message one line: the file and what is wrong with it
	 */
	public JfrImportException(String message) {
		super(message);
	}

	/**
	 * A new exception with its cause.
	 * @param message one line: the file and what is wrong with it
	 * @param cause the failure that revealed it
	 */
	public JfrImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
