package io.porterbench;

import io.porterbench.internal.AutoSaver;
import io.porterbench.memory.MemorySource;
import io.porterbench.record.RunOrigin;

/**
 * What a {@link Benchmarker} needs from its registry, handed to it when it is created, so
 * that it never reaches back into the {@link BenchDict}.
 *
 * @param clock the clock every benchmarker of the registry reads
 * @param memorySource where memory samples come from
 * @param retainedIterations how many closed iterations each benchmarker keeps in full
 * @param openIterations the registry's record of which iterations are open on each thread
 * @param autoSaver the registry's background writer
 * @param origin the host and process saves name, or {@code null} for
 * {@link RunOrigin#current()}, looked up on the first save rather than when the registry
 * is built
 * @param jfrEvents whether steps and iterations are JFR events
 */
record BenchContext(BenchClock clock, MemorySource memorySource, int retainedIterations, OpenIterations openIterations,
		AutoSaver autoSaver, RunOrigin origin, boolean jfrEvents) {

	/**
	 * The host and process saves name.
	 * @return the configured origin, or the running process's
	 */
	RunOrigin runOrigin() {
		return (this.origin != null) ? this.origin : RunOrigin.current();
	}

}
