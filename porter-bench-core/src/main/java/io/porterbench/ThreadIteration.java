package io.porterbench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;

import io.porterbench.internal.CacheLinePadding;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.MemorySamples;
import io.porterbench.internal.ReferenceArrays;
import io.porterbench.internal.TopicSums;
import io.porterbench.memory.GpuMemory;
import io.porterbench.memory.TopClass;

/**
 * The iteration open on one thread for one benchmarker, with the thread's step clock.
 *
 * <p>
 * Only its own thread writes it, without locks. A save on another thread reads it through
 * a sequence lock: the owner makes {@code version} odd while it writes and even when
 * done, and a reader keeps a copy only when the version was even and unchanged around it.
 * The arrays are reused from one iteration to the next, so a step allocates nothing once
 * they have grown to the iteration's size. Its fields, written on every step, come after
 * {@link CacheLinePadding}'s padding, away from whatever object lies before it.
 */
final class ThreadIteration extends CacheLinePadding {

	private static final VarHandle VERSION;

	static {
		try {
			VERSION = MethodHandles.lookup().findVarHandle(ThreadIteration.class, "version", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final int MAX_READ_ATTEMPTS = 16;

	private static final int VALIDATED_CACHE_SIZE = 32;

	@SuppressWarnings("unused") // accessed through VERSION
	private int version;

	/**
	 * The store's accumulator stripe this thread adds to, given once when the thread
	 * first uses the benchmarker.
	 */
	int stripe;

	boolean open;

	/**
	 * The benchmarkers open on this iteration's thread, for a thread iteration; taken
	 * once on that thread, which alone opens and closes it.
	 */
	OpenIterations.Stack openStack;

	/**
	 * Whether the thread has used the step clock before, so that {@link #lastNanos} means
	 * something.
	 */
	boolean hasMark;

	/**
	 * The open iteration's index in its JFR events, given by its first event; until then
	 * {@link JfrEvents#UNNUMBERED}.
	 */
	long jfrIteration = JfrEvents.UNNUMBERED;

	/** The global timer: the start of the iteration's GLOBAL time. */
	long startNanos;

	/** The step timer: the end of the previous step. */
	long lastNanos;

	/** When the last iteration closed, epoch seconds: the next one's start in gstep. */
	double closedAtEpochSeconds;

	private double startEpochSeconds;

	private String[] topics = new String[16];

	private long[] nanos = new long[16];

	private Object[] extras;

	private boolean anyExtra;

	private int size;

	private final TopicSums topicSums = new TopicSums();

	/**
	 * Whether the open iteration tracks memory: memory tracking was on when it opened.
	 */
	boolean tracksMemory;

	private double memoryStartEpochSeconds;

	private double memoryStopEpochSeconds;

	private final MemorySamples memory = new MemorySamples();

	private final String[] validated = new String[VALIDATED_CACHE_SIZE];

	private int validatedCount;

	void open(long startNanos, double startEpochSeconds) {
		beginWrite();
		this.size = 0;
		this.anyExtra = false;
		this.startNanos = startNanos;
		this.lastNanos = startNanos;
		this.jfrIteration = JfrEvents.UNNUMBERED;
		this.startEpochSeconds = startEpochSeconds;
		this.open = true;
		this.hasMark = true;
		this.tracksMemory = false;
		this.memory.clear();
		endWrite();
	}

	void openMemory(double startEpochSeconds) {
		beginWrite();
		this.tracksMemory = true;
		this.memoryStartEpochSeconds = startEpochSeconds;
		this.memoryStopEpochSeconds = 0;
		this.memory.clear();
		endWrite();
	}

	void addMemorySample(String topic, long rss, long maxRss, long heapUsed, long heapCommitted, GpuMemory gpu,
			List<TopClass> topClasses, Object extra) {
		beginWrite();
		this.memory.add(topic, rss, maxRss, heapUsed, heapCommitted, gpu, topClasses, extra);
		endWrite();
	}

	void stampMemoryStart(double startEpochSeconds) {
		beginWrite();
		this.memoryStartEpochSeconds = startEpochSeconds;
		endWrite();
	}

	void stopMemory(double stopEpochSeconds) {
		beginWrite();
		this.memoryStopEpochSeconds = stopEpochSeconds;
		endWrite();
	}

	void add(String topic, long duration, Object extra) {
		beginWrite();
		if (this.size == this.topics.length) {
			grow();
		}
		ReferenceArrays.store(this.topics, this.size, topic);
		this.nanos[this.size] = duration;
		if (extra != null) {
			if (this.extras == null) {
				this.extras = new Object[this.topics.length];
			}
			this.extras[this.size] = extra;
			this.anyExtra = true;
		}
		else if (this.extras != null) {
			this.extras[this.size] = null;
		}
		this.size++;
		endWrite();
	}

	private void grow() {
		int capacity = this.topics.length * 2;
		this.topics = Arrays.copyOf(this.topics, capacity);
		this.nanos = Arrays.copyOf(this.nanos, capacity);
		if (this.extras != null) {
			this.extras = Arrays.copyOf(this.extras, capacity);
		}
	}

	int size() {
		return this.size;
	}

	/** Sums the calls per topic, in order of first call, for the store's accumulators. */
	void computeTopicSums() {
		this.topicSums.compute(this.topics, this.nanos, this.size);
	}

	/**
	 * The calls' sums per topic, as the last {@link #computeTopicSums()} left them.
	 * @return this thread's reused sums
	 */
	TopicSums topicSums() {
		return this.topicSums;
	}

	/**
	 * Whether this exact topic instance passed validation before, so that steady-state
	 * steps skip the checks.
	 */
	boolean isValidated(String topic) {
		for (int i = 0; i < this.validatedCount; i++) {
			if (this.validated[i] == topic) {
				return true;
			}
		}
		return false;
	}

	void rememberValidated(String topic) {
		if (this.validatedCount < VALIDATED_CACHE_SIZE) {
			this.validated[this.validatedCount++] = topic;
		}
	}

	void copyInto(IterationData target, long number, double stopEpochSeconds, boolean closed, long globalNanos) {
		target.set(number, this.startEpochSeconds, stopEpochSeconds, this.topics, this.nanos,
				this.anyExtra ? this.extras : null, this.size, closed, globalNanos);
		if (closed) {
			// computed at close for the store's accumulators: the save reuses them
			target.setTopicSums(this.topicSums);
		}
		target.setMemory(this.tracksMemory ? this.memory : null, this.memoryStartEpochSeconds,
				closed ? this.memoryStopEpochSeconds : 0);
	}

	void markClosed() {
		beginWrite();
		this.open = false;
		endWrite();
	}

	/**
	 * Copies the open iteration for a reader on another thread.
	 * @return the copy, or {@code null} when no iteration is open or the owner kept
	 * writing during every attempt
	 */
	IterationData copyIfOpen(long number) {
		for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
			int before = (int) VERSION.getAcquire(this);
			if ((before & 1) != 0) {
				Thread.onSpinWait();
				continue;
			}
			IterationData copy = null;
			try {
				if (this.open) {
					copy = new IterationData();
					copyInto(copy, number, 0, false, 0);
				}
			}
			catch (RuntimeException torn) {
				// the owner replaced an array mid-copy; the version check below discards
				// this attempt
				copy = null;
			}
			VarHandle.loadLoadFence();
			if ((int) VERSION.getOpaque(this) == before && (copy != null || !this.open)) {
				return copy;
			}
		}
		return null;
	}

	private void beginWrite() {
		VERSION.setOpaque(this, (int) VERSION.get(this) + 1);
		VarHandle.storeStoreFence();
	}

	private void endWrite() {
		VERSION.setRelease(this, (int) VERSION.get(this) + 1);
	}

}
