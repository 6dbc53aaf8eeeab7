package io.porterbench.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte emitter that writes DATA files against the Jackson generator it replaced, on
 * random runs with every kind of value the files can hold.
 */
class DataFileEmitterTests {

	private static final String[] TOPICS = { "load", "parse", "naïve", "quote\"d", "back\\slash", "tab\there",
			"line\nbreak", "a/b", "emoji 😀", "\u0001control", "GLOBAL", "gstop", "", "ünïcödé 名前" };

	@Test
	void writesTheSameBytesAsTheGeneratorOnRandomRuns() throws IOException {
		SplittableRandom random = new SplittableRandom(7);
		for (int run = 0; run < 200; run++) {
			RunSnapshot snapshot = randomSnapshot(random);
			assertThat(emitted(snapshot)).as("run %d", run).isEqualTo(generated(snapshot));
		}
	}

	@Test
	void writesTheSameBytesForAnEmptyRun() throws IOException {
		RunSnapshot snapshot = new RunSnapshot("empty", 0, List.of(), List.of(), null);
		assertThat(emitted(snapshot)).isEqualTo("[]").isEqualTo(generated(snapshot));
	}

	@Test
	void writesTheSameBytesForIterationsWithoutCalls() throws IOException {
		IterationData closed = new IterationData();
		closed.set(0, 1_795_705_894.25, 1_795_705_894.5, new String[0], new long[0], null, 0, true, 250_000_000);
		IterationData open = new IterationData();
		open.set(1, 1_795_705_894.5, 0, new String[0], new long[0], null, 0, false, 0);
		RunSnapshot snapshot = new RunSnapshot("bare", 1, List.of(closed), List.of(open), null);
		assertThat(emitted(snapshot)).isEqualTo(generated(snapshot));
	}

	@Test
	void writesTheSameBytesAcrossManyBufferFills() throws IOException {
		SplittableRandom random = new SplittableRandom(11);
		List<IterationData> retained = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			retained.add(randomIteration(random, i, true, false));
		}
		RunSnapshot snapshot = new RunSnapshot("large", retained.size(), retained, List.of(), null);
		String emitted = emitted(snapshot);
		assertThat(emitted.length()).isGreaterThan(1 << 20);
		assertThat(emitted).isEqualTo(generated(snapshot));
	}

	private static String emitted(RunSnapshot snapshot) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new DataFileEmitter(out, snapshot.name()).write(snapshot);
		return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private static String generated(RunSnapshot snapshot) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunFileWriter.writeData(out, snapshot, io.porterbench.record.RunOrigin.none());
		return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private static RunSnapshot randomSnapshot(SplittableRandom random) {
		List<IterationData> retained = new ArrayList<>();
		int closed = random.nextInt(6);
		for (int i = 0; i < closed; i++) {
			retained.add(randomIteration(random, i, true, true));
		}
		List<IterationData> open = new ArrayList<>();
		int opened = random.nextInt(3);
		for (int i = 0; i < opened; i++) {
			open.add(randomIteration(random, closed + i, false, true));
		}
		return new RunSnapshot("random", closed, retained, open, null);
	}

	private static IterationData randomIteration(SplittableRandom random, long number, boolean closed,
			boolean oddValues) {
		int size = random.nextInt(oddValues ? 9 : 7);
		String[] topics = new String[size];
		long[] nanos = new long[size];
		Object[] extras = new Object[size];
		boolean anyExtra = false;
		long total = 0;
		for (int i = 0; i < size; i++) {
			topics[i] = TOPICS[random.nextInt(oddValues ? TOPICS.length : 5)];
			nanos[i] = randomNanos(random, oddValues);
			total += nanos[i];
			extras[i] = oddValues ? randomExtra(random) : null;
			anyExtra |= extras[i] != null;
		}
		double start = oddValues ? randomEpoch(random) : 1_764_000_000.0 + number * 0.125;
		double stop = closed ? start + total / 1e9 : 0;
		IterationData iteration = new IterationData();
		iteration.set(number, start, stop, topics, nanos, anyExtra ? extras : null, size, closed, total);
		return iteration;
	}

	private static long randomNanos(SplittableRandom random, boolean oddValues) {
		int kind = random.nextInt(oddValues ? 10 : 6);
		return switch (kind) {
			case 6 -> 0;
			case 7 -> 3_000_000_000_000_123L + random.nextLong(1_000_000);
			case 8 -> -random.nextLong(1, 1_000_000);
			case 9 -> (long) Math.pow(10, random.nextInt(15));
			default -> (long) Math.exp(random.nextDouble(0, Math.log(1e14)));
		};
	}

	private static double randomEpoch(SplittableRandom random) {
		return switch (random.nextInt(6)) {
			case 0 -> 0;
			case 1 -> random.nextDouble(1e-7, 1e-3);
			case 2 -> random.nextDouble(1e20, 1e22);
			case 3 -> Double.NaN;
			default -> 1_700_000_000 + random.nextDouble(1e8);
		};
	}

	private static Object randomExtra(SplittableRandom random) {
		return switch (random.nextInt(8)) {
			case 0 -> "second é \"quoted\"";
			case 1 -> Map.of("i", random.nextInt(100));
			case 2 -> {
				Map<String, Object> nested = new LinkedHashMap<>();
				nested.put("list", List.of(1, 2.5, "x", List.of()));
				nested.put("empty", Map.of());
				nested.put("null", null);
				yield nested;
			}
			case 3 -> new Object();
			case 4 -> 1.0E-7;
			default -> null;
		};
	}

}
