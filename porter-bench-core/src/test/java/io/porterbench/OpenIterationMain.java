package io.porterbench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A program for {@link MemoryTrackingIntegrationTests}: leaves an iteration open with the
 * peak poller running and returns from {@code main}, which must end the JVM.
 */
final class OpenIterationMain {

	private OpenIterationMain() {
	}

	public static void main(String[] args) {
		BenchDict dict = BenchDict.builder().root(Path.of(args[0])).build();
		Benchmarker bench = dict.get("child");
		bench.enableMemoryTracking(true).enableMaxMemory(Duration.ofMillis(5));
		bench.gstep();
		bench.step("work");
		System.out.println("poller running: " + bench.memory().poller().isRunning());
		System.out.println("iteration open: " + bench.isIterationOpen());
	}

}
