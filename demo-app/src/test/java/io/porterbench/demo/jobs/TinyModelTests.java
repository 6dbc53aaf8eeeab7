package io.porterbench.demo.jobs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TinyModelTests {

	@Test
	void trainingOnTheSameBatchLowersTheLoss() {
		SplittableRandom random = new SplittableRandom(3);
		TinyModel model = new TinyModel(32, 8, random);
		Batch batch = Batch.random(512, 32, random);
		double first = model.backward(batch, model.forward(batch)).loss();
		double loss = first;
		for (int i = 0; i < 20; i++) {
			TinyModel.Gradients gradients = model.backward(batch, model.forward(batch));
			model.update(gradients, TrainingJob.LEARNING_RATE);
			loss = gradients.loss();
		}
		assertThat(loss).isLessThan(first * 0.9);
	}

	@Test
	void batchHoldsRowsTimesFeaturesInputsAndOneTargetPerRow() {
		Batch batch = Batch.random(100, 16, new SplittableRandom(1));
		assertThat(batch.rows()).isEqualTo(100);
		assertThat(batch.inputs()).hasSize(1600);
		assertThat(batch.targets()).hasSize(100);
	}

}
