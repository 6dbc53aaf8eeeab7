package io.porterbench.record;

import java.util.List;
import java.util.Map;

/**
 * One memory sample of a saved MEMORY file. Figures in bytes; {@code null} where the file
 * has none.
 *
 * @param totalMemory {@code total memory usage}: the process RSS
 * @param cudaMemory {@code cuda memory usage}: allocated, reserved, max_allocated,
 * max_reserved; or {@code null}
 * @param topMemoryObjects {@code top_memory_objects}: class name and bytes, largest first
 * @param cronoCounter the sample's position in its iteration
 * @param extra the extra value given with the sample as plain Java values ({@code Map},
 * {@code List}, {@code String}, {@code Number} or {@code Boolean}), or {@code null}
 * @param maxMemory {@code max memory usage}: the peak RSS since the previous sample, 0
 * when not polled, or {@code null} when the poller was off
 * @param heapUsed {@code heap used} (ours only), or {@code null}
 * @param heapCommitted {@code heap committed} (ours only), or {@code null}
 */
public record SavedMemorySample(Long totalMemory, Map<String, Long> cudaMemory, List<TopObject> topMemoryObjects,
		int cronoCounter, Object extra, Long maxMemory, Long heapUsed, Long heapCommitted) {

	/**
	 * A class and the heap bytes its instances hold.
	 *
	 * @param type the class name
	 * @param bytes the bytes
	 */
	public record TopObject(String type, long bytes) {
	}

}
