package io.porterbench.internal.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.record.RunFiles;

import static org.assertj.core.api.Assertions.assertThat;

class RunFileWriterTests {

	@TempDir
	Path root;

	@Test
	void topicNamesThatNeedEscapingAreEscapedInBothPlacesTheyAppear() throws IOException {
		MockBenchClock clock = new MockBenchClock();
		BenchDict dict = BenchDict.builder().root(this.root).clock(clock).build();
		Benchmarker bench = dict.get("names");
		bench.gstep();
		bench.record("naïve", 1_000);
		bench.record("quote\"d", 2_000);
		bench.record("back\\slash", 3_000);
		bench.record("a/b", 4_000);
		bench.gstop();
		Path run = dict.save();
		String data = Files.readString(RunFiles.dataFile(run, "names"), StandardCharsets.UTF_8);
		assertThat(data).contains("\"na\\u00EFve\": 1.0E-6", "\"quote\\\"d\": 2.0E-6", "\"back\\\\slash\": 3.0E-6",
				"\"a/b\": 4.0E-6");
		assertThat(data).doesNotContain("naïve");
		JsonNode calls = JsonMapper.builder().build().readTree(data).get(0).get("individual_calls");
		assertThat(calls.get("naïve").get(0).get("time").asDouble()).isEqualTo(1.0E-6);
		assertThat(calls.get("quote\"d").get(0).get("crono_counter").asInt()).isEqualTo(1);
		assertThat(calls.get("back\\slash").get(0).get("crono_counter").asInt()).isEqualTo(2);
	}

	@Test
	void durationsBeyondTheIntegerPathAreWrittenAsDoubles() throws IOException {
		MockBenchClock clock = new MockBenchClock();
		BenchDict dict = BenchDict.builder().root(this.root).clock(clock).build();
		Benchmarker bench = dict.get("long");
		bench.gstep();
		long nanos = 3_000_000_000_000_123L;
		bench.record("forever", nanos);
		bench.gstop();
		String data = Files.readString(RunFiles.dataFile(dict.save(), "long"), StandardCharsets.UTF_8);
		assertThat(data).contains("\"forever\": " + Double.toString(nanos / 1e9));
	}

	@Test
	void plainDecimalWritesTheDigitsOfJavaNotationWithoutAnExponent() {
		for (String javaDouble : new String[] { "1.79570589425E9", "1.0E9", "1.5E-4", "1.0E-3", "12.5", "-2.5E10",
				"1.764000000009861E9", "0.0" }) {
			assertThat(RunFileWriter.plainDecimal(javaDouble)).as(javaDouble)
				.isEqualTo(new java.math.BigDecimal(javaDouble).toPlainString());
		}
	}

	@Test
	void plainDecimalAsciiWritesTheDigitsOfBigDecimalsPlainString() {
		java.util.SplittableRandom random = new java.util.SplittableRandom(13);
		byte[] out = new byte[400];
		for (int i = 0; i < 200_000; i++) {
			double value = switch (i % 5) {
				case 0 -> 1_700_000_000 + random.nextDouble(1e8);
				case 1 -> Double.longBitsToDouble(random.nextLong()) % 1e300;
				case 2 -> random.nextDouble(-1e-3, 1e-3);
				case 3 -> Math.pow(10, random.nextInt(-320, 309)) * (random.nextBoolean() ? 1 : -1);
				default -> random.nextLong(1, 100_000_000_000L) / 1e3;
			};
			if (!Double.isFinite(value)) {
				continue;
			}
			String javaDouble = tools.jackson.core.io.NumberOutput.toString(value, true);
			int length = RunFileWriter.plainDecimalAscii(javaDouble, out);
			assertThat(new String(out, 0, length, StandardCharsets.US_ASCII)).as(javaDouble)
				.isEqualTo(new java.math.BigDecimal(javaDouble).toPlainString());
		}
		for (String javaDouble : new String[] { "1.79570589425E9", "1.0E9", "1.5E-4", "1.0E-3", "12.5", "-2.5E10",
				"1.764000000009861E9", "0.0", "4.9E-324", "-1.7976931348623157E308", "1.0E-5", "-1.0E7" }) {
			int length = RunFileWriter.plainDecimalAscii(javaDouble, out);
			assertThat(new String(out, 0, length, StandardCharsets.US_ASCII)).as(javaDouble)
				.isEqualTo(new java.math.BigDecimal(javaDouble).toPlainString());
		}
	}

}
