package io.porterbench.demo.jobs;

import java.util.SplittableRandom;

/**
 * One batch of training data: inputs (rows x features, row-major) and a target per row.
 *
 * @param inputs the inputs
 * @param targets the targets
 * @param rows the number of rows
 */
record Batch(float[] inputs, float[] targets, int rows) {

	/**
	 * A batch whose target is a fixed linear function of the inputs plus noise, so the
	 * loss can fall.
	 * @param rows the number of rows
	 * @param features the number of features
	 * @param random the source of the data
	 * @return the batch
	 */
	static Batch random(int rows, int features, SplittableRandom random) {
		float[] inputs = new float[rows * features];
		float[] targets = new float[rows];
		for (int r = 0; r < rows; r++) {
			float target = 0;
			for (int f = 0; f < features; f++) {
				float x = (float) random.nextGaussian();
				inputs[r * features + f] = x;
				target += ((f % 7) - 3) * 0.05f * x;
			}
			targets[r] = target + (float) (random.nextGaussian() * 0.01);
		}
		return new Batch(inputs, targets, rows);
	}

}
