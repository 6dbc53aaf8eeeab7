package io.porterbench.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.porterbench.BenchDict;

/**
 * Publishes the meters of every benchmarker of a {@link BenchDict}, those created later included, to a
 * {@link MeterRegistry}. The meters are named in {@link BenchMetricNames}; no percentiles or histograms are set here,
 * so the application's {@code management.metrics.distribution.*} settings decide.
 */
public final class BenchMetricsBinder implements MeterBinder {

	private final BenchDict benchDict;

	/**
	 * A binder following the given registry of benchmarkers.
	 * @param benchDict the benchmarkers to publish
	 */
	public BenchMetricsBinder(BenchDict benchDict) {
		this.benchDict = benchDict;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.benchDict.addListener((bench) -> BenchMeters.bind(bench, registry));
	}

}
