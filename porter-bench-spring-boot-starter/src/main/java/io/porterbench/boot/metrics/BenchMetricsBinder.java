package io.porterbench.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.porterbench.BenchDict;
import io.porterbench.boot.autoconfigure.StepMeterType;

/**
 * Publishes the meters of every benchmarker of a {@link BenchDict}, those created later
 * included, to a {@link MeterRegistry}. The meters are named in {@link BenchMetricNames};
 * no percentiles or histograms are set here, so the application's
 * {@code management.metrics.distribution.*} settings decide, for the iteration timers and
 * for steps published as {@link StepMeterType#TIMER}.
 */
public final class BenchMetricsBinder implements MeterBinder {

	private final BenchDict benchDict;

	private final StepMeterType stepMeterType;

	/**
	 * A binder following the given registry of benchmarkers, publishing steps as
	 * {@link StepMeterType#FUNCTION_TIMER} (count and total, the cheapest per step); pass
	 * {@link StepMeterType#TIMER} for a max and a distribution.
	 * @param benchDict the benchmarkers to publish
	 */
	public BenchMetricsBinder(BenchDict benchDict) {
		this(benchDict, StepMeterType.FUNCTION_TIMER);
	}

	/**
	 * A binder following the given registry of benchmarkers.
	 * @param benchDict the benchmarkers to publish
	 * @param stepMeterType the kind of meter the steps are published as
	 */
	public BenchMetricsBinder(BenchDict benchDict, StepMeterType stepMeterType) {
		this.benchDict = benchDict;
		this.stepMeterType = stepMeterType;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.benchDict.addListener((bench) -> BenchMeters.bind(bench, registry, this.stepMeterType));
	}

}
