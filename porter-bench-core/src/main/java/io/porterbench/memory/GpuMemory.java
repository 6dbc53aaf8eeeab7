package io.porterbench.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GPU memory of this process, in bytes, under the keys of the original's
 * {@code cuda memory usage}.
 *
 * <p>
 * The original read these figures from PyTorch's caching allocator. A JVM has no
 * allocator of its own on the GPU, so they come from the driver (NVML, through
 * {@code nvidia-smi}): the memory the driver has given the process, which includes its
 * CUDA context and any allocator's cached pool. That one figure is reported as both
 * {@code allocated} and {@code reserved}; {@code max_allocated} and {@code max_reserved}
 * are the largest figure seen since tracking began.
 *
 * @param allocated the GPU memory the process uses now
 * @param reserved the GPU memory the process holds now (the same driver figure as
 * {@code allocated})
 * @param maxAllocated the largest {@code allocated} seen since tracking began
 * @param maxReserved the largest {@code reserved} seen since tracking began
 */
public record GpuMemory(long allocated, long reserved, long maxAllocated, long maxReserved) {

	/** The key of {@link #allocated()} in the MEMORY file. */
	public static final String ALLOCATED = "allocated";

	/** The key of {@link #reserved()} in the MEMORY file. */
	public static final String RESERVED = "reserved";

	/** The key of {@link #maxAllocated()} in the MEMORY file. */
	public static final String MAX_ALLOCATED = "max_allocated";

	/** The key of {@link #maxReserved()} in the MEMORY file. */
	public static final String MAX_RESERVED = "max_reserved";

	/**
	 * The figures as the MEMORY file holds them.
	 * @return {@code allocated}, {@code reserved}, {@code max_allocated},
	 * {@code max_reserved}, in that order
	 */
	public Map<String, Long> toMap() {
		Map<String, Long> map = new LinkedHashMap<>(8);
		map.put(ALLOCATED, this.allocated);
		map.put(RESERVED, this.reserved);
		map.put(MAX_ALLOCATED, this.maxAllocated);
		map.put(MAX_RESERVED, this.maxReserved);
		return map;
	}

}
