package io.porterbench;

/**
 * The memory side of a {@link Benchmarker}'s iterations: the one collaborator the
 * recording methods call at each opening, step and close, which does nothing while memory
 * tracking is off. It takes the samples through the benchmarker's
 * {@link MemoryBenchmarker} and records what they cost ({@code gstep_memory},
 * {@code gstop_memory}, {@code <topic>_MEMORY_STEP}) through the benchmarker's timed
 * entries.
 */
final class MemoryTracker {

	private final MemoryBenchmarker memory;

	private final BenchClock clock;

	private final TimedEntries entries;

	MemoryTracker(MemoryBenchmarker memory, BenchClock clock, TimedEntries entries) {
		this.memory = memory;
		this.clock = clock;
		this.entries = entries;
	}

	/**
	 * After {@code gstep} opened an iteration: takes the {@code gstep} sample and records
	 * its cost; GLOBAL and the first step leave that cost out, as in the original.
	 */
	void opened(ThreadIteration thread) {
		if (this.memory.isEnabled()) {
			this.memory.openIteration(thread, this.clock);
			this.entries.add(thread, MemoryBenchmarker.GSTEP_MEMORY);
			thread.startNanos = thread.lastNanos;
		}
	}

	/** After a step opened an iteration: the memory side opens too, without a sample. */
	void openedByStep(ThreadIteration thread) {
		if (this.memory.isEnabled()) {
			this.memory.openIterationQuietly(thread, this.clock.epochSeconds());
		}
	}

	/**
	 * After a step: the per-step sample when asked for, and the
	 * {@code <topic>_MEMORY_STEP} entry.
	 */
	void stepped(ThreadIteration thread, String topic, Object extra) {
		if (this.memory.isEnabled()) {
			if (this.memory.isPerStep() && thread.tracksMemory) {
				this.memory.sample(thread, topic, extra);
			}
			this.entries.add(thread, this.memory.memoryStepTopic(topic));
		}
	}

	/**
	 * Before an iteration closes: takes the {@code gstop} sample and records its cost as
	 * {@code gstop_memory}, which GLOBAL includes; an iteration that tracked memory is
	 * closed on its memory side even when tracking was turned off since.
	 * @return the end of the iteration: {@code now}, or the end of the sample's entry
	 */
	long closing(ThreadIteration thread, long now) {
		boolean enabled = this.memory.isEnabled();
		if (!thread.tracksMemory && !enabled) {
			return now;
		}
		if (thread.tracksMemory) {
			if (enabled) {
				this.memory.closeIteration(thread, this.clock);
			}
			else {
				thread.stopMemory(this.clock.epochSeconds());
			}
		}
		if (enabled) {
			this.entries.add(thread, MemoryBenchmarker.GSTOP_MEMORY);
		}
		return thread.lastNanos;
	}

	/**
	 * Where the tracker records the time its samples cost: an entry of the library's own,
	 * the time since the previous entry of the iteration.
	 */
	@FunctionalInterface
	interface TimedEntries {

		void add(ThreadIteration thread, String topic);

	}

}
