package io.porterbench.demo.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.IterBench;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Trains a tiny network over ten growing batches: the {@code training} benchmarker, with
 * memory tracking.
 *
 * <p>
 * What it shows:
 * <ul>
 * <li>{@link IterBench#wrap}: every batch the loop takes is one iteration, with no
 * {@code gstep}/{@code gstop} in sight. IterBench opens the iteration before it fetches
 * the item, so making the batch counts toward the first step, {@code forward}, as in the
 * original.</li>
 * <li>{@code step(topic, extra)}: the {@code update} step carries the batch's loss, saved
 * beside the time in {@code training_STEP_DICT_DATA.json}.</li>
 * <li>Memory tracking per step ({@code enableMemoryTracking(true)}) plus the peak poller
 * ({@code enableMaxMemory(50 ms)}): a sample of RSS and heap at every step, and the
 * highest RSS seen in between. The job keeps the arrays of past batches and lets them go
 * every third batch, as the original's example does. Heap used climbs while they are kept
 * and drops after the next collection once they are let go; RSS mostly climbs, because a
 * JVM keeps the memory it has committed, and the peak shows what the batch needed at its
 * worst.</li>
 * </ul>
 *
 * <p>
 * How to look at it: the dashboard's memory chart for {@code training}, or
 * {@code porterbench_memory_peak_bytes} on {@code /actuator/prometheus}.
 */
@Component
public class TrainingJob {

	/** The benchmarker's name. */
	public static final String BENCH = "training";

	static final int BATCHES = 10;

	static final int FEATURES = 128;

	static final int HIDDEN = 16;

	/**
	 * Batch {@code i} has {@code (i + 1) * ROWS} rows: about 2 MB of inputs more each
	 * time.
	 */
	static final int ROWS = 4096;

	static final float LEARNING_RATE = 0.05f;

	private static final Log logger = LogFactory.getLog(TrainingJob.class);

	private final BenchDict benchDict;

	TrainingJob(BenchDict benchDict) {
		this.benchDict = benchDict;
	}

	/**
	 * Runs the training loop once; returns early, leaving the current iteration open,
	 * when the thread is interrupted.
	 */
	public void run() {
		Benchmarker bench = this.benchDict.get(BENCH);
		bench.enableMemoryTracking(true).enableMaxMemory(Duration.ofMillis(50));
		SplittableRandom random = new SplittableRandom(7);
		TinyModel model = new TinyModel(FEATURES, HIDDEN, random);
		List<Object> retained = new ArrayList<>();
		Iterable<Batch> batches = () -> IntStream.range(0, BATCHES)
			.mapToObj((i) -> Batch.random((i + 1) * ROWS, FEATURES, random))
			.iterator();
		int index = 0;
		for (Batch batch : IterBench.wrap(batches, this.benchDict, BENCH)) {
			TinyModel.Activations activations = model.forward(batch);
			bench.step("forward");
			TinyModel.Gradients gradients = model.backward(batch, activations);
			bench.step("backward");
			model.update(gradients, LEARNING_RATE);
			// Keep this batch's arrays alive, as a cache or a leak would, and drop them
			// every third batch.
			retained.add(batch);
			retained.add(activations);
			if (index % 3 == 2) {
				retained.clear();
			}
			bench.step("update", Map.of("batch", index, "rows", batch.rows(), "loss", gradients.loss()));
			logger.debug("training batch " + index + ": loss " + gradients.loss());
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			index++;
		}
		logger.info("Training done: " + bench.iterationCount() + " batches; see /porterbench/ or "
				+ "/actuator/porterbench/" + BENCH);
	}

}
