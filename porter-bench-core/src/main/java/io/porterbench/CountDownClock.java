package io.porterbench;

/**
 * A countdown: a {@link TicToc} that knows how long it should run. It starts when it is
 * built.
 *
 * <pre>{@code
 * CountDownClock budget = new CountDownClock(30.0);
 * while (!budget.completed()) {
 *     work();
 * }
 * }</pre>
 */
public class CountDownClock extends TicToc {

	/** The countdown of the no-argument constructor, as in the original. */
	public static final double DEFAULT_SECONDS = 10.0;

	private volatile double countDown;

	/** A 10-second countdown on the JVM's clock, started now. */
	public CountDownClock() {
		this(DEFAULT_SECONDS);
	}

	/**
	 * A countdown on the JVM's clock, started now.
	 * @param seconds its length, not negative
	 */
	public CountDownClock(double seconds) {
		this(seconds, BenchClock.system());
	}

	/**
	 * A countdown on the given clock, started now.
	 * @param seconds its length, not negative
	 * @param clock the clock, e.g. a {@link MockBenchClock} in tests
	 */
	public CountDownClock(double seconds, BenchClock clock) {
		super(clock);
		this.countDown = checked(seconds);
	}

	/**
	 * Sets a new length and restarts the countdown.
	 * @param seconds the new length, not negative
	 */
	public void setCountDown(double seconds) {
		this.countDown = checked(seconds);
		tic();
	}

	/**
	 * The countdown's length.
	 * @return seconds
	 */
	public double countDown() {
		return this.countDown;
	}

	/** Restarts the countdown with the same length. */
	public void reset() {
		tic();
	}

	/**
	 * How long is left.
	 * @return the length minus the elapsed seconds; negative once the countdown has run
	 * out
	 */
	public double timeLeft() {
		return this.countDown - toc();
	}

	/**
	 * Whether the countdown has run out.
	 * @return true once strictly more than the length has elapsed
	 */
	public boolean completed() {
		return this.countDown < toc();
	}

	private static double checked(double seconds) {
		if (Double.isNaN(seconds) || seconds < 0) {
			throw new IllegalArgumentException(
					"A countdown is a number of seconds, 0 or more (infinity allowed); got " + seconds);
		}
		return seconds;
	}

}
