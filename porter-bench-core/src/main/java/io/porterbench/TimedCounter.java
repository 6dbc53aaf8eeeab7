package io.porterbench;

import java.util.OptionalDouble;

/**
 * Counts events and reports their frequency per second: live while running, or frozen at
 * the values of the last {@link #stop()}. Its stopwatch starts when it is built.
 *
 * <pre>{@code
 * TimedCounter frames = new TimedCounter();
 * frames.start();
 * for (Frame f : video) {
 *     render(f);
 *     frames.count();
 * }
 * frames.stop();
 * double fps = frames.frequency().orElse(0);
 * }</pre>
 *
 * <p>
 * Unlike the original, {@link #reset()} also clears the stopped values, so a reset
 * counter reports a live frequency again (the original kept returning the old stopped
 * frequency). While disabled, counting, starting and stopping do nothing and
 * {@link #frequency()} is empty. Thread-safe.
 */
public class TimedCounter {

	private final TicToc timer;

	private boolean enabled;

	private long count;

	private boolean stopped;

	private double stopTime;

	private long stopCount;

	/** An enabled counter on the JVM's clock. */
	public TimedCounter() {
		this(true);
	}

	/**
	 * A counter on the JVM's clock.
	 * @param enabled whether it counts from the start
	 */
	public TimedCounter(boolean enabled) {
		this(enabled, BenchClock.system());
	}

	/**
	 * A counter on the given clock.
	 * @param enabled whether it counts from the start
	 * @param clock the clock, e.g. a {@link MockBenchClock} in tests
	 */
	public TimedCounter(boolean enabled, BenchClock clock) {
		this.timer = new TicToc(clock);
		this.enabled = enabled;
	}

	/**
	 * Restarts the stopwatch, but only while nothing has been counted, so a repeated
	 * start keeps the first one.
	 */
	public synchronized void start() {
		if (this.enabled && this.count == 0) {
			this.timer.tic();
		}
	}

	/** Counts one event. */
	public synchronized void count() {
		if (this.enabled) {
			this.count++;
		}
	}

	/** Freezes the frequency: remembers the elapsed seconds and the count of now. */
	public synchronized void stop() {
		if (this.enabled) {
			this.stopTime = this.timer.toc();
			this.stopCount = this.count;
			this.stopped = true;
		}
	}

	/**
	 * The events per second.
	 * @return the count at the last {@link #stop()} divided by the seconds at that stop;
	 * or, if not stopped since built or reset, the current count divided by the seconds
	 * so far; empty while disabled or when no time has passed
	 */
	public synchronized OptionalDouble frequency() {
		if (!this.enabled) {
			return OptionalDouble.empty();
		}
		double seconds = this.stopped ? this.stopTime : this.timer.toc();
		long events = this.stopped ? this.stopCount : this.count;
		return (seconds > 0) ? OptionalDouble.of(events / seconds) : OptionalDouble.empty();
	}

	/**
	 * The events counted since built or reset.
	 * @return the count
	 */
	public synchronized long getCount() {
		return this.count;
	}

	/** Sets the count to 0, forgets the last stop and restarts the stopwatch. */
	public synchronized void reset() {
		this.count = 0;
		this.stopped = false;
		this.stopTime = 0;
		this.stopCount = 0;
		this.timer.tic();
	}

	/** Stops counting; {@link #frequency()} is empty until {@link #enable()}. */
	public synchronized void disable() {
		this.enabled = false;
	}

	/**
	 * Resumes counting from the count as it was; the stopwatch kept running meanwhile.
	 */
	public synchronized void enable() {
		this.enabled = true;
	}

	/**
	 * Whether the counter counts.
	 * @return true unless disabled
	 */
	public synchronized boolean isEnabled() {
		return this.enabled;
	}

}
