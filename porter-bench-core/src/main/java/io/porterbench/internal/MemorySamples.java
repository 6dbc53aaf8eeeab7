package io.porterbench.internal;

import java.util.Arrays;
import java.util.List;

import io.porterbench.memory.GpuMemory;
import io.porterbench.memory.TopClass;

/**
 * The memory samples of one iteration in parallel arrays, in sample order: the shape a
 * thread fills on the hot path (reusing the arrays from one iteration to the next) and
 * the store, snapshots and the MEMORY writer read. A sample's position is its memory
 * {@code crono_counter}.
 */
public final class MemorySamples {

	/** The value of {@link #maxRss(int)} when the peak poller was off. */
	public static final long NO_PEAK = -1;

	private String[] topics;

	private long[] rss;

	private long[] maxRss;

	private long[] heapUsed;

	private long[] heapCommitted;

	private GpuMemory[] gpu;

	private Object[] topClasses;

	private Object[] extras;

	private int size;

	/** No samples, with room for a few. */
	public MemorySamples() {
		this(4);
	}

	private MemorySamples(int capacity) {
		allocate(capacity);
	}

	private void allocate(int capacity) {
		this.topics = new String[capacity];
		this.rss = new long[capacity];
		this.maxRss = new long[capacity];
		this.heapUsed = new long[capacity];
		this.heapCommitted = new long[capacity];
		this.gpu = new GpuMemory[capacity];
		this.topClasses = new Object[capacity];
		this.extras = new Object[capacity];
	}

	/**
	 * Adds a sample.
	 * @param topic {@code gstep}, the step's topic or {@code gstop}
	 * @param rss the resident set size, bytes
	 * @param maxRss the peak RSS since the previous sample, or {@link #NO_PEAK}
	 * @param heapUsed the heap in use, bytes
	 * @param heapCommitted the heap committed, bytes
	 * @param gpu the GPU figures, or {@code null}
	 * @param topClasses the classes holding the most heap, possibly empty
	 * @param extra the step's extra value, or {@code null}
	 */
	public void add(String topic, long rss, long maxRss, long heapUsed, long heapCommitted, GpuMemory gpu,
			List<TopClass> topClasses, Object extra) {
		if (this.size == this.topics.length) {
			grow(this.size * 2);
		}
		int i = this.size;
		this.topics[i] = topic;
		this.rss[i] = rss;
		this.maxRss[i] = maxRss;
		this.heapUsed[i] = heapUsed;
		this.heapCommitted[i] = heapCommitted;
		this.gpu[i] = gpu;
		this.topClasses[i] = topClasses;
		this.extras[i] = extra;
		this.size = i + 1;
	}

	private void grow(int capacity) {
		this.topics = Arrays.copyOf(this.topics, capacity);
		this.rss = Arrays.copyOf(this.rss, capacity);
		this.maxRss = Arrays.copyOf(this.maxRss, capacity);
		this.heapUsed = Arrays.copyOf(this.heapUsed, capacity);
		this.heapCommitted = Arrays.copyOf(this.heapCommitted, capacity);
		this.gpu = Arrays.copyOf(this.gpu, capacity);
		this.topClasses = Arrays.copyOf(this.topClasses, capacity);
		this.extras = Arrays.copyOf(this.extras, capacity);
	}

	/** Forgets the samples; the arrays stay for the next iteration. */
	public void clear() {
		this.size = 0;
	}

	/** Forgets the samples and the values they refer to; the arrays stay. */
	public void reset() {
		Arrays.fill(this.topics, 0, this.size, null);
		Arrays.fill(this.gpu, 0, this.size, null);
		Arrays.fill(this.topClasses, 0, this.size, null);
		Arrays.fill(this.extras, 0, this.size, null);
		this.size = 0;
	}

	/**
	 * Overwrites these samples with another's, reusing the arrays where they are large
	 * enough.
	 * @param source the samples to copy
	 */
	public void copyFrom(MemorySamples source) {
		int count = source.size;
		if (this.topics.length < count) {
			allocate(Math.max(count, this.topics.length * 2));
		}
		System.arraycopy(source.topics, 0, this.topics, 0, count);
		System.arraycopy(source.rss, 0, this.rss, 0, count);
		System.arraycopy(source.maxRss, 0, this.maxRss, 0, count);
		System.arraycopy(source.heapUsed, 0, this.heapUsed, 0, count);
		System.arraycopy(source.heapCommitted, 0, this.heapCommitted, 0, count);
		System.arraycopy(source.gpu, 0, this.gpu, 0, count);
		System.arraycopy(source.topClasses, 0, this.topClasses, 0, count);
		System.arraycopy(source.extras, 0, this.extras, 0, count);
		if (this.size > count) {
			// drop references the previous content held, so they can be collected
			Arrays.fill(this.topics, count, this.size, null);
			Arrays.fill(this.gpu, count, this.size, null);
			Arrays.fill(this.topClasses, count, this.size, null);
			Arrays.fill(this.extras, count, this.size, null);
		}
		this.size = count;
	}

	/**
	 * An independent copy with arrays of exactly the right size.
	 * @return the copy
	 */
	public MemorySamples copy() {
		MemorySamples copy = new MemorySamples(Math.max(1, this.size));
		copy.copyFrom(this);
		return copy;
	}

	/**
	 * The number of samples.
	 * @return the count
	 */
	public int size() {
		return this.size;
	}

	/**
	 * A sample's topic.
	 * @param index the sample's position
	 * @return {@code gstep}, a step's topic or {@code gstop}
	 */
	public String topic(int index) {
		return this.topics[index];
	}

	/**
	 * A sample's resident set size.
	 * @param index the sample's position
	 * @return bytes
	 */
	public long rss(int index) {
		return this.rss[index];
	}

	/**
	 * A sample's peak RSS since the previous sample.
	 * @param index the sample's position
	 * @return bytes, 0 when the poller took no reading, or {@link #NO_PEAK} when it was
	 * off
	 */
	public long maxRss(int index) {
		return this.maxRss[index];
	}

	/**
	 * A sample's heap in use.
	 * @param index the sample's position
	 * @return bytes
	 */
	public long heapUsed(int index) {
		return this.heapUsed[index];
	}

	/**
	 * A sample's committed heap.
	 * @param index the sample's position
	 * @return bytes
	 */
	public long heapCommitted(int index) {
		return this.heapCommitted[index];
	}

	/**
	 * A sample's GPU figures.
	 * @param index the sample's position
	 * @return the figures, or {@code null} when GPU tracking was off or unavailable
	 */
	public GpuMemory gpu(int index) {
		return this.gpu[index];
	}

	/**
	 * A sample's top classes.
	 * @param index the sample's position
	 * @return the classes, largest first; empty when top classes were off
	 */
	@SuppressWarnings("unchecked")
	public List<TopClass> topClasses(int index) {
		Object classes = this.topClasses[index];
		return (classes != null) ? (List<TopClass>) classes : List.of();
	}

	/**
	 * A sample's extra value.
	 * @param index the sample's position
	 * @return the extra, or {@code null}
	 */
	public Object extra(int index) {
		return this.extras[index];
	}

}
