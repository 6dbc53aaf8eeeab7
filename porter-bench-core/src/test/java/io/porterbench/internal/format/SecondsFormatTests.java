package io.porterbench.internal.format;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecondsFormatTests {

	private final SecondsFormat format = new SecondsFormat();

	private final char[] buffer = new char[SecondsFormat.MAX_LENGTH];

	private String format(long nanos) {
		int length = this.format.format(nanos, this.buffer);
		byte[] ascii = new byte[SecondsFormat.MAX_LENGTH + 3];
		int end = SecondsFormat.formatAscii(nanos, ascii, 3);
		String asciiText = (end < 0) ? null : new String(ascii, 3, end - 3, java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(asciiText).as("%d ns as bytes", nanos)
			.isEqualTo((length < 0) ? null : new String(this.buffer, 0, length));
		return (length < 0) ? null : new String(this.buffer, 0, length);
	}

	@Test
	void everySmallDurationIsWrittenAsDoubleToStringWritesItsSeconds() {
		for (long nanos = 0; nanos <= 200_000; nanos++) {
			assertThat(format(nanos)).as("%d ns", nanos).isEqualTo(Double.toString(nanos / 1e9));
		}
	}

	@Test
	void powersOfTenAndTheirNeighboursAreWrittenAsDoubleToStringWritesThem() {
		for (long power = 1; power < 1_000_000_000_000_000L; power *= 10) {
			for (long nanos = Math.max(power - 3, 0); nanos <= power + 3; nanos++) {
				assertThat(format(nanos)).as("%d ns", nanos).isEqualTo(Double.toString(nanos / 1e9));
			}
			assertThat(format(power * 7)).isEqualTo(Double.toString(power * 7 / 1e9));
		}
	}

	@Test
	void randomDurationsOfEveryMagnitudeAreWrittenAsDoubleToStringWritesThem() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 2_000_000; i++) {
			long nanos = (long) Math.pow(10, random.nextDouble(0, 15));
			if (random.nextBoolean()) {
				nanos = nanos / 1000 * 1000;
			}
			assertThat(format(nanos)).as("%d ns", nanos).isEqualTo(Double.toString(nanos / 1e9));
		}
	}

	@Test
	void negativeAndVeryLongDurationsAreLeftToTheGeneralFormatter() {
		assertThat(format(-1)).isNull();
		assertThat(format(1_000_000_000_000_000L)).isNull();
		assertThat(format(Long.MAX_VALUE)).isNull();
		assertThat(format(999_999_999_999_999L)).isEqualTo("999999.999999999");
	}

}
