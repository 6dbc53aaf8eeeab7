package io.porterbench;

import java.time.Duration;

/**
 * A {@link BenchClock} that only moves when told to, for tests that need exact durations.
 *
 * <pre>{@code
 * MockBenchClock clock = new MockBenchClock();
 * BenchDict dict = BenchDict.builder().clock(clock).build();
 * Benchmarker bench = dict.get("pipeline");
 * bench.gstep();
 * clock.add(Duration.ofMillis(10));
 * bench.step("load");   // exactly 0.010 s
 * }</pre>
 */
public final class MockBenchClock implements BenchClock {

	private volatile long nanos;

	private volatile double epochSeconds;

	/**
	 * A clock at monotonic time 0 and wall time 1,700,000,000 s (a fixed, readable
	 * epoch).
	 */
	public MockBenchClock() {
		this(1_700_000_000.0);
	}

	/**
	 * A clock at monotonic time 0 and the given wall time.
	 * @param epochSeconds the initial wall time in seconds since the epoch
	 */
	public MockBenchClock(double epochSeconds) {
		this.epochSeconds = epochSeconds;
	}

	/**
	 * Moves both clocks forward.
	 * @param duration how far
	 * @return this clock
	 */
	public MockBenchClock add(Duration duration) {
		return addNanos(duration.toNanos());
	}

	/**
	 * Moves both clocks forward.
	 * @param delta nanoseconds, not negative
	 * @return this clock
	 */
	public synchronized MockBenchClock addNanos(long delta) {
		if (delta < 0) {
			throw new IllegalArgumentException("A clock only moves forward; delta was " + delta);
		}
		this.nanos += delta;
		this.epochSeconds += delta / 1e9;
		return this;
	}

	@Override
	public long nanoTime() {
		return this.nanos;
	}

	@Override
	public double epochSeconds() {
		return this.epochSeconds;
	}

}
