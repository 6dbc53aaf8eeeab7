package io.porterbench;

import java.util.concurrent.atomic.AtomicLong;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one benchmarker's steps and iterations as the JFR events {@code porterbench.Step}
 * and {@code porterbench.Iteration} while a recording enables them.
 *
 * <p>
 * While no recording enables an event, recording a step costs two flag reads and
 * allocates nothing: whether JFR has been initialized in this JVM (by
 * {@code -XX:StartFlightRecording}, {@code jcmd JFR.start} or a {@code Recording} in
 * code) and whether the event type is enabled. The event classes are registered with JFR
 * only once JFR is initialized (registering them costs JFR's own start-up, a fraction of
 * a second, which a JVM that never records must not pay). A JVM without the
 * {@code jdk.jfr} module, or any failure of JFR, turns the events off, never the
 * measurement.
 */
final class JfrEvents {

	private static final Logger logger = LoggerFactory.getLogger(JfrEvents.class);

	private static final boolean JFR_PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

	private static volatile boolean failureLogged;

	private final String bench;

	private final BenchClock clock;

	private final boolean on;

	/**
	 * Numbers iterations in the order they write their first event. Taken only when an
	 * event is written, so that threads that step while no recording wants the events
	 * share no counter: a counter taken at every opening costs each close a contended
	 * cache line.
	 */
	private final AtomicLong numbered = new AtomicLong();

	private JfrEvents(String bench, BenchClock clock, boolean on) {
		this.bench = bench;
		this.clock = clock;
		this.on = on;
	}

	/**
	 * The events of a benchmarker.
	 * @param bench its name
	 * @param clock the clock its steps are timed with
	 * @param enabled whether its registry emits events
	 * ({@code BenchDict.Builder#jfrEvents})
	 * @return the events, off when JFR is not available
	 */
	static JfrEvents create(String bench, BenchClock clock, boolean enabled) {
		return new JfrEvents(bench, clock, enabled && JFR_PRESENT);
	}

	/**
	 * The index an iteration has before it wrote any event.
	 */
	static final long UNNUMBERED = -1;

	/**
	 * Gives an iteration its index when it writes its first event.
	 * @param index the iteration's index so far, {@link #UNNUMBERED} before its first
	 * event
	 * @return its index, from 0
	 */
	private long numbered(long index) {
		return (index != UNNUMBERED) ? index : this.numbered.getAndIncrement();
	}

	/**
	 * Writes a step's event if a recording wants it.
	 * @param topic the step
	 * @param iteration its iteration, numbered by its first event
	 * @param nanos its duration
	 * @param endNanos when it ended, a reading of the clock
	 */
	void step(String topic, ThreadIteration iteration, long nanos, long endNanos) {
		if (this.on && FlightRecorder.isInitialized() && Types.AVAILABLE && Types.STEP.isEnabled()) {
			try {
				iteration.jfrIteration = numbered(iteration.jfrIteration);
				Commit.step(this.bench, this.clock, topic, iteration.jfrIteration, nanos, endNanos);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}
	}

	/**
	 * Writes an iteration's event if a recording wants it.
	 * @param iteration the iteration, numbered by its first event
	 * @param globalNanos its GLOBAL time
	 * @param endNanos when it ended, a reading of the clock
	 */
	void iteration(ThreadIteration iteration, long globalNanos, long endNanos) {
		if (this.on && FlightRecorder.isInitialized() && Types.AVAILABLE && Types.ITERATION.isEnabled()) {
			try {
				iteration.jfrIteration = numbered(iteration.jfrIteration);
				Commit.iteration(this.bench, this.clock, iteration.jfrIteration, iteration.size(), globalNanos,
						endNanos);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}
	}

	private static void failed(RuntimeException ex) {
		if (!failureLogged) {
			failureLogged = true;
			logger.warn("porter-bench: a JFR event could not be recorded; the measurement is kept and later failures "
					+ "are not logged", ex);
		}
	}

	/**
	 * Writes the events. A class of its own, so that verifying {@link JfrEvents} does not
	 * load the event classes: a JVM that never records never loads them.
	 */
	private static final class Commit {

		private Commit() {
		}

		static void step(String bench, BenchClock clock, String topic, long iteration, long nanos, long endNanos) {
			StepEvent event = new StepEvent();
			event.bench = bench;
			event.step = topic;
			event.iteration = iteration;
			JfrTiming.time(event, StepEvent.START_TIME, StepEvent.DURATION, nanos, clock, endNanos);
			event.commit();
		}

		static void iteration(String bench, BenchClock clock, long iteration, int steps, long globalNanos,
				long endNanos) {
			IterationEvent event = new IterationEvent();
			event.bench = bench;
			event.iteration = iteration;
			event.steps = steps;
			JfrTiming.time(event, IterationEvent.START_TIME, IterationEvent.DURATION, globalNanos, clock, endNanos);
			event.commit();
		}

	}

	/**
	 * The registered event types, looked up once JFR is initialized; their enabled flags
	 * change as recordings start and stop.
	 */
	private static final class Types {

		static final EventType STEP;

		static final EventType ITERATION;

		static final boolean AVAILABLE;

		static {
			EventType step = null;
			EventType iteration = null;
			try {
				step = EventType.getEventType(StepEvent.class);
				iteration = EventType.getEventType(IterationEvent.class);
			}
			catch (LinkageError | RuntimeException ex) {
				logger.info("porter-bench: JFR is not available in this JVM ({}); steps are not JFR events",
						ex.toString());
			}
			STEP = step;
			ITERATION = iteration;
			AVAILABLE = step != null && iteration != null;
		}

		private Types() {
		}

	}

}
