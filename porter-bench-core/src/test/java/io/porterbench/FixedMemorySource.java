package io.porterbench;

import java.time.Duration;
import java.util.List;

import io.porterbench.memory.GpuMemory;
import io.porterbench.memory.MemorySource;
import io.porterbench.memory.TopClass;

/**
 * A memory source with figures the test sets, for exact files; optionally each RSS read
 * advances a mock clock, so that the memory time entries have a known cost.
 */
final class FixedMemorySource implements MemorySource {

	volatile long rss;

	volatile long heapUsed;

	volatile long heapCommitted;

	volatile GpuMemory gpu;

	volatile List<TopClass> topClasses = List.of();

	private final MockBenchClock clock;

	private final long readCostNanos;

	FixedMemorySource(long rss, long heapUsed, long heapCommitted) {
		this(rss, heapUsed, heapCommitted, null, Duration.ZERO);
	}

	FixedMemorySource(long rss, long heapUsed, long heapCommitted, MockBenchClock clock, Duration readCost) {
		this.rss = rss;
		this.heapUsed = heapUsed;
		this.heapCommitted = heapCommitted;
		this.clock = clock;
		this.readCostNanos = readCost.toNanos();
	}

	@Override
	public long rss() {
		// only the recording thread's reads cost time; the poller thread's do not touch
		// the iteration's clock
		if (this.clock != null && !Thread.currentThread().getName().startsWith("porterbench-")) {
			this.clock.addNanos(this.readCostNanos);
		}
		return this.rss;
	}

	@Override
	public long heapUsed() {
		return this.heapUsed;
	}

	@Override
	public long heapCommitted() {
		return this.heapCommitted;
	}

	@Override
	public boolean isGpuAvailable() {
		return this.gpu != null;
	}

	@Override
	public GpuMemory gpu() {
		return this.gpu;
	}

	@Override
	public List<TopClass> topClasses(int n) {
		return this.topClasses.subList(0, Math.min(n, this.topClasses.size()));
	}

}
