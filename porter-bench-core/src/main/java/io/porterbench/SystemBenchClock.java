package io.porterbench;

import java.time.Instant;

/**
 * The JVM's clock. Wall time is derived from {@link System#nanoTime()} and an anchor
 * taken once, so that reading it allocates nothing and stays consistent with the
 * durations.
 */
final class SystemBenchClock implements BenchClock {

	static final SystemBenchClock INSTANCE = new SystemBenchClock();

	private final long anchorNanos;

	private final double anchorEpochSeconds;

	private SystemBenchClock() {
		Instant now = Instant.now();
		this.anchorNanos = System.nanoTime();
		this.anchorEpochSeconds = now.getEpochSecond() + now.getNano() / 1e9;
	}

	@Override
	public long nanoTime() {
		return System.nanoTime();
	}

	@Override
	public double epochSeconds() {
		return epochSecondsAt(System.nanoTime());
	}

	@Override
	public double epochSecondsAt(long nanos) {
		return this.anchorEpochSeconds + (nanos - this.anchorNanos) / 1e9;
	}

}
