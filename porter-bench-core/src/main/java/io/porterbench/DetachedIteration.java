package io.porterbench;

/**
 * An iteration of a {@link Benchmarker} that belongs to no thread: any thread may record
 * its steps and close it, one at a time. Reactive code uses it, where one subscription's
 * work hops between threads.
 *
 * <p>
 * Its steps are recorded with {@link #recordSince(String, long)} only: a step that
 * measures from the previous one means nothing when steps of one iteration may overlap.
 * It takes no memory samples. While open it appears in saves and summaries as any open
 * iteration; an iteration nobody closes, and nobody references any more, is forgotten by
 * the benchmarker with the last reference to it, so an abandoned subscription leaks
 * nothing.
 */
public final class DetachedIteration {

	private final Benchmarker bench;

	private final ThreadIteration iteration;

	DetachedIteration(Benchmarker bench, ThreadIteration iteration) {
		this.bench = bench;
		this.iteration = iteration;
	}

	/**
	 * The benchmarker this iteration belongs to.
	 * @return the benchmarker
	 */
	public Benchmarker benchmarker() {
		return this.bench;
	}

	/**
	 * Records a step that began at {@code startNanos}, a reading of the benchmarker's
	 * {@link Benchmarker#clock()}, and ends now. Does nothing once the iteration is
	 * closed.
	 * @param topic the step's topic, as for {@link Benchmarker#step(String)}
	 * @param startNanos when the step began
	 * @throws IllegalArgumentException if the topic is not allowed or {@code startNanos}
	 * is later than now
	 */
	public synchronized void recordSince(String topic, long startNanos) {
		this.bench.recordDetached(this.iteration, topic, startNanos);
	}

	/**
	 * Whether the iteration is still open.
	 * @return true until {@link #close()}
	 */
	public synchronized boolean isOpen() {
		return this.iteration.open;
	}

	/**
	 * Closes the iteration as {@link Benchmarker#gstop()} closes a thread's: adds the
	 * {@code gstop} step and the {@code GLOBAL} total and stores it. Later calls do
	 * nothing.
	 */
	public synchronized void close() {
		this.bench.closeDetached(this, this.iteration);
	}

	@Override
	public String toString() {
		return "DetachedIteration[" + this.bench.name() + "]";
	}

}
