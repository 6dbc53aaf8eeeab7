package io.porterbench.dashboard.compare;

import java.util.List;

/**
 * The result of comparing a new run with a baseline of one or more runs.
 *
 * @param base the baseline's runs, as the front end names them (folders for the CLI, run
 * names for the dashboard)
 * @param newRun the new run, named the same way
 * @param options the alpha, threshold and minimum iterations the verdicts used
 * @param benchmarkers the benchmarkers both sides have, in name order
 */
public record Comparison(List<String> base, String newRun, CompareOptions options, List<BenchComparison> benchmarkers) {

	/**
	 * A comparison.
	 * @param base the baseline's runs
	 * @param newRun the new run
	 * @param options the options
	 * @param benchmarkers the benchmarkers
	 */
	public Comparison {
		base = List.copyOf(base);
		benchmarkers = List.copyOf(benchmarkers);
	}

	/**
	 * How many steps regressed, over every benchmarker.
	 * @return the count; the CLI exits with 1 when it is not 0
	 */
	public long regressions() {
		return count(Verdict.REGRESSED);
	}

	/**
	 * How many steps improved, over every benchmarker.
	 * @return the count
	 */
	public long improvements() {
		return count(Verdict.IMPROVED);
	}

	/**
	 * How many steps have a verdict, over every benchmarker.
	 * @param verdict the verdict
	 * @return the count
	 */
	public long count(Verdict verdict) {
		return this.benchmarkers.stream().mapToLong((bench) -> bench.count(verdict)).sum();
	}

}
