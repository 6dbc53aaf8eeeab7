package io.porterbench.demo.orders;

import java.util.List;

/**
 * Thrown when an order breaks a rule; answered with {@code 400 Bad Request} listing every
 * problem.
 */
public class InvalidOrderException extends RuntimeException {

	private final List<String> problems;

	/**
	 * An exception for the given problems.
	 * @param problems what is wrong with the order, one sentence each
	 */
	public InvalidOrderException(List<String> problems) {
		super("Invalid order: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * What is wrong with the order.
	 * @return the problems, one sentence each
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
