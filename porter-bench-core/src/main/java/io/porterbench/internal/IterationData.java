package io.porterbench.internal;

import java.util.Arrays;

/**
 * The calls of one iteration in arrays, in call order: the shape the store keeps,
 * snapshots copy and the writer reads. A call's position is its {@code crono_counter}.
 *
 * <p>
 * Mutable so that the store can reuse the objects of its retained window; a snapshot's
 * copies are never changed again.
 */
public final class IterationData {

	private static final Object[] NO_EXTRAS = new Object[0];

	long number;

	double startEpochSeconds;

	double stopEpochSeconds;

	String[] topics;

	long[] nanos;

	Object[] extras;

	int size;

	boolean closed;

	long globalNanos;

	MemorySamples memory;

	/**
	 * The per-topic sums computed when the iteration closed, in order of first call;
	 * valid when {@link #sumsKept}. Only the sums are kept: the grouping is rebuilt at a
	 * save, off the hot path, and a close that copies less writes fewer cache lines.
	 */
	private long[] keptSums;

	private boolean sumsKept;

	/** The calls grouped by topic, built on demand; valid when {@link #sumsComputed}. */
	private TopicSums sums;

	private boolean sumsComputed;

	boolean hasMemory;

	double memoryStartEpochSeconds;

	double memoryStopEpochSeconds;

	// Only for iterations read back from saved runs (a merge): the process that recorded
	// them and the iteration's
	// own extra. The store never sets them, so the hot path does not pay for them.
	String sourceHost;

	long sourcePid = -1;

	Object iterationExtra;

	/** An empty iteration with room for a few calls. */
	public IterationData() {
		this(8);
	}

	private IterationData(int capacity) {
		this.topics = new String[capacity];
		this.nanos = new long[capacity];
		this.extras = NO_EXTRAS;
	}

	/**
	 * Overwrites this iteration with the given one, reusing the arrays where they are
	 * large enough.
	 * @param number the iteration's number
	 * @param startEpochSeconds when it began, epoch seconds
	 * @param stopEpochSeconds when it ended, epoch seconds, or 0 while open
	 * @param topics the topics of its calls
	 * @param nanos the durations of its calls
	 * @param extras the extras of its calls, or {@code null} when no call has one
	 * @param size the number of calls
	 * @param closed whether the iteration was closed
	 * @param globalNanos its total, for a closed iteration
	 */
	public void set(long number, double startEpochSeconds, double stopEpochSeconds, String[] topics, long[] nanos,
			Object[] extras, int size, boolean closed, long globalNanos) {
		this.number = number;
		this.startEpochSeconds = startEpochSeconds;
		this.stopEpochSeconds = stopEpochSeconds;
		if (this.topics.length < size) {
			int capacity = Math.max(size, this.topics.length * 2);
			this.topics = new String[capacity];
			this.nanos = new long[capacity];
		}
		ReferenceArrays.copy(topics, this.topics, size);
		System.arraycopy(nanos, 0, this.nanos, 0, size);
		if (extras == null) {
			if (this.extras.length > 0) {
				Arrays.fill(this.extras, null);
			}
		}
		else {
			if (this.extras.length < size) {
				this.extras = new Object[this.topics.length];
			}
			System.arraycopy(extras, 0, this.extras, 0, size);
		}
		if (this.size > size) {
			Arrays.fill(this.topics, size, this.size, null);
			if (this.extras.length >= this.size) {
				Arrays.fill(this.extras, size, this.size, null);
			}
		}
		this.size = size;
		this.closed = closed;
		this.globalNanos = globalNanos;
		this.sumsComputed = false;
		this.sumsKept = false;
	}

	/**
	 * Takes the per-topic sums computed when the iteration closed, so that a save never
	 * computes them again.
	 * @param computed the sums of the calls just {@link #set}
	 */
	public void setTopicSums(TopicSums computed) {
		this.keptSums = computed.copySumsTo(this.keptSums);
		this.sumsKept = true;
		this.sumsComputed = false;
	}

	/**
	 * The calls grouped by topic with each topic's sum: the sums taken when the iteration
	 * closed, or computed now, once, for an iteration copied while open. Not for
	 * concurrent use.
	 * @return the sums
	 */
	public TopicSums topicSums() {
		if (!this.sumsComputed) {
			if (this.sums == null) {
				this.sums = new TopicSums();
			}
			groupInto(this.sums);
			this.sumsComputed = true;
		}
		return this.sums;
	}

	/**
	 * The same grouping and sums as {@link #topicSums()}, built in the given scratch
	 * object instead of one kept by the iteration, so that a save allocates none per
	 * iteration and two threads may read the iteration at once; the iteration's kept
	 * grouping is returned when one was built before.
	 * @param scratch where to build the sums, owned by the caller's thread
	 * @return the kept sums or {@code scratch}
	 */
	public TopicSums topicSums(TopicSums scratch) {
		if (this.sumsComputed) {
			return this.sums;
		}
		groupInto(scratch);
		return scratch;
	}

	/**
	 * Groups the calls in {@code target}, with the sums kept at the close when there are.
	 */
	private void groupInto(TopicSums target) {
		if (this.sumsKept) {
			target.regroup(this.topics, this.size, this.keptSums);
		}
		else {
			target.compute(this.topics, this.nanos, this.size);
		}
	}

	/**
	 * Gives the iteration its number, once its place among the closed iterations is
	 * known.
	 * @param number the iteration's number
	 */
	public void renumber(long number) {
		this.number = number;
	}

	/**
	 * Overwrites this iteration's memory samples, reusing the arrays.
	 * @param samples the samples, or {@code null} when the iteration did not track memory
	 * @param startEpochSeconds when its memory tracking began, epoch seconds
	 * @param stopEpochSeconds when it ended, epoch seconds, or 0 while open
	 */
	public void setMemory(MemorySamples samples, double startEpochSeconds, double stopEpochSeconds) {
		this.hasMemory = samples != null;
		if (samples != null) {
			if (this.memory == null) {
				this.memory = new MemorySamples();
			}
			this.memory.copyFrom(samples);
		}
		else if (this.memory != null) {
			this.memory.reset();
		}
		this.memoryStartEpochSeconds = startEpochSeconds;
		this.memoryStopEpochSeconds = stopEpochSeconds;
	}

	/**
	 * An independent copy with arrays of exactly the right size.
	 * @return the copy
	 */
	public IterationData copy() {
		IterationData copy = new IterationData(this.size);
		copy.set(this.number, this.startEpochSeconds, this.stopEpochSeconds, this.topics, this.nanos,
				hasCallExtras() ? this.extras : null, this.size, this.closed, this.globalNanos);
		copy.setSource(this.sourceHost, this.sourcePid, this.iterationExtra);
		if (this.sumsKept) {
			copy.keptSums = this.keptSums.clone();
			copy.sumsKept = true;
		}
		if (this.hasMemory) {
			copy.hasMemory = true;
			copy.memory = this.memory.copy();
			copy.memoryStartEpochSeconds = this.memoryStartEpochSeconds;
			copy.memoryStopEpochSeconds = this.memoryStopEpochSeconds;
		}
		return copy;
	}

	/**
	 * Names the process that recorded an iteration read back from a saved run, and gives
	 * it an {@code extra} of its own; the writer writes them instead of the saving
	 * process's {@code HOST} and {@code PID}.
	 * @param host the recording host, or {@code null} when unknown
	 * @param pid the recording process's id, or a negative number when unknown
	 * @param extra the iteration's own extra, or {@code null}
	 */
	public void setSource(String host, long pid, Object extra) {
		this.sourceHost = host;
		this.sourcePid = pid;
		this.iterationExtra = extra;
	}

	/**
	 * Whether {@link #setSource} named the process that recorded the iteration.
	 * @return true for an iteration read back from a saved run
	 */
	public boolean hasSource() {
		return this.sourceHost != null || this.sourcePid >= 0 || this.iterationExtra != null;
	}

	/**
	 * The recording host given by {@link #setSource}.
	 * @return the host, or {@code null}
	 */
	public String sourceHost() {
		return this.sourceHost;
	}

	/**
	 * The recording process's id given by {@link #setSource}.
	 * @return the id, or -1
	 */
	public long sourcePid() {
		return this.sourcePid;
	}

	/**
	 * The iteration's own extra given by {@link #setSource}.
	 * @return the extra, or {@code null}
	 */
	public Object iterationExtra() {
		return this.iterationExtra;
	}

	/**
	 * Whether the iteration tracked memory, so that it belongs in the MEMORY file.
	 * @return true when memory tracking was on when it opened
	 */
	public boolean hasMemory() {
		return this.hasMemory;
	}

	/**
	 * The iteration's memory samples.
	 * @return the samples; only meaningful when {@link #hasMemory()}
	 */
	public MemorySamples memory() {
		return this.memory;
	}

	/**
	 * When the iteration's memory tracking began.
	 * @return epoch seconds
	 */
	public double memoryStartEpochSeconds() {
		return this.memoryStartEpochSeconds;
	}

	/**
	 * When the iteration's memory tracking ended.
	 * @return epoch seconds, or 0 while open
	 */
	public double memoryStopEpochSeconds() {
		return this.memoryStopEpochSeconds;
	}

	/**
	 * The iteration's number, {@code STEP_NUMBER} in the files.
	 * @return the number, from 0
	 */
	public long number() {
		return this.number;
	}

	/**
	 * When the iteration began.
	 * @return epoch seconds
	 */
	public double startEpochSeconds() {
		return this.startEpochSeconds;
	}

	/**
	 * When the iteration ended.
	 * @return epoch seconds, or 0 while open
	 */
	public double stopEpochSeconds() {
		return this.stopEpochSeconds;
	}

	/**
	 * The number of calls.
	 * @return the count, without GLOBAL
	 */
	public int size() {
		return this.size;
	}

	/**
	 * A call's topic.
	 * @param index the call's position
	 * @return its topic
	 */
	public String topic(int index) {
		return this.topics[index];
	}

	/**
	 * A call's duration.
	 * @param index the call's position
	 * @return nanoseconds
	 */
	public long nanos(int index) {
		return this.nanos[index];
	}

	/**
	 * Whether any call has an extra value.
	 * @return false when none has, at once for an iteration that never had one
	 */
	public boolean hasCallExtras() {
		for (int i = 0, n = Math.min(this.size, this.extras.length); i < n; i++) {
			if (this.extras[i] != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A call's extra value.
	 * @param index the call's position
	 * @return the extra, or {@code null}
	 */
	public Object extra(int index) {
		return (index < this.extras.length) ? this.extras[index] : null;
	}

	/**
	 * Whether the iteration was closed by gstop.
	 * @return false for an iteration still open when it was copied
	 */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * The iteration's total, from its start to gstop, without {@code gstep_memory}.
	 * @return nanoseconds; 0 for an open iteration
	 */
	public long globalNanos() {
		return this.globalNanos;
	}

}
