package io.porterbench.internal;

/**
 * Stores into reference arrays that skip the stores that would change nothing.
 *
 * <p>
 * The arrays the hot path reuses (a thread's calls, its grouping by topic, the store's
 * retained slots) live long enough to be in the old generation, and iterations of one
 * shape put the same topics at the same places. A reference stored into an old array goes
 * through the collector's write barrier, which on G1 can fence, dirty the card and queue
 * it for the refinement threads, on the cores the recording threads need;
 * {@code System.arraycopy} into an old array dirties its cards whatever it writes. A
 * store skipped because the reference is already there is a barrier skipped.
 */
public final class ReferenceArrays {

	private ReferenceArrays() {
	}

	/**
	 * Stores a reference unless it is already in place.
	 * @param array the array
	 * @param index where
	 * @param value what
	 */
	public static void store(Object[] array, int index, Object value) {
		if (array[index] != value) {
			array[index] = value;
		}
	}

	/**
	 * Copies the first {@code size} references, storing only those that differ.
	 * @param source where from
	 * @param target where to, at least {@code size} long
	 * @param size how many
	 */
	public static void copy(Object[] source, Object[] target, int size) {
		for (int i = 0; i < size; i++) {
			store(target, i, source[i]);
		}
	}

}
