package io.porterbench.record;

/**
 * A run file that is valid JSON but not shaped as the format says. The message starts
 * with the location, as a path such as {@code $[3].info.STOP_TIME}.
 */
final class RunFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	RunFormatException(String location, String problem) {
		super("$" + location + ": " + problem, null, false, false);
	}

}
