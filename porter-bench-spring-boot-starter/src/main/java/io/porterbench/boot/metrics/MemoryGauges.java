package io.porterbench.boot.metrics;

import java.time.Duration;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.porterbench.BenchSummary.MemoryStats;
import io.porterbench.Benchmarker;
import org.jspecify.annotations.Nullable;

/**
 * The memory gauges of one benchmarker. A registry reads the three gauges one after the
 * other at each scrape; they share one snapshot of the benchmarker's memory figures,
 * taken at most once a second, so a scrape costs one read.
 */
final class MemoryGauges {

	private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

	private final Benchmarker bench;

	private volatile @Nullable MemoryStats stats;

	private volatile long takenAt;

	private MemoryGauges(Benchmarker bench) {
		this.bench = bench;
	}

	static void register(Benchmarker bench, Tags tags, MeterRegistry registry) {
		MemoryGauges gauges = new MemoryGauges(bench);
		gauges.register(BenchMetricNames.MEMORY_RSS, "Process resident set size at the last memory sample",
				MemoryStats::lastRss, tags, registry);
		gauges.register(BenchMetricNames.MEMORY_HEAP_USED, "JVM heap in use, largest seen by a memory sample",
				MemoryStats::peakHeapUsed, tags, registry);
		gauges.register(BenchMetricNames.MEMORY_PEAK, "Largest process resident set size seen", MemoryStats::peakRss,
				tags, registry);
	}

	private void register(String name, String description, ToLongFunction<MemoryStats> figure, Tags tags,
			MeterRegistry registry) {
		Gauge.builder(name, this, (gauges) -> gauges.read(figure))
			.description(description)
			.baseUnit(BaseUnits.BYTES)
			.tags(tags)
			.strongReference(true)
			.register(registry);
	}

	private double read(ToLongFunction<MemoryStats> figure) {
		MemoryStats current = snapshot();
		return (current != null) ? figure.applyAsLong(current) : Double.NaN;
	}

	private @Nullable MemoryStats snapshot() {
		long now = System.nanoTime();
		MemoryStats current = this.stats;
		if (current == null || now - this.takenAt > MAX_AGE_NANOS) {
			current = this.bench.summary().memory().orElse(null);
			this.stats = current;
			this.takenAt = now;
		}
		return current;
	}

}
