package io.porterbench.boot.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import io.porterbench.boot.autoconfigure.StepMeterType;

/**
 * The {@code porterbench.step} meter of one step topic, of the {@link StepMeterType} its
 * binder was given.
 */
sealed interface StepMeter {

	/** The description both kinds of meter carry. */
	String DESCRIPTION = "Duration of porter-bench steps";

	/**
	 * Records one step.
	 * @param nanos its duration
	 */
	void record(long nanos);

	/**
	 * Registers the meter of a step topic.
	 * @param type the kind of meter
	 * @param registry the registry
	 * @param tags the tags of the benchmarker and the step
	 * @return the meter
	 */
	static StepMeter register(StepMeterType type, MeterRegistry registry, Tags tags) {
		return switch (type) {
			case TIMER -> new TimerStepMeter(
					Timer.builder(BenchMetricNames.STEP).description(DESCRIPTION).tags(tags).register(registry));
			case FUNCTION_TIMER -> CountingStepMeter.register(registry, tags);
		};
	}

	/**
	 * A step topic published as a {@link Timer}.
	 *
	 * @param timer the timer
	 */
	record TimerStepMeter(Timer timer) implements StepMeter {

		@Override
		public void record(long nanos) {
			this.timer.record(nanos, TimeUnit.NANOSECONDS);
		}

	}

	/**
	 * A step topic's running count and total, which the registry reads as a
	 * {@link FunctionTimer} when it publishes. {@link LongAdder}s, so that threads
	 * recording the same step do not contend on one counter.
	 */
	final class CountingStepMeter implements StepMeter {

		private final LongAdder count = new LongAdder();

		private final LongAdder totalNanos = new LongAdder();

		private CountingStepMeter() {
		}

		static CountingStepMeter register(MeterRegistry registry, Tags tags) {
			CountingStepMeter meter = new CountingStepMeter();
			// the registry holds the meter weakly; BenchMeters holds it for as long as
			// the benchmarker lives
			FunctionTimer
				.builder(BenchMetricNames.STEP, meter, CountingStepMeter::count, CountingStepMeter::totalNanos,
						TimeUnit.NANOSECONDS)
				.description(DESCRIPTION)
				.tags(tags)
				.register(registry);
			return meter;
		}

		@Override
		public void record(long nanos) {
			this.count.increment();
			this.totalNanos.add(nanos);
		}

		long count() {
			return this.count.sum();
		}

		double totalNanos() {
			return this.totalNanos.sum();
		}

	}

}
