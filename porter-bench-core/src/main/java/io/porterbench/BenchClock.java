package io.porterbench;

/**
 * The source of time for a {@link BenchDict}: a monotonic nanosecond counter for
 * durations and a wall clock for the {@code START_TIME}/{@code STOP_TIME} stamps of the
 * run files.
 *
 * <p>
 * Tests inject a {@link MockBenchClock} so that durations are exact.
 */
public interface BenchClock {

	/**
	 * Monotonic time for measuring durations.
	 * @return nanoseconds from an arbitrary origin, as {@link System#nanoTime()}
	 */
	long nanoTime();

	/**
	 * Wall-clock time for the iteration stamps.
	 * @return seconds since the Unix epoch, with sub-millisecond precision where the
	 * clock has it
	 */
	double epochSeconds();

	/**
	 * The wall-clock time at an earlier (or the current) reading of {@link #nanoTime()},
	 * so that a caller that has just read the monotonic clock needs no second read for
	 * the stamp.
	 * @param nanos a value {@link #nanoTime()} of this clock returned
	 * @return seconds since the Unix epoch at that reading
	 */
	default double epochSecondsAt(long nanos) {
		return epochSeconds() - (nanoTime() - nanos) / 1e9;
	}

	/**
	 * The clock of the running JVM.
	 * @return a clock backed by {@link System#nanoTime()} and anchored once to the wall
	 * clock
	 */
	static BenchClock system() {
		return SystemBenchClock.INSTANCE;
	}

}
