package io.porterbench;

/**
 * One iteration of a {@link Benchmarker}, opened by {@link Benchmarker#iteration()} and
 * closed by {@link #close()}, for try-with-resources.
 *
 * <pre>{@code
 * try (Iteration it = bench.iteration()) {
 *     load();    bench.step("load");
 *     process(); bench.step("process");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Iteration extends AutoCloseable {

	/** Closes the iteration, as {@link Benchmarker#gstop()}. */
	@Override
	void close();

}
