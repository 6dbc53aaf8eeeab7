package io.porterbench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * The memory figures of the running JVM: RSS from {@link RssReader#create()}, heap from
 * the {@link MemoryMXBean}, GPU from {@link NvidiaSmi}, top classes from
 * {@link ClassHistogram}.
 */
final class SystemMemorySource implements MemorySource {

	static final SystemMemorySource INSTANCE = new SystemMemorySource(SystemMemorySource::sharedRssReader,
			NvidiaSmi::onSystemPath);

	private final Supplier<RssReader> rssFactory;

	private final Supplier<NvidiaSmi> gpuProbeFactory;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final ClassHistogram histogram = new ClassHistogram();

	private volatile RssReader rss;

	private volatile GpuMemoryTracker gpu;

	SystemMemorySource(Supplier<RssReader> rssFactory, Supplier<NvidiaSmi> gpuProbeFactory) {
		this.rssFactory = rssFactory;
		this.gpuProbeFactory = gpuProbeFactory;
	}

	static RssReader sharedRssReader() {
		return RssHolder.READER;
	}

	@Override
	public long rss() {
		RssReader reader = this.rss;
		if (reader == null) {
			reader = initRss();
		}
		return reader.read();
	}

	@Override
	public void warmUp() {
		rss();
		heapUsed();
	}

	private synchronized RssReader initRss() {
		if (this.rss == null) {
			this.rss = this.rssFactory.get();
		}
		return this.rss;
	}

	@Override
	public long heapUsed() {
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	@Override
	public long heapCommitted() {
		return this.memory.getHeapMemoryUsage().getCommitted();
	}

	@Override
	public boolean isGpuAvailable() {
		return gpuTracker().isAvailable();
	}

	@Override
	public GpuMemory gpu() {
		return gpuTracker().sample();
	}

	private GpuMemoryTracker gpuTracker() {
		GpuMemoryTracker tracker = this.gpu;
		if (tracker == null) {
			synchronized (this) {
				if (this.gpu == null) {
					this.gpu = new GpuMemoryTracker(this.gpuProbeFactory.get());
				}
				tracker = this.gpu;
			}
		}
		return tracker;
	}

	@Override
	public List<TopClass> topClasses(int n) {
		return this.histogram.top(n);
	}

	private static final class RssHolder {

		static final RssReader READER = RssReader.create();

	}

}
