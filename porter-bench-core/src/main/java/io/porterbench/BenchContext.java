package io.porterbench;

import io.porterbench.internal.AutoSaver;
import io.porterbench.memory.MemorySource;

/**
 * What a {@link Benchmarker} needs from its registry, handed to it when it is created, so
 * that it never reaches back into the {@link BenchDict}.
 *
 * @param clock the clock every benchmarker of the registry reads
 * @param memorySource where memory samples come from
 * @param retainedIterations how many closed iterations each benchmarker keeps in full
 * @param openIterations the registry's record of which iterations are open on each thread
 * @param autoSaver the registry's background writer
 * @param jfrEvents whether steps and iterations are JFR events
 */
record BenchContext(BenchClock clock, MemorySource memorySource, int retainedIterations, OpenIterations openIterations,
		AutoSaver autoSaver, boolean jfrEvents) {
}
