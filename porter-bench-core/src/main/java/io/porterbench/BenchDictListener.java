package io.porterbench;

/**
 * Follows the benchmarkers of a {@link BenchDict}, for example to bind each one to a
 * metrics registry.
 */
@FunctionalInterface
public interface BenchDictListener {

	/**
	 * A benchmarker was created. Called once for each benchmarker that exists when the
	 * listener is added, then for each new one.
	 * @param bench the benchmarker
	 */
	void onAdded(Benchmarker bench);

}
