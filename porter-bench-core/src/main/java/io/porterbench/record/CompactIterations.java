package io.porterbench.record;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.Predicate;

/**
 * Builds an iteration's {@code absolutes} and {@code individual_calls} maps in a compact
 * form: the values in arrays, the topic names shared with the previous iteration when
 * they are the same. A loaded 100,000-iteration run then holds about ten objects per
 * iteration instead of some fifty, which is most of what loading it cost on a busy
 * machine: the garbage collector copies every object that a run keeps.
 *
 * <p>
 * The maps behave as the {@link Collections#unmodifiableMap unmodifiable}
 * {@link LinkedHashMap}s the parser built before: same order, same {@code equals},
 * {@code hashCode} and {@code toString}, unmodifiable. A topic's calls list is made on
 * each {@code get}, with new {@link SavedCall} records equal to the saved ones;
 * {@link #forEachCall} and {@link #forEachAbsolute} read the arrays instead, which is how
 * the dashboard's charts pass over a large run without an object per call. An iteration
 * with a repeated topic name or more than {@link #MAX_COMPACT_TOPICS} topics gets the
 * plain maps, exactly as before. One builder per parser, not thread-safe.
 */
final class CompactIterations {

	/** Above this, a map is a {@link LinkedHashMap}, whose lookups do not scan. */
	static final int MAX_COMPACT_TOPICS = 16;

	private static final String[] NO_TOPICS = {};

	private String[] timeTopics = new String[8];

	private double[] timeValues = new double[8];

	private int times;

	private String[] callTopics = new String[8];

	private int[] callEnds = new int[8];

	private int callTopicCount;

	private double[] callTimes = new double[8];

	private int[] callCounters = new int[8];

	private Object[] callExtras = new Object[8];

	private boolean anyExtra;

	private int calls;

	private String[] lastTimeTopics = NO_TOPICS;

	private String[] lastCallTopics = NO_TOPICS;

	private int[] lastCallEnds = new int[0];

	/** Starts an iteration's {@code absolutes}. */
	void startTimes() {
		this.times = 0;
	}

	/**
	 * Adds a member of {@code absolutes}.
	 * @param topic the key
	 * @param seconds the value
	 */
	void time(String topic, double seconds) {
		if (this.times == this.timeTopics.length) {
			this.timeTopics = Arrays.copyOf(this.timeTopics, this.times * 2);
			this.timeValues = Arrays.copyOf(this.timeValues, this.times * 2);
		}
		this.timeTopics[this.times] = topic;
		this.timeValues[this.times++] = seconds;
	}

	/**
	 * The {@code absolutes} added since {@link #startTimes()}.
	 * @return an unmodifiable map in file order
	 */
	Map<String, Double> times() {
		if (this.times > MAX_COMPACT_TOPICS || (!same(this.lastTimeTopics, this.timeTopics, this.times)
				&& hasRepeats(this.timeTopics, this.times))) {
			Map<String, Double> map = new LinkedHashMap<>();
			for (int i = 0; i < this.times; i++) {
				map.put(this.timeTopics[i], this.timeValues[i]);
			}
			return Collections.unmodifiableMap(map);
		}
		this.lastTimeTopics = shared(this.lastTimeTopics, this.timeTopics, this.times);
		return new TopicTimes(this.lastTimeTopics, Arrays.copyOf(this.timeValues, this.times));
	}

	/** Starts an iteration's {@code individual_calls}. */
	void startCalls() {
		this.callTopicCount = 0;
		this.calls = 0;
		this.anyExtra = false;
	}

	/**
	 * Adds a call of the topic added last.
	 * @param time its duration
	 * @param cronoCounter its position
	 * @param extra its extra, or {@code null}
	 */
	void call(double time, int cronoCounter, Object extra) {
		if (this.calls == this.callTimes.length) {
			this.callTimes = Arrays.copyOf(this.callTimes, this.calls * 2);
			this.callCounters = Arrays.copyOf(this.callCounters, this.calls * 2);
			this.callExtras = Arrays.copyOf(this.callExtras, this.calls * 2);
		}
		this.callTimes[this.calls] = time;
		this.callCounters[this.calls] = cronoCounter;
		this.callExtras[this.calls++] = extra;
		this.anyExtra |= extra != null;
	}

	/**
	 * Ends a topic of {@code individual_calls}: the calls added since the previous topic
	 * are its list.
	 * @param topic the key
	 */
	void endCallTopic(String topic) {
		if (this.callTopicCount == this.callTopics.length) {
			this.callTopics = Arrays.copyOf(this.callTopics, this.callTopicCount * 2);
			this.callEnds = Arrays.copyOf(this.callEnds, this.callTopicCount * 2);
		}
		this.callTopics[this.callTopicCount] = topic;
		this.callEnds[this.callTopicCount++] = this.calls;
	}

	/**
	 * The {@code individual_calls} added since {@link #startCalls()}.
	 * @return an unmodifiable map in file order, of unmodifiable lists
	 */
	Map<String, List<SavedCall>> calls() {
		int topics = this.callTopicCount;
		if (topics > MAX_COMPACT_TOPICS
				|| (!same(this.lastCallTopics, this.callTopics, topics) && hasRepeats(this.callTopics, topics))) {
			Map<String, List<SavedCall>> map = new LinkedHashMap<>();
			int from = 0;
			for (int i = 0; i < topics; i++) {
				List<SavedCall> list = new ArrayList<>(Math.max(1, this.callEnds[i] - from));
				for (int k = from; k < this.callEnds[i]; k++) {
					list.add(new SavedCall(this.callTimes[k], this.callCounters[k], this.callExtras[k]));
				}
				map.put(this.callTopics[i], Collections.unmodifiableList(list));
				from = this.callEnds[i];
			}
			Arrays.fill(this.callExtras, 0, this.calls, null);
			return Collections.unmodifiableMap(map);
		}
		this.lastCallTopics = shared(this.lastCallTopics, this.callTopics, topics);
		if (!Arrays.equals(this.lastCallEnds, 0, this.lastCallEnds.length, this.callEnds, 0, topics)) {
			this.lastCallEnds = Arrays.copyOf(this.callEnds, topics);
		}
		Object[] extras = null;
		if (this.anyExtra) {
			extras = Arrays.copyOf(this.callExtras, this.calls);
			Arrays.fill(this.callExtras, 0, this.calls, null);
		}
		return new TopicCalls(this.lastCallTopics, this.lastCallEnds, Arrays.copyOf(this.callTimes, this.calls),
				Arrays.copyOf(this.callCounters, this.calls), extras);
	}

	/**
	 * Gives each call of an iteration's {@code individual_calls} to a visitor, topic by
	 * topic in file order: from the arrays of a compact map, from the lists of any other.
	 * @param calls the iteration's calls
	 * @param visitor what receives them
	 */
	static void forEachCall(Map<String, List<SavedCall>> calls, SavedIteration.CallVisitor visitor) {
		if (calls instanceof TopicCalls compact) {
			compact.visit(visitor);
			return;
		}
		for (Map.Entry<String, List<SavedCall>> topic : calls.entrySet()) {
			for (SavedCall call : topic.getValue()) {
				visitor.call(topic.getKey(), call.time(), call.cronoCounter(), call.extra());
			}
		}
	}

	/**
	 * Whether any call of an iteration's {@code individual_calls} has an extra: known
	 * without a look at the calls for a compact map, which keeps extras only when there
	 * is one.
	 * @param calls the iteration's calls
	 * @return true when a call has a non-null extra
	 */
	static boolean hasCallExtras(Map<String, List<SavedCall>> calls) {
		if (calls instanceof TopicCalls compact) {
			return compact.extras != null;
		}
		for (List<SavedCall> topic : calls.values()) {
			for (SavedCall call : topic) {
				if (call.extra() != null) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Gives each member of an iteration's {@code absolutes} to an action, in file order,
	 * unboxed: from the array of a compact map, from the values of any other (a
	 * {@code null} value, which no loaded run has, as {@code NaN}).
	 * @param absolutes the iteration's absolutes
	 * @param action what receives them
	 */
	static void forEachAbsolute(Map<String, Double> absolutes, ObjDoubleConsumer<String> action) {
		if (absolutes instanceof TopicTimes compact) {
			for (int i = 0; i < compact.topics.length; i++) {
				action.accept(compact.topics[i], compact.seconds[i]);
			}
			return;
		}
		for (Map.Entry<String, Double> absolute : absolutes.entrySet()) {
			Double seconds = absolute.getValue();
			action.accept(absolute.getKey(), (seconds != null) ? seconds : Double.NaN);
		}
	}

	/** The previous names when they are the same as these, else a copy of these. */
	private static String[] shared(String[] previous, String[] topics, int count) {
		return same(previous, topics, count) ? previous : Arrays.copyOf(topics, count);
	}

	/**
	 * Whether the names are those of the previous compact map, which were checked for
	 * repeats then.
	 */
	private static boolean same(String[] previous, String[] topics, int count) {
		if (previous.length != count) {
			return false;
		}
		for (int i = 0; i < count; i++) {
			if (previous[i] != topics[i] && !previous[i].equals(topics[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasRepeats(String[] topics, int count) {
		for (int i = 1; i < count; i++) {
			for (int k = 0; k < i; k++) {
				if (topics[i].equals(topics[k])) {
					return true;
				}
			}
		}
		return false;
	}

	private static int indexOf(String[] topics, Object key) {
		for (int i = 0; i < topics.length; i++) {
			// names are shared, so identity usually decides
			if (topics[i] == key) {
				return i;
			}
		}
		for (int i = 0; i < topics.length; i++) {
			if (topics[i].equals(key)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A map that refuses every change, as {@link Collections#unmodifiableMap} does, so
	 * that the compact maps need no wrapper in front of them (one object fewer per map,
	 * and {@link #forEachCall} can see their arrays).
	 */
	private abstract static class ReadOnlyMap<V> extends AbstractMap<String, V> {

		@Override
		public V put(String key, V value) {
			throw unmodifiable();
		}

		@Override
		public V remove(Object key) {
			throw unmodifiable();
		}

		@Override
		public void putAll(Map<? extends String, ? extends V> map) {
			throw unmodifiable();
		}

		@Override
		public void clear() {
			throw unmodifiable();
		}

		@Override
		public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
			throw unmodifiable();
		}

		@Override
		public V putIfAbsent(String key, V value) {
			throw unmodifiable();
		}

		@Override
		public boolean remove(Object key, Object value) {
			throw unmodifiable();
		}

		@Override
		public boolean replace(String key, V oldValue, V newValue) {
			throw unmodifiable();
		}

		@Override
		public V replace(String key, V value) {
			throw unmodifiable();
		}

		@Override
		public V computeIfAbsent(String key, Function<? super String, ? extends V> function) {
			throw unmodifiable();
		}

		@Override
		public V computeIfPresent(String key, BiFunction<? super String, ? super V, ? extends V> function) {
			throw unmodifiable();
		}

		@Override
		public V compute(String key, BiFunction<? super String, ? super V, ? extends V> function) {
			throw unmodifiable();
		}

		@Override
		public V merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
			throw unmodifiable();
		}

		@Override
		public Set<String> keySet() {
			return Collections.unmodifiableSet(super.keySet());
		}

		@Override
		public Collection<V> values() {
			return Collections.unmodifiableCollection(super.values());
		}

		static UnsupportedOperationException unmodifiable() {
			return new UnsupportedOperationException("A saved iteration's map cannot be changed");
		}

	}

	/** {@code absolutes}: topic names and their seconds. */
	private static final class TopicTimes extends ReadOnlyMap<Double> {

		private final String[] topics;

		private final double[] seconds;

		TopicTimes(String[] topics, double[] seconds) {
			this.topics = topics;
			this.seconds = seconds;
		}

		@Override
		public int size() {
			return this.topics.length;
		}

		@Override
		public boolean containsKey(Object key) {
			return indexOf(this.topics, key) >= 0;
		}

		@Override
		public Double get(Object key) {
			int at = indexOf(this.topics, key);
			return (at >= 0) ? this.seconds[at] : null;
		}

		@Override
		public void forEach(BiConsumer<? super String, ? super Double> action) {
			for (int i = 0; i < this.topics.length; i++) {
				action.accept(this.topics[i], this.seconds[i]);
			}
		}

		@Override
		public Set<Entry<String, Double>> entrySet() {
			return new Entries<>(this.topics.length) {

				@Override
				Entry<String, Double> entry(int index) {
					return new SimpleImmutableEntry<>(TopicTimes.this.topics[index], TopicTimes.this.seconds[index]);
				}

			};
		}

	}

	/** {@code individual_calls}: topic names and the end of each one's calls. */
	private static final class TopicCalls extends ReadOnlyMap<List<SavedCall>> {

		private final String[] topics;

		private final int[] ends;

		private final double[] times;

		private final int[] cronoCounters;

		private final Object[] extras;

		TopicCalls(String[] topics, int[] ends, double[] times, int[] cronoCounters, Object[] extras) {
			this.topics = topics;
			this.ends = ends;
			this.times = times;
			this.cronoCounters = cronoCounters;
			this.extras = extras;
		}

		@Override
		public int size() {
			return this.topics.length;
		}

		@Override
		public boolean containsKey(Object key) {
			return indexOf(this.topics, key) >= 0;
		}

		@Override
		public List<SavedCall> get(Object key) {
			int at = indexOf(this.topics, key);
			return (at >= 0) ? list(at) : null;
		}

		@Override
		public void forEach(BiConsumer<? super String, ? super List<SavedCall>> action) {
			for (int i = 0; i < this.topics.length; i++) {
				action.accept(this.topics[i], list(i));
			}
		}

		void visit(SavedIteration.CallVisitor visitor) {
			int from = 0;
			for (int i = 0; i < this.topics.length; i++) {
				String topic = this.topics[i];
				for (int at = from; at < this.ends[i]; at++) {
					visitor.call(topic, this.times[at], this.cronoCounters[at],
							(this.extras != null) ? this.extras[at] : null);
				}
				from = this.ends[i];
			}
		}

		private List<SavedCall> list(int index) {
			int from = (index > 0) ? this.ends[index - 1] : 0;
			return Collections.unmodifiableList(new Calls(from, this.ends[index]));
		}

		@Override
		public Set<Entry<String, List<SavedCall>>> entrySet() {
			return new Entries<>(this.topics.length) {

				@Override
				Entry<String, List<SavedCall>> entry(int index) {
					return new SimpleImmutableEntry<>(TopicCalls.this.topics[index], list(index));
				}

			};
		}

		/** One topic's calls. */
		private final class Calls extends AbstractList<SavedCall> implements RandomAccess {

			private final int from;

			private final int to;

			Calls(int from, int to) {
				this.from = from;
				this.to = to;
			}

			@Override
			public SavedCall get(int index) {
				if (index < 0 || index >= this.to - this.from) {
					throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
				}
				int at = this.from + index;
				return new SavedCall(TopicCalls.this.times[at], TopicCalls.this.cronoCounters[at],
						(TopicCalls.this.extras != null) ? TopicCalls.this.extras[at] : null);
			}

			@Override
			public int size() {
				return this.to - this.from;
			}

		}

	}

	/** The entries of a compact map, made as they are iterated. */
	private abstract static class Entries<V> extends AbstractSet<Map.Entry<String, V>> {

		private final int size;

		Entries(int size) {
			this.size = size;
		}

		abstract Map.Entry<String, V> entry(int index);

		@Override
		public int size() {
			return this.size;
		}

		// refused even when there is nothing to remove, as an unmodifiable map's entries
		// do
		@Override
		public boolean remove(Object entry) {
			throw ReadOnlyMap.unmodifiable();
		}

		@Override
		public boolean removeAll(Collection<?> entries) {
			throw ReadOnlyMap.unmodifiable();
		}

		@Override
		public boolean retainAll(Collection<?> entries) {
			throw ReadOnlyMap.unmodifiable();
		}

		@Override
		public boolean removeIf(Predicate<? super Map.Entry<String, V>> filter) {
			throw ReadOnlyMap.unmodifiable();
		}

		@Override
		public void clear() {
			throw ReadOnlyMap.unmodifiable();
		}

		@Override
		public Iterator<Map.Entry<String, V>> iterator() {
			return new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					return this.next < Entries.this.size;
				}

				@Override
				public Map.Entry<String, V> next() {
					if (this.next >= Entries.this.size) {
						throw new NoSuchElementException();
					}
					return entry(this.next++);
				}

			};
		}

	}

}
