package io.porterbench.dashboard.plot;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DownsamplerTests {

	@Test
	void shortLinesAreKeptWhole() {
		int[] kept = Downsampler.lttb(new double[] { 0, 1, 2 }, new double[] { 5, 6, 7 }, 10);
		assertThat(kept).containsExactly(0, 1, 2);
	}

	@Test
	void longLinesKeepExactlyTheRequestedPointsIncludingBothEnds() {
		double[] x = new double[100_000];
		double[] y = new double[100_000];
		for (int i = 0; i < x.length; i++) {
			x[i] = i;
			y[i] = Math.sin(i / 1000.0);
		}
		int[] kept = Downsampler.lttb(x, y, 2000);
		assertThat(kept).hasSize(2000);
		assertThat(kept[0]).isZero();
		assertThat(kept[kept.length - 1]).isEqualTo(99_999);
		assertThat(kept).isSorted();
		assertThat(Arrays.stream(kept).distinct().count()).isEqualTo(2000);
	}

	@Test
	void aSingleSpikeSurvivesDownsampling() {
		double[] x = new double[10_000];
		double[] y = new double[10_000];
		for (int i = 0; i < x.length; i++) {
			x[i] = i;
			y[i] = 1.0;
		}
		y[4321] = 50.0;
		int[] kept = Downsampler.lttb(x, y, 100);
		assertThat(kept).contains(4321);
	}

	@Test
	void tooFewPointsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Downsampler.lttb(new double[5], new double[5], 2))
			.withMessageContaining("at least 3");
	}

	@Test
	void mismatchedLengthsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Downsampler.lttb(new double[5], new double[4], 3))
			.withMessageContaining("same length");
	}

	@Test
	void aDownsampledSeriesKeepsTheLabelsOfItsPoints() {
		double[] x = new double[1000];
		double[] y = new double[1000];
		String[] labels = new String[1000];
		for (int i = 0; i < x.length; i++) {
			x[i] = i;
			y[i] = i % 7;
			labels[i] = "p" + i;
		}
		ChartSeries series = new ChartSeries("s", x, y, Arrays.asList(labels)).downsample(50);
		assertThat(series.size()).isEqualTo(50);
		assertThat(series.originalSize()).isEqualTo(1000);
		assertThat(series.isDownsampled()).isTrue();
		double[] keptX = series.x();
		for (int i = 0; i < keptX.length; i++) {
			assertThat(series.labels().get(i)).isEqualTo("p" + (int) keptX[i]);
		}
	}

}
