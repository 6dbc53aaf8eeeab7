package io.porterbench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.porterbench.BenchSummary.MemoryStats;
import io.porterbench.internal.MemorySamples;
import io.porterbench.memory.GpuMemory;
import io.porterbench.memory.MemorySource;
import io.porterbench.memory.PeakMemoryPoller;
import io.porterbench.memory.TopClass;

/**
 * Memory tracking of one {@link Benchmarker}: samples of the process RSS, the JVM heap,
 * the peak RSS between samples, GPU memory and the classes holding the most heap, taken
 * at gstep, gstop and (per step) every step.
 *
 * <p>
 * A sample reads the cheap figures on the caller's thread (RSS, heap, the poller's peak)
 * and, with {@link #setTopN(int)}, takes the top classes there too, from a fresh class
 * histogram. GPU memory ({@code nvidia-smi}) and, when opted in with
 * {@link #setTopN(int, Duration)}, the top classes are refreshed on the benchmarker's one
 * poller thread, and each sample carries the latest value. That thread is a daemon,
 * started when a setting needs it, never joined, and stopped by
 * {@link BenchDict#close()}.
 */
public final class MemoryBenchmarker {

	/** The time between two GPU readings unless told otherwise. */
	public static final Duration DEFAULT_GPU_REFRESH = Duration.ofSeconds(1);

	static final String GSTEP = "gstep";

	static final String GSTEP_MEMORY = "gstep_memory";

	static final String GSTOP_MEMORY = "gstop_memory";

	static final String MEMORY_STEP_SUFFIX = "_MEMORY_STEP";

	private static final int MAX_CACHED_TOPICS = 1024;

	private final MemorySource source;

	private final PeakMemoryPoller poller;

	private final Runnable gpuRefresh = this::refreshGpu;

	private final Runnable topClassesRefresh = this::refreshTopClasses;

	private final ConcurrentHashMap<String, String> memoryStepTopics = new ConcurrentHashMap<>();

	private final LongAdder samples = new LongAdder();

	private final AtomicLong peakRss = new AtomicLong();

	private final AtomicLong peakHeapUsed = new AtomicLong();

	private volatile long lastRss;

	private volatile boolean enabled;

	private volatile boolean perStep;

	private volatile Duration pollInterval;

	private volatile Duration gpuRefreshInterval;

	private volatile GpuMemory gpu;

	private volatile int topN;

	/**
	 * The background refresh's period and the top classes' maximum age; {@code null}:
	 * taken at each sample.
	 */
	private volatile Duration topClassesRefreshInterval;

	private volatile List<TopClass> topClasses = List.of();

	MemoryBenchmarker(String benchName, MemorySource source) {
		this.source = source;
		this.poller = new PeakMemoryPoller("porterbench-memory-" + benchName, source::rss);
	}

	/**
	 * Polls the RSS every {@code pollInterval} on the benchmarker's poller thread, so
	 * that each sample's {@code max memory usage} is the peak since the previous sample.
	 * Calling it again only changes the interval. Takes effect while memory tracking is
	 * on.
	 * @param pollInterval the time between two readings, at least 1 ms (the original's
	 * default is 100 ms)
	 * @return this memory benchmarker
	 * @throws IllegalArgumentException if the interval is shorter than 1 ms
	 */
	public MemoryBenchmarker enableMaxMemory(Duration pollInterval) {
		requireAtLeastOneMillisecond(pollInterval, "poll interval");
		this.pollInterval = pollInterval;
		updatePoller();
		return this;
	}

	/**
	 * Adds this process's GPU memory to every sample, read with {@code nvidia-smi} every
	 * second. Without an NVIDIA GPU it does nothing but log one debug line, and
	 * {@code cuda memory usage} stays {@code null}.
	 * @return this memory benchmarker
	 */
	public MemoryBenchmarker enableGpuMemoryTracking() {
		return enableGpuMemoryTracking(DEFAULT_GPU_REFRESH);
	}

	/**
	 * Adds this process's GPU memory to every sample, read with {@code nvidia-smi} on the
	 * poller thread.
	 * @param refreshInterval the time between two readings, at least 1 ms; each reading
	 * starts {@code nvidia-smi}
	 * @return this memory benchmarker
	 * @throws IllegalArgumentException if the interval is shorter than 1 ms
	 */
	public synchronized MemoryBenchmarker enableGpuMemoryTracking(Duration refreshInterval) {
		requireAtLeastOneMillisecond(refreshInterval, "GPU refresh interval");
		this.gpuRefreshInterval = refreshInterval;
		if (isGpuAvailable()) {
			refreshGpu();
		}
		updatePoller();
		return this;
	}

	/**
	 * Stops adding GPU memory to the samples; {@code cuda memory usage} is {@code null}
	 * from now on.
	 * @return this memory benchmarker
	 */
	public synchronized MemoryBenchmarker disableGpuMemoryTracking() {
		this.gpuRefreshInterval = null;
		this.gpu = null;
		this.poller.cancel(this.gpuRefresh);
		return this;
	}

	/**
	 * Whether this machine has an NVIDIA GPU that {@code nvidia-smi} can read. The first
	 * call may take a moment.
	 * @return whether GPU memory tracking gives figures
	 */
	public boolean isGpuAvailable() {
		return this.source.isGpuAvailable();
	}

	/**
	 * Adds the {@code n} classes holding the most heap to every sample, taken at that
	 * sample from a fresh class histogram, as the original does. Expensive: every sample
	 * then forces a full, stop-the-world GC and a heap walk (see
	 * {@link io.porterbench.memory.ClassHistogram}), on the recording thread and inside
	 * the sample's {@code gstep_memory}, {@code gstop_memory} or
	 * {@code <topic>_MEMORY_STEP} time. Ends a refresh asked for with
	 * {@link #setTopN(int, Duration)}.
	 * @param n how many classes; 0 turns it off
	 * @return this memory benchmarker
	 * @throws IllegalArgumentException if {@code n} is negative
	 */
	public synchronized MemoryBenchmarker setTopN(int n) {
		requireTopN(n);
		this.topN = n;
		this.topClassesRefreshInterval = null;
		this.topClasses = List.of();
		this.poller.cancel(this.topClassesRefresh);
		return this;
	}

	/**
	 * Opts in to cheaper, older top classes: adds the {@code n} classes holding the most
	 * heap to every sample from a class histogram refreshed on the poller thread every
	 * {@code maxAge}, so a sample's top classes describe the heap of up to {@code maxAge}
	 * before it. Each refresh still forces a full GC, on the poller thread.
	 * {@link #setTopN(int)} takes them at each sample instead.
	 * @param n how many classes; 0 turns it off
	 * @param maxAge the time between two histograms and so the top classes' maximum age,
	 * at least 1 ms
	 * @return this memory benchmarker
	 * @throws IllegalArgumentException if {@code n} is negative or the interval shorter
	 * than 1 ms
	 */
	public synchronized MemoryBenchmarker setTopN(int n, Duration maxAge) {
		requireTopN(n);
		requireAtLeastOneMillisecond(maxAge, "top classes refresh interval");
		this.topN = n;
		this.topClassesRefreshInterval = maxAge;
		if (n == 0) {
			this.topClasses = List.of();
			this.poller.cancel(this.topClassesRefresh);
		}
		else if (this.enabled) {
			refreshTopClasses();
		}
		updatePoller();
		return this;
	}

	/**
	 * The maximum age of a sample's top classes, when they come from the background
	 * refresh.
	 * @return the refresh interval, or empty when top classes are taken at each sample
	 * (or off)
	 */
	public Optional<Duration> topClassesMaxAge() {
		return Optional.ofNullable(this.topClassesRefreshInterval);
	}

	private static void requireTopN(int n) {
		if (n < 0) {
			throw new IllegalArgumentException("The number of top classes must be 0 (off) or more, was " + n);
		}
	}

	/**
	 * Whether memory tracking is on.
	 * @return true after {@link Benchmarker#enableMemoryTracking(boolean)}
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Whether every step takes a sample.
	 * @return the flag given to {@link Benchmarker#enableMemoryTracking(boolean)}
	 */
	public boolean isPerStep() {
		return this.perStep;
	}

	/**
	 * The peak poller's interval.
	 * @return the interval, or empty when the peak is not polled
	 */
	public Optional<Duration> maxMemoryPollInterval() {
		return Optional.ofNullable(this.pollInterval);
	}

	/**
	 * Whether GPU memory tracking was asked for.
	 * @return true after {@link #enableGpuMemoryTracking()}, whether or not a GPU is
	 * there
	 */
	public boolean isGpuTracking() {
		return this.gpuRefreshInterval != null;
	}

	/**
	 * How many top classes each sample holds.
	 * @return the number, 0 when off
	 */
	public int topN() {
		return this.topN;
	}

	/**
	 * Turns memory tracking off: no more samples or memory time entries, and the poller
	 * thread ends. The settings stay for the next
	 * {@link Benchmarker#enableMemoryTracking(boolean)}.
	 */
	public synchronized void disable() {
		this.enabled = false;
		this.poller.stop();
	}

	synchronized void enable(boolean perStep) {
		this.source.warmUp();
		this.enabled = true;
		this.perStep = perStep;
		if (this.topN > 0 && this.topClassesRefreshInterval != null) {
			refreshTopClasses();
		}
		updatePoller();
	}

	private synchronized void updatePoller() {
		if (!this.enabled) {
			return;
		}
		if (this.pollInterval != null) {
			this.poller.start(this.pollInterval);
		}
		Duration gpuInterval = this.gpuRefreshInterval;
		if (gpuInterval != null && isGpuAvailable()) {
			this.poller.runPeriodically(this.gpuRefresh, gpuInterval);
		}
		Duration topClassesInterval = this.topClassesRefreshInterval;
		if (this.topN > 0 && topClassesInterval != null) {
			this.poller.runPeriodically(this.topClassesRefresh, topClassesInterval);
		}
	}

	private void refreshGpu() {
		if (this.gpuRefreshInterval != null) {
			this.gpu = this.source.gpu();
		}
	}

	private void refreshTopClasses() {
		int n = this.topN;
		this.topClasses = (n > 0) ? this.source.topClasses(n) : List.of();
	}

	/**
	 * Opens the memory side of a new iteration and takes its {@code gstep} sample; it
	 * starts after the sample.
	 */
	void openIteration(ThreadIteration thread, BenchClock clock) {
		thread.openMemory(0);
		sample(thread, GSTEP, null);
		thread.stampMemoryStart(clock.epochSeconds());
	}

	/**
	 * Opens the memory side of an iteration opened by a step, without a {@code gstep}
	 * sample.
	 */
	void openIterationQuietly(ThreadIteration thread, double startEpochSeconds) {
		thread.openMemory(startEpochSeconds);
	}

	/** Takes the {@code gstop} sample and closes the memory side of the iteration. */
	void closeIteration(ThreadIteration thread, BenchClock clock) {
		sample(thread, Benchmarker.GSTOP, null);
		thread.stopMemory(clock.epochSeconds());
	}

	/**
	 * Takes a sample on the calling thread: cheap figures read now, top classes taken now
	 * unless refreshed in the background, GPU memory from the poller's last refresh.
	 */
	void sample(ThreadIteration thread, String topic, Object extra) {
		MemorySource memory = this.source;
		long rss = memory.rss();
		long heapUsed = memory.heapUsed();
		long heapCommitted = memory.heapCommitted();
		long maxRss = MemorySamples.NO_PEAK;
		if (this.pollInterval != null) {
			long peak = this.poller.takePeak();
			// the sample's own reading belongs to the window too, so the peak is never
			// below it
			maxRss = (peak != 0) ? Math.max(peak, rss) : 0;
		}
		thread.addMemorySample(topic, rss, maxRss, heapUsed, heapCommitted, this.gpu, topClasses(), extra);
		this.samples.increment();
		this.lastRss = rss;
		this.peakRss.accumulateAndGet(Math.max(rss, maxRss), Math::max);
		this.peakHeapUsed.accumulateAndGet(heapUsed, Math::max);
	}

	private List<TopClass> topClasses() {
		int n = this.topN;
		if (n > 0 && this.topClassesRefreshInterval == null) {
			return this.source.topClasses(n);
		}
		return this.topClasses;
	}

	/**
	 * The topic of the time entry for a step's memory overhead,
	 * {@code <topic>_MEMORY_STEP}.
	 */
	String memoryStepTopic(String topic) {
		String cached = this.memoryStepTopics.get(topic);
		if (cached != null) {
			return cached;
		}
		String memoryTopic = topic + MEMORY_STEP_SUFFIX;
		if (this.memoryStepTopics.size() < MAX_CACHED_TOPICS) {
			this.memoryStepTopics.putIfAbsent(topic, memoryTopic);
		}
		return memoryTopic;
	}

	Optional<MemoryStats> stats() {
		long count = this.samples.sum();
		if (count == 0) {
			return Optional.empty();
		}
		return Optional.of(new MemoryStats(count, this.lastRss, this.peakRss.get(), this.peakHeapUsed.get()));
	}

	void resetStats() {
		this.samples.reset();
		this.lastRss = 0;
		this.peakRss.set(0);
		this.peakHeapUsed.set(0);
	}

	void stopBackgroundWork() {
		this.poller.stop();
	}

	PeakMemoryPoller poller() {
		return this.poller;
	}

	private static void requireAtLeastOneMillisecond(Duration duration, String what) {
		if (duration == null || duration.compareTo(Duration.ofMillis(1)) < 0) {
			throw new IllegalArgumentException("The " + what + " must be at least 1 ms, was " + duration);
		}
	}

}
