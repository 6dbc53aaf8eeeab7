package io.porterbench.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, thread-safe cache that keeps the most recently used entries up to a fixed
 * count.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class LruCache<K, V> {

	private final Map<K, V> entries;

	/**
	 * A cache of at most {@code capacity} entries.
	 * @param capacity at least 1
	 */
	LruCache(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("A cache holds at least 1 entry, was " + capacity);
		}
		this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * The value of a key, which becomes the most recently used.
	 * @param key the key
	 * @return the value, or {@code null}
	 */
	synchronized V get(K key) {
		return this.entries.get(key);
	}

	/**
	 * Stores a value, evicting the least recently used entry when the cache is full.
	 * @param key the key
	 * @param value the value
	 */
	synchronized void put(K key, V value) {
		this.entries.put(key, value);
	}

	/**
	 * The number of entries.
	 * @return the count
	 */
	synchronized int size() {
		return this.entries.size();
	}

}
