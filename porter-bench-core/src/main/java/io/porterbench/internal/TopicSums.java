package io.porterbench.internal;

import java.util.Arrays;

/**
 * One iteration's calls grouped by topic in order of first call, with each topic's sum,
 * in arrays reused from one iteration to the next.
 */
public final class TopicSums {

	private String[] topics = new String[8];

	private long[] sums = new long[8];

	private int[] firstCalls = new int[8];

	private int[] callTopics = new int[16];

	private int count;

	private int calls;

	/**
	 * Groups calls given as arrays and sums each topic's durations, replacing what the
	 * previous call computed; allocates only to grow its arrays.
	 * @param callTopics the calls' topics
	 * @param callNanos the calls' durations
	 * @param size how many calls, from index 0
	 */
	public void compute(String[] callTopics, long[] callNanos, int size) {
		group(callTopics, size);
		for (int i = 0; i < size; i++) {
			this.sums[this.callTopics[i]] += callNanos[i];
		}
	}

	/**
	 * Groups calls whose per-topic sums were computed before, by {@link #compute}, and
	 * kept by {@link #copySumsTo}: the grouping is rebuilt, the sums are taken as they
	 * are.
	 * @param callTopics the calls' topics
	 * @param size how many calls, from index 0
	 * @param computedSums the sums, in order of first call
	 */
	public void regroup(String[] callTopics, int size, long[] computedSums) {
		group(callTopics, size);
		if (computedSums.length < this.count) {
			throw new IllegalStateException(
					"The kept sums cover " + computedSums.length + " topics; the calls have " + this.count);
		}
		System.arraycopy(computedSums, 0, this.sums, 0, this.count);
	}

	private void group(String[] callTopics, int size) {
		this.count = 0;
		this.calls = size;
		if (this.callTopics.length < size) {
			this.callTopics = new int[Math.max(size, this.callTopics.length * 2)];
		}
		for (int i = 0; i < size; i++) {
			String topic = callTopics[i];
			int t = indexOf(topic);
			if (t < 0) {
				t = add(topic, i);
			}
			this.callTopics[i] = t;
		}
	}

	/**
	 * Keeps the sums alone, the only part that is not cheap to rebuild from the calls, in
	 * the given array when it is large enough.
	 * @param target the array to reuse, or {@code null}
	 * @return the array holding the sums in its first {@link #count()} places
	 */
	public long[] copySumsTo(long[] target) {
		long[] kept = (target != null && target.length >= this.count) ? target : new long[Math.max(this.count, 4)];
		System.arraycopy(this.sums, 0, kept, 0, this.count);
		return kept;
	}

	private int indexOf(String topic) {
		for (int t = 0; t < this.count; t++) {
			String candidate = this.topics[t];
			// a miss is the common case (each call is compared with every topic before
			// its own), and a string's hash is cached: two reads instead of comparing
			// contents
			if (candidate == topic || (candidate.hashCode() == topic.hashCode() && candidate.equals(topic))) {
				return t;
			}
		}
		return -1;
	}

	private int add(String topic, int firstCall) {
		if (this.count == this.topics.length) {
			this.topics = Arrays.copyOf(this.topics, this.count * 2);
			this.sums = Arrays.copyOf(this.sums, this.count * 2);
			this.firstCalls = Arrays.copyOf(this.firstCalls, this.count * 2);
		}
		int t = this.count++;
		ReferenceArrays.store(this.topics, t, topic);
		this.sums[t] = 0;
		this.firstCalls[t] = firstCall;
		return t;
	}

	/**
	 * The number of distinct topics.
	 * @return the count
	 */
	public int count() {
		return this.count;
	}

	/**
	 * A topic, in order of first call.
	 * @param t the topic's index, below {@link #count()}
	 * @return the topic
	 */
	public String topic(int t) {
		return this.topics[t];
	}

	/**
	 * The sum of a topic's calls.
	 * @param t the topic's index
	 * @return nanoseconds
	 */
	public long sum(int t) {
		return this.sums[t];
	}

	/**
	 * The position of a topic's first call.
	 * @param t the topic's index
	 * @return the call's position in the iteration
	 */
	public int firstCall(int t) {
		return this.firstCalls[t];
	}

	/**
	 * The topic of a call.
	 * @param call the call's position in the iteration
	 * @return the topic's index
	 */
	public int topicIndexOfCall(int call) {
		return this.callTopics[call];
	}

}
