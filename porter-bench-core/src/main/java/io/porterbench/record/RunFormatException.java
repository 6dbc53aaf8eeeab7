package io.porterbench.record;

/**
 * A run file that is valid JSON but not shaped as the format says. The location is built while the exception travels
 * up through the mapping, so that the happy path builds no path strings.
 */
final class RunFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final String problem;

	RunFormatException(String problem) {
		this("", problem);
	}

	private RunFormatException(String location, String problem) {
		super(null, null, false, false);
		this.location = location;
		this.problem = problem;
	}

	/**
	 * The same problem one level further out.
	 * @param segment the segment of the enclosing element, e.g. {@code [3]} or {@code .info}
	 * @return a new exception
	 */
	RunFormatException within(String segment) {
		return new RunFormatException(segment + this.location, this.problem);
	}

	@Override
	public String getMessage() {
		return "$" + this.location + ": " + this.problem;
	}

}
