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
	 * Groups the calls of an iteration, replacing what the previous call computed.
	 * @param iteration the iteration
	 */
	public void compute(IterationData iteration) {
		compute(iteration.topics, iteration.nanos, iteration.size());
	}

	/**
	 * Groups calls given as arrays, replacing what the previous call computed; allocates
	 * only to grow its arrays.
	 * @param callTopics the calls' topics
	 * @param callNanos the calls' durations
	 * @param size how many calls, from index 0
	 */
	public void compute(String[] callTopics, long[] callNanos, int size) {
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
			this.sums[t] += callNanos[i];
			this.callTopics[i] = t;
		}
	}

	/**
	 * Takes the grouping another instance computed, growing this one's arrays when
	 * needed.
	 * @param source the sums to copy
	 */
	public void copyFrom(TopicSums source) {
		int topicCount = source.count;
		if (this.topics.length < topicCount) {
			this.topics = new String[topicCount];
			this.sums = new long[topicCount];
			this.firstCalls = new int[topicCount];
		}
		System.arraycopy(source.topics, 0, this.topics, 0, topicCount);
		System.arraycopy(source.sums, 0, this.sums, 0, topicCount);
		System.arraycopy(source.firstCalls, 0, this.firstCalls, 0, topicCount);
		int calls = source.calls;
		if (this.callTopics.length < calls) {
			this.callTopics = new int[calls];
		}
		System.arraycopy(source.callTopics, 0, this.callTopics, 0, calls);
		this.count = topicCount;
		this.calls = calls;
	}

	private int indexOf(String topic) {
		for (int t = 0; t < this.count; t++) {
			String candidate = this.topics[t];
			if (candidate == topic || candidate.equals(topic)) {
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
		this.topics[t] = topic;
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
