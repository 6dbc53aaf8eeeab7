package io.porterbench;

/**
 * Which benchmarkers of a {@link BenchDict} have an iteration open on each thread, most
 * recent on top, so that annotation-driven steps find the iteration they belong to.
 */
final class OpenIterations {

	private final ThreadLocal<Stack> stacks = ThreadLocal.withInitial(Stack::new);

	Benchmarker current() {
		return this.stacks.get().peek();
	}

	/**
	 * The calling thread's stack, for a benchmarker to keep with the thread's iteration:
	 * a thread-local lookup at every open and close would cost more than the push.
	 * @return the stack, used on this thread only
	 */
	Stack ofCurrentThread() {
		return this.stacks.get();
	}

	/** One thread's benchmarkers with an open iteration, most recent on top. */
	static final class Stack {

		private Benchmarker[] items = new Benchmarker[4];

		private int size;

		Benchmarker peek() {
			return (this.size > 0) ? this.items[this.size - 1] : null;
		}

		void push(Benchmarker bench) {
			if (this.size > 0 && this.items[this.size - 1] == bench) {
				return;
			}
			remove(bench);
			if (this.size == this.items.length) {
				this.items = java.util.Arrays.copyOf(this.items, this.size * 2);
			}
			this.items[this.size++] = bench;
		}

		void remove(Benchmarker bench) {
			for (int i = this.size - 1; i >= 0; i--) {
				if (this.items[i] == bench) {
					System.arraycopy(this.items, i + 1, this.items, i, this.size - i - 1);
					this.items[--this.size] = null;
					return;
				}
			}
		}

	}

}
