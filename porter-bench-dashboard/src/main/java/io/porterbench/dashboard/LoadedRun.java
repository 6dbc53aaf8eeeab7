package io.porterbench.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.porterbench.record.BenchRecord;

/**
 * A run read through the {@link RunCatalog}: its benchmarkers and what went wrong reading
 * them, each problem attributed to the benchmarker whose file it concerns.
 *
 * @param name the run folder's name
 * @param folder the run folder
 * @param benches the readable benchmarkers, by name
 * @param benchNames every benchmarker that has a file in the folder, readable or not,
 * sorted
 * @param benchProblems per benchmarker, the problems with its files (empty list when
 * none)
 * @param runProblems problems that concern no single benchmarker
 * @param refused benchmarkers whose files link outside the root; they are never read or
 * served
 */
public record LoadedRun(String name, Path folder, Map<String, BenchRecord> benches, List<String> benchNames,
		Map<String, List<String>> benchProblems, List<String> runProblems, Set<String> refused) {

	/**
	 * Whether the benchmarker's data can be served.
	 * @param bench a name from {@link #benchNames()}
	 * @return false for refused or unknown names
	 */
	public boolean isServable(String bench) {
		return this.benchNames.contains(bench) && !this.refused.contains(bench) && this.benches.containsKey(bench);
	}

	/**
	 * The saved data of a benchmarker.
	 * @param bench a name
	 * @return the record
	 * @throws NoSuchRunException if the run has no servable benchmarker of this name
	 */
	public BenchRecord bench(String bench) {
		if (!isServable(bench)) {
			throw new NoSuchRunException("Run '" + this.name + "' has no readable benchmarker '" + bench + "'");
		}
		return this.benches.get(bench);
	}

	/**
	 * The problems of one benchmarker.
	 * @param bench a name
	 * @return the problems, empty when none
	 */
	public List<String> problemsOf(String bench) {
		return this.benchProblems.getOrDefault(bench, List.of());
	}

}
