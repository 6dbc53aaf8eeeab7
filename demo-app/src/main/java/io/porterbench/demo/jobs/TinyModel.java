package io.porterbench.demo.jobs;

import java.util.SplittableRandom;

/**
 * A two-layer network small enough to train on the CPU in a second, big enough to
 * allocate visibly: the workload of {@link TrainingJob}. Arrays are flat, row-major,
 * {@code float}.
 */
final class TinyModel {

	private final int features;

	private final int hidden;

	private final float[] weights1;

	private final float[] weights2;

	TinyModel(int features, int hidden, SplittableRandom random) {
		this.features = features;
		this.hidden = hidden;
		this.weights1 = new float[features * hidden];
		this.weights2 = new float[hidden];
		float scale = (float) Math.sqrt(2.0 / features);
		for (int i = 0; i < this.weights1.length; i++) {
			this.weights1[i] = (float) (random.nextGaussian() * scale);
		}
		for (int i = 0; i < hidden; i++) {
			this.weights2[i] = (float) (random.nextGaussian() * 0.1);
		}
	}

	/** Hidden activations (rows x hidden, after ReLU) and outputs (rows). */
	record Activations(float[] hidden, float[] output) {
	}

	/** Weight gradients and the batch's mean squared error before the update. */
	record Gradients(float[] weights1, float[] weights2, double loss) {
	}

	Activations forward(Batch batch) {
		int rows = batch.rows();
		float[] h = new float[rows * this.hidden];
		float[] out = new float[rows];
		for (int r = 0; r < rows; r++) {
			int xRow = r * this.features;
			int hRow = r * this.hidden;
			for (int f = 0; f < this.features; f++) {
				float x = batch.inputs()[xRow + f];
				int wRow = f * this.hidden;
				for (int j = 0; j < this.hidden; j++) {
					h[hRow + j] += x * this.weights1[wRow + j];
				}
			}
			float sum = 0;
			for (int j = 0; j < this.hidden; j++) {
				h[hRow + j] = Math.max(0, h[hRow + j]);
				sum += h[hRow + j] * this.weights2[j];
			}
			out[r] = sum;
		}
		return new Activations(h, out);
	}

	Gradients backward(Batch batch, Activations activations) {
		int rows = batch.rows();
		float[] g1 = new float[this.weights1.length];
		float[] g2 = new float[this.hidden];
		float[] dHidden = new float[this.hidden];
		double loss = 0;
		for (int r = 0; r < rows; r++) {
			float error = activations.output()[r] - batch.targets()[r];
			loss += (double) error * error;
			float dOut = 2 * error / rows;
			int hRow = r * this.hidden;
			for (int j = 0; j < this.hidden; j++) {
				float h = activations.hidden()[hRow + j];
				g2[j] += h * dOut;
				dHidden[j] = (h > 0) ? dOut * this.weights2[j] : 0;
			}
			int xRow = r * this.features;
			for (int f = 0; f < this.features; f++) {
				float x = batch.inputs()[xRow + f];
				int wRow = f * this.hidden;
				for (int j = 0; j < this.hidden; j++) {
					g1[wRow + j] += x * dHidden[j];
				}
			}
		}
		return new Gradients(g1, g2, loss / rows);
	}

	void update(Gradients gradients, float learningRate) {
		for (int i = 0; i < this.weights1.length; i++) {
			this.weights1[i] -= learningRate * gradients.weights1()[i];
		}
		for (int j = 0; j < this.hidden; j++) {
			this.weights2[j] -= learningRate * gradients.weights2()[j];
		}
	}

}
