package io.porterbench;

/**
 * The source of time for a {@link BenchDict}: a monotonic nanosecond counter for durations and a wall clock for the
 * {@code START_TIME}/{@code STOP_TIME} stamps of the run files.
 *
 * <p>Tests inject a {@link MockBenchClock} so that durations are exact.
 */
public interface BenchClock {

	/**
	 * Monotonic time for measuring durations.
	 * @return nanoseconds from an arbitrary origin, as {@link System#nanoTime()}
	 */
	long nanoTime();

	/**
	 * Wall-clock time for the iteration stamps.
	 * @return seconds since the Unix epoch, with sub-millisecond precision where the clock has it
	 */
	double epochSeconds();

	/**
	 * The clock of the running JVM.
	 * @return a clock backed by {@link System#nanoTime()} and anchored once to the wall clock
	 */
	static BenchClock system() {
		return SystemBenchClock.INSTANCE;
	}

}
