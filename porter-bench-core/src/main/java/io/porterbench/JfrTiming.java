package io.porterbench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import jdk.jfr.Event;

/**
 * Sets a JFR event's start time and duration from a duration porter-bench measured, so
 * that the event covers exactly the step's time on the timeline and not the time of its
 * own creation.
 *
 * <p>
 * The JDK's public event API only times an event between its {@code begin()} and
 * {@code end()}, but a step's start lies in the past when it is recorded (a
 * {@code recordSince} step, an advised method). Every event class gets two fields from
 * the JVM, {@code startTime} and {@code duration}, in JFR ticks, which {@code commit()}
 * writes as they are when they are set; this class sets them: the event ends at
 * {@code begin()}'s tick, read now, less the time since the step ended on porter-bench's
 * clock, and starts the step's duration, converted to ticks, before. Where a JVM names
 * these fields otherwise, events keep JFR's own timing (a zero-length event at the step's
 * end) rather than fail.
 */
final class JfrTiming {

	private JfrTiming() {
	}

	static VarHandle startTimeOf(Class<? extends Event> eventClass) {
		return field(eventClass, "startTime");
	}

	static VarHandle durationOf(Class<? extends Event> eventClass) {
		return field(eventClass, "duration");
	}

	private static VarHandle field(Class<? extends Event> eventClass, String name) {
		try {
			return MethodHandles.privateLookupIn(eventClass, MethodHandles.lookup())
				.findVarHandle(eventClass, name, long.class);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Makes the event cover a step: it ends when the step ended and lasts {@code nanos};
	 * call it just before {@code commit()}.
	 * @param event the event, not yet begun
	 * @param startTime its {@code startTime} field, or {@code null} where the JVM has
	 * none
	 * @param duration its {@code duration} field
	 * @param nanos the duration porter-bench measured
	 * @param clock the clock that measured it
	 * @param endNanos when the step ended, a reading of that clock
	 */
	static void time(Event event, VarHandle startTime, VarHandle duration, long nanos, BenchClock clock,
			long endNanos) {
		event.begin();
		if (startTime == null || duration == null) {
			return;
		}
		long now = (long) startTime.get(event);
		// the time since the step ended (listeners, the first event's class loading) is
		// not the step's
		long sinceEnd = Math.max(0, clock.nanoTime() - endNanos);
		// commit() times an event whose duration is 0 itself, so the shortest step lasts
		// one tick
		long ticks = Math.max(1, Ticks.toTicks(nanos));
		long end = now - Ticks.toTicks(sinceEnd);
		startTime.set(event, end - ticks);
		duration.set(event, ticks);
	}

	/**
	 * JFR's ticks per nanosecond, measured once, the first time an event is recorded: on
	 * Linux and macOS JFR counts nanoseconds (the ratio is 1), elsewhere it may count a
	 * performance counter's ticks.
	 */
	static final class Ticks {

		private static final long CALIBRATION_NANOS = 1_000_000;

		private static final double TICKS_PER_NANO = measure();

		private Ticks() {
		}

		static long toTicks(long nanos) {
			return (TICKS_PER_NANO == 1.0) ? nanos : Math.round(nanos * TICKS_PER_NANO);
		}

		private static double measure() {
			if (StepEvent.START_TIME == null) {
				return 1.0;
			}
			StepEvent probe = new StepEvent();
			long[] first = readBoth(probe);
			long nanos;
			do {
				Thread.onSpinWait();
				nanos = System.nanoTime();
			}
			while (nanos - first[1] < CALIBRATION_NANOS);
			long[] second = readBoth(probe);
			double ratio = (double) (second[0] - first[0]) / (second[1] - first[1]);
			// a ratio this close to 1 is JFR counting nanoseconds, read a few nanoseconds
			// apart
			return (Math.abs(ratio - 1.0) < 0.01 || ratio <= 0) ? 1.0 : ratio;
		}

		/**
		 * Reads JFR's tick and the nanosecond clock at the same moment: the nanoseconds
		 * between two ticks, keeping the attempt whose ticks lie closest together, so
		 * that a thread descheduled between the reads does not count.
		 * @return the tick halfway between the two ticks, and the nanoseconds
		 */
		private static long[] readBoth(StepEvent probe) {
			long[] best = null;
			long bestWidth = Long.MAX_VALUE;
			for (int attempt = 0; attempt < 16; attempt++) {
				probe.begin();
				long before = (long) StepEvent.START_TIME.get(probe);
				long nanos = System.nanoTime();
				probe.begin();
				long after = (long) StepEvent.START_TIME.get(probe);
				if (after - before < bestWidth) {
					bestWidth = after - before;
					best = new long[] { before + bestWidth / 2, nanos };
				}
			}
			return best;
		}

	}

}
