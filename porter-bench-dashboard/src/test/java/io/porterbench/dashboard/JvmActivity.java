package io.porterbench.dashboard;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import com.sun.management.ThreadMXBean;

/**
 * What this JVM did between two moments: the bytes its threads allocated and the
 * collector's work, printed beside a timed answer so that a change to the answer's
 * garbage shows in figures that do not depend on how busy the machine was.
 *
 * @param allocatedBytes bytes allocated by the threads alive at the end (a thread that
 * ended in between is not counted)
 * @param collections garbage collections
 * @param collectionMillis milliseconds the collectors report for them
 */
record JvmActivity(long allocatedBytes, long collections, long collectionMillis) {

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	/**
	 * Starts counting.
	 * @return the counts now
	 */
	static Counter start() {
		return new Counter(allocatedByThread(), collectionsSoFar(), collectionMillisSoFar());
	}

	private static Map<Long, Long> allocatedByThread() {
		long[] ids = THREADS.getAllThreadIds();
		long[] bytes = THREADS.getThreadAllocatedBytes(ids);
		Map<Long, Long> byThread = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				byThread.put(ids[i], bytes[i]);
			}
		}
		return byThread;
	}

	private static long collectionsSoFar() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	private static long collectionMillisSoFar() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	@Override
	public String toString() {
		return String.format("%.1f MB allocated, %d collections, %d ms in the collector", this.allocatedBytes / 1e6,
				this.collections, this.collectionMillis);
	}

	/** The counts at a start, to take the activity since. */
	static final class Counter {

		private final Map<Long, Long> allocated;

		private final long collections;

		private final long collectionMillis;

		private Counter(Map<Long, Long> allocated, long collections, long collectionMillis) {
			this.allocated = allocated;
			this.collections = collections;
			this.collectionMillis = collectionMillis;
		}

		JvmActivity stop() {
			long bytes = 0;
			for (Map.Entry<Long, Long> thread : allocatedByThread().entrySet()) {
				bytes += thread.getValue() - this.allocated.getOrDefault(thread.getKey(), 0L);
			}
			return new JvmActivity(bytes, collectionsSoFar() - this.collections,
					collectionMillisSoFar() - this.collectionMillis);
		}

	}

}
