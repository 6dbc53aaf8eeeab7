package io.porterbench;

import java.io.PrintStream;
import java.util.Objects;

/**
 * A stopwatch in seconds (the original's {@code Timer}, renamed so it does not clash with
 * {@code java.util.Timer} or Micrometer's {@code Timer}). It starts when it is built;
 * {@link #tic()} restarts it, {@link #toc()} reads it and {@link #ttoc()} reads and
 * restarts it. Monotonic: it uses {@link BenchClock#nanoTime()}, never the wall clock.
 *
 * <pre>{@code
 * TicToc timer = new TicToc();
 * load();
 * timer.ptoc("load");      // prints "load 0.0123"
 * double s = timer.ttoc(); // seconds since built, and restarts
 * }</pre>
 *
 * <p>
 * Safe to read from several threads; a restart is a single write.
 */
public class TicToc {

	private final BenchClock clock;

	private final PrintStream out;

	private volatile long start;

	/** A stopwatch on the JVM's clock that prints to {@link System#out}, started now. */
	public TicToc() {
		this(BenchClock.system());
	}

	/**
	 * A stopwatch on the given clock that prints to {@link System#out}, started now.
	 * @param clock the clock, e.g. a {@link MockBenchClock} in tests
	 */
	public TicToc(BenchClock clock) {
		this(clock, null);
	}

	/**
	 * A stopwatch on the given clock that prints to the given stream, started now.
	 * @param clock the clock
	 * @param out where {@link #ptoc(String)} and {@link #pttoc(String)} print;
	 * {@code null} for the current {@link System#out}
	 */
	public TicToc(BenchClock clock, PrintStream out) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.out = out;
		this.start = clock.nanoTime();
	}

	/** Restarts the stopwatch. */
	public void tic() {
		this.start = this.clock.nanoTime();
	}

	/**
	 * Reads the stopwatch without restarting it.
	 * @return the seconds since it was built or last restarted
	 */
	public double toc() {
		return (this.clock.nanoTime() - this.start) / 1e9;
	}

	/**
	 * Reads the stopwatch and restarts it.
	 * @return the seconds since it was built or last restarted
	 */
	public double ttoc() {
		long now = this.clock.nanoTime();
		double elapsed = (now - this.start) / 1e9;
		this.start = now;
		return elapsed;
	}

	/**
	 * Prints the message and the elapsed seconds, separated by a space, without
	 * restarting.
	 * @param message the label; {@code null} prints the time alone (the original printed
	 * {@code None})
	 * @return the seconds printed
	 */
	public double ptoc(String message) {
		double elapsed = toc();
		print(message, elapsed);
		return elapsed;
	}

	/**
	 * Prints the message and the elapsed seconds, separated by a space, then restarts.
	 * @param message the label; {@code null} prints the time alone
	 * @return the seconds printed
	 */
	public double pttoc(String message) {
		double elapsed = ttoc();
		print(message, elapsed);
		return elapsed;
	}

	private void print(String message, double elapsed) {
		// Double.toString is locale-independent, so the output reads the same everywhere.
		String text = (message != null) ? message + " " + elapsed : Double.toString(elapsed);
		((this.out != null) ? this.out : System.out).println(text);
	}

}
