package io.porterbench.dashboard.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DoubleSort} gives the order of {@link Arrays#sort(double[])}, value for value
 * and bit for bit.
 */
class DoubleSortTests {

	private static final double[] SPECIAL = { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
			-Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
			Double.longBitsToDouble(0xfff8000000000001L), Double.longBitsToDouble(0x7ff0000000000001L), 1.0, -1.0,
			Double.MIN_NORMAL };

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 511, 512, 513, 2048, 100_000 })
	void sortsStepTimesAsTheJdkDoes(int size) {
		SplittableRandom random = new SplittableRandom(size);
		double[] values = new double[size];
		for (int i = 0; i < size; i++) {
			values[i] = 0.01 * Math.exp(0.2 * gaussian(random));
		}
		assertSortedAsTheJdk(values);
	}

	@ParameterizedTest
	@ValueSource(ints = { 600, 5_000, 70_000 })
	void sortsNegativesZerosInfinitiesNansSubnormalsAndRepeatsAsTheJdkDoes(int size) {
		SplittableRandom random = new SplittableRandom(size);
		double[] values = new double[size];
		for (int i = 0; i < size; i++) {
			values[i] = switch (random.nextInt(5)) {
				case 0 -> SPECIAL[random.nextInt(SPECIAL.length)];
				case 1 -> Double.longBitsToDouble(random.nextLong());
				case 2 -> -random.nextDouble() * 1e-3;
				case 3 -> random.nextInt(10) * 0.5;
				default -> random.nextDouble();
			};
		}
		assertSortedAsTheJdk(values);
	}

	@ParameterizedTest
	@ValueSource(ints = { 512, 10_000 })
	void leavesEqualValuesAndSortedArraysAsTheyAre(int size) {
		double[] same = new double[size];
		Arrays.fill(same, 0.25);
		assertSortedAsTheJdk(same);
		double[] ascending = new double[size];
		double[] descending = new double[size];
		for (int i = 0; i < size; i++) {
			ascending[i] = i * 1e-6;
			descending[i] = -i * 1e-6;
		}
		assertSortedAsTheJdk(ascending);
		assertSortedAsTheJdk(descending);
	}

	private static void assertSortedAsTheJdk(double[] values) {
		double[] expected = values.clone();
		Arrays.sort(expected);
		double[] actual = values.clone();
		DoubleSort.sort(actual);
		for (int i = 0; i < values.length; i++) {
			if (Double.isNaN(expected[i])) {
				assertThat(actual[i]).as("index %d", i).isNaN();
			}
			else {
				assertThat(Double.doubleToRawLongBits(actual[i])).as("index %d: %s", i, actual[i])
					.isEqualTo(Double.doubleToRawLongBits(expected[i]));
			}
		}
	}

	private static double gaussian(SplittableRandom random) {
		// Box-Muller: SplittableRandom has no nextGaussian on Java 17
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

}
