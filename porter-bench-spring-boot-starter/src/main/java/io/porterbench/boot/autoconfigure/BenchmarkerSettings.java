package io.porterbench.boot.autoconfigure;

import java.time.Duration;

import io.porterbench.BenchDictListener;
import io.porterbench.Benchmarker;
import io.porterbench.MemoryBenchmarker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Applies the per-benchmarker {@code porterbench.*} settings (auto-save, memory tracking)
 * to each benchmarker as its {@link io.porterbench.BenchDict} creates it.
 */
final class BenchmarkerSettings implements BenchDictListener {

	private static final Log logger = LogFactory.getLog(BenchmarkerSettings.class);

	private final int saveOnGstop;

	private final boolean memoryEnabled;

	private final boolean memoryPerStep;

	private final @Nullable Duration pollInterval;

	BenchmarkerSettings(PorterBenchProperties properties) {
		this.saveOnGstop = properties.getSaveOnGstop();
		this.memoryEnabled = properties.getMemory().isEnabled();
		this.memoryPerStep = properties.getMemory().isPerStep();
		this.pollInterval = properties.getMemory().getPollInterval();
	}

	@Override
	public void onAdded(Benchmarker bench) {
		// A benchmarker is often created inside the application's own call (first
		// @BenchStep): never fail it.
		try {
			apply(bench);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not apply the porterbench.* settings to benchmarker '" + bench.name()
					+ "'; it runs with the defaults", ex);
		}
	}

	private void apply(Benchmarker bench) {
		if (this.saveOnGstop > 0) {
			bench.setSaveOnGstop(this.saveOnGstop);
		}
		if (this.memoryEnabled) {
			MemoryBenchmarker memory = bench.enableMemoryTracking(this.memoryPerStep);
			if (this.pollInterval != null) {
				memory.enableMaxMemory(this.pollInterval);
			}
		}
	}

}
