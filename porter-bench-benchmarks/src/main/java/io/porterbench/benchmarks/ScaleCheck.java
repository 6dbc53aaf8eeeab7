package io.porterbench.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;

/**
 * Records 10,000,000 iterations of five steps on one benchmarker with the default window
 * and prints the heap that stays reachable after a full collection at 1M, 5M and 10M
 * iterations. Target: flat, at most 64 MB.
 *
 * <p>
 * {@code java -Xmx512m -cp porter-bench-benchmarks/target/benchmarks.jar io.porterbench.benchmarks.ScaleCheck}
 */
public final class ScaleCheck {

	static final long ITERATIONS = 10_000_000;

	static final long[] CHECKPOINTS = { 1_000_000, 5_000_000, 10_000_000 };

	static final String[] TOPICS = { "load", "parse", "process", "store", "publish" };

	private static final long MB = 1024 * 1024;

	private ScaleCheck() {
	}

	/**
	 * Runs the check.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.out.printf(Locale.ROOT, "JVM %s, max heap %d MB%n", System.getProperty("java.vm.version"),
				Runtime.getRuntime().maxMemory() / MB);
		long baseline = retainedHeap(memory);
		System.out.printf(Locale.ROOT, "%,12d iterations: retained heap %6.1f MB (before the benchmarker)%n", 0L,
				baseline / (double) MB);
		try (Scratch scratch = new Scratch(); BenchDict dict = scratch.dict()) {
			Benchmarker bench = dict.get("scale");
			int checkpoint = 0;
			long began = System.nanoTime();
			for (long i = 1; i <= ITERATIONS; i++) {
				bench.gstep();
				for (String topic : TOPICS) {
					bench.step(topic);
				}
				bench.gstop();
				if (i == CHECKPOINTS[checkpoint]) {
					double seconds = (System.nanoTime() - began) / 1e9;
					long retained = retainedHeap(memory);
					System.out.printf(Locale.ROOT,
							"%,12d iterations: retained heap %6.1f MB (%+.1f MB over the baseline), %,d closed, %.1f s%n",
							i, retained / (double) MB, (retained - baseline) / (double) MB, bench.iterationCount(),
							seconds);
					checkpoint++;
				}
			}
			// keeps the benchmarker reachable through the last checkpoint
			System.out.println("summary GLOBAL count: " + bench.summary().steps().get("GLOBAL").count());
		}
	}

	/**
	 * The used heap after several full collections, the lowest seen: what stays
	 * reachable.
	 */
	private static long retainedHeap(MemoryMXBean memory) {
		long lowest = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
		}
		return lowest;
	}

}
