package io.porterbench;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Wraps an {@link Iterable} so that each item is one iteration of a benchmarker (the
 * original's {@code IterBench}).
 *
 * <pre>{@code
 * for (Batch batch : IterBench.wrap(batches, BenchDict.global(), "training")) {
 *     forward(batch);  bench.step("forward");
 *     backward(batch); bench.step("backward");
 * }
 * }</pre>
 *
 * <p>
 * {@code gstep} runs before each item is fetched, {@code gstop} after the last: N items
 * give N iterations. Any {@code Iterable} works, sized or not, and it can be iterated
 * again. A {@code break} leaves the current iteration open, as in the original.
 *
 * @param <T> the item type
 */
public final class IterBench<T> implements Iterable<T> {

	/** The benchmarker name the original uses when none is given. */
	public static final String DEFAULT_NAME = "epoch";

	private final Iterable<T> items;

	private final Benchmarker bench;

	private IterBench(Iterable<T> items, Benchmarker bench) {
		this.items = items;
		this.bench = bench;
	}

	/**
	 * Wraps items so that each one is an iteration of the named benchmarker.
	 * @param <T> the item type
	 * @param items the items
	 * @param dict the registry
	 * @param name the benchmarker's name
	 * @return an iterable over the same items
	 */
	public static <T> IterBench<T> wrap(Iterable<T> items, BenchDict dict, String name) {
		return new IterBench<>(items, dict.get(name));
	}

	/**
	 * Wraps items under the original's default name {@code epoch}.
	 * @param <T> the item type
	 * @param items the items
	 * @param dict the registry
	 * @return an iterable over the same items
	 */
	public static <T> IterBench<T> wrap(Iterable<T> items, BenchDict dict) {
		return wrap(items, dict, DEFAULT_NAME);
	}

	/**
	 * The benchmarker that times the items.
	 * @return the benchmarker
	 */
	public Benchmarker benchmarker() {
		return this.bench;
	}

	@Override
	public Iterator<T> iterator() {
		Iterator<T> inner = this.items.iterator();
		return new Iterator<>() {

			private boolean stopped;

			@Override
			public boolean hasNext() {
				if (inner.hasNext()) {
					return true;
				}
				if (!this.stopped) {
					this.stopped = true;
					IterBench.this.bench.gstop();
				}
				return false;
			}

			@Override
			public T next() {
				if (!inner.hasNext()) {
					throw new NoSuchElementException();
				}
				IterBench.this.bench.gstep();
				return inner.next();
			}

		};
	}

}
