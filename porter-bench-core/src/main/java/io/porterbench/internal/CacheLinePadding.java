package io.porterbench.internal;

/**
 * A superclass of 132 bytes of fields that are never written, for an object that one
 * thread writes often: a superclass's fields come first in an object, so the object's own
 * fields start two cache lines (the pair a core's prefetcher fetches together) away from
 * whatever lies before it in memory, which after a collection can be an object another
 * thread writes (docs/performance-round-2.md, 1k).
 */
@SuppressWarnings("unused")
public abstract class CacheLinePadding {

	// An int first: with compressed class pointers the header ends 4 bytes short of a
	// long's alignment, and a subclass's int would otherwise be placed in that gap,
	// before the padding.
	private int p00;

	private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;

	/** For subclasses only. */
	protected CacheLinePadding() {
	}

}
