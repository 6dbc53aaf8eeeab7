package io.porterbench.dashboard;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;

/**
 * Writes runs with the core library itself (a real {@link BenchDict} on a
 * {@link MockBenchClock}), so that every step takes exactly the time it is given.
 */
public final class CoreRuns {

	private CoreRuns() {
	}

	/**
	 * Runs and saves one benchmarker.
	 * @param root the root of the runs
	 * @param bench the benchmarker's name
	 * @param iterations how many iterations
	 * @param stepMillis step name, milliseconds, step name, milliseconds...; a step's
	 * time grows by {@code jitterPercent} of its time on every fifth iteration
	 * @return the run folder
	 */
	public static Path write(Path root, String bench, int iterations, Object... stepMillis) {
		Map<String, Long> steps = new LinkedHashMap<>();
		for (int k = 0; k < stepMillis.length; k += 2) {
			steps.put((String) stepMillis[k], (long) (((Number) stepMillis[k + 1]).doubleValue() * 1_000_000));
		}
		MockBenchClock clock = new MockBenchClock();
		BenchDict dict = BenchDict.builder()
			.root(root)
			.clock(clock)
			.retainedIterations(Math.max(iterations, 1))
			.build();
		try {
			Benchmarker benchmarker = dict.get(bench);
			for (int i = 0; i < iterations; i++) {
				benchmarker.gstep();
				int index = i;
				steps.forEach((step, nanos) -> {
					// A small deterministic wobble so that lines are not flat, the same
					// for every run.
					clock.addNanos(nanos + ((index % 5 == 0) ? nanos / 20 : 0));
					benchmarker.step(step);
				});
				benchmarker.gstop();
			}
			return dict.save();
		}
		finally {
			dict.close();
		}
	}

}
