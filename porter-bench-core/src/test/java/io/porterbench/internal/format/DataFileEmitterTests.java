package io.porterbench.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.record.RunOrigin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte emitter that writes DATA files against the Jackson generator it replaced, on
 * random runs with every kind of value the files can hold.
 */
class DataFileEmitterTests {

	private static final String[] TOPICS = { "load", "parse", "naïve", "quote\"d", "back\\slash", "tab\there",
			"line\nbreak", "a/b", "emoji 😀", "\u0001control", "GLOBAL", "gstop", "", "ünïcödé 名前" };

	private static final String[] HOSTS = { "localhost", "build-agent-7.example.org", "hôte \"quoted\"",
			"back\\slash\ttab", "名前 😀", "\u0001control" };

	@Test
	void writesTheSameBytesAsTheGeneratorOnRandomRuns() throws IOException {
		SplittableRandom random = new SplittableRandom(7);
		for (int run = 0; run < 200; run++) {
			RunSnapshot snapshot = randomSnapshot(random);
			RunOrigin origin = randomOrigin(random);
			assertThat(emitted(snapshot, origin)).as("run %d, %s", run, origin).isEqualTo(generated(snapshot, origin));
		}
	}

	@Test
	void writesTheOriginAndIterationSourcesAsTheGeneratorDoes() throws IOException {
		IterationData own = new IterationData();
		own.set(0, 1_795_705_894.25, 1_795_705_894.5, new String[] { "load" }, new long[] { 250_000_000 }, null, 1,
				true, 250_000_000);
		IterationData merged = new IterationData();
		merged.set(1, 1_795_705_894.5, 1_795_705_894.75, new String[] { "load" }, new long[] { 250_000_000 }, null, 1,
				true, 250_000_000);
		merged.setSource("other \"host\" é", 42, Map.of("source", "run-b"));
		IterationData extraOnly = new IterationData();
		extraOnly.set(2, 1_795_705_894.75, 0, new String[0], new long[0], null, 0, false, 0);
		extraOnly.setSource(null, -1, List.of(1, "two"));
		RunSnapshot snapshot = new RunSnapshot("sources", 2, List.of(own, merged), List.of(extraOnly), null);
		RunOrigin origin = RunOrigin.of("this-host", 1234);
		String emitted = emitted(snapshot, origin);
		assertThat(emitted).isEqualTo(generated(snapshot, origin))
			.contains("\"HOST\": \"this-host\",\n            \"PID\": 1234\n")
			.contains("\"HOST\": \"other \\\"host\\\" \\u00E9\",\n            \"PID\": 42\n")
			.contains("},\n        \"extra\": {\n            \"source\": \"run-b\"\n        }\n    }")
			.contains(
					"\"individual_calls\": {},\n        \"extra\": [\n            1,\n            \"two\"\n        ]\n    }");
		assertThat(emitted.split("\"HOST\"", -1)).hasSize(3);
	}

	@Test
	void writesNoHostOrPidForNoOrigin() throws IOException {
		SplittableRandom random = new SplittableRandom(3);
		RunSnapshot snapshot = new RunSnapshot("none", 2,
				List.of(randomIteration(random, 0, true, false), randomIteration(random, 1, true, false)), List.of(),
				null);
		String emitted = emitted(snapshot, RunOrigin.none());
		assertThat(emitted).isEqualTo(generated(snapshot, RunOrigin.none()))
			.doesNotContain("\"HOST\"")
			.doesNotContain("\"PID\"");
	}

	@Test
	void writesTheSameBytesForAnEmptyRun() throws IOException {
		RunSnapshot snapshot = new RunSnapshot("empty", 0, List.of(), List.of(), null);
		assertThat(emitted(snapshot, RunOrigin.of("h", 1))).isEqualTo("[]")
			.isEqualTo(generated(snapshot, RunOrigin.of("h", 1)));
	}

	@Test
	void writesTheSameBytesForIterationsWithoutCalls() throws IOException {
		IterationData closed = new IterationData();
		closed.set(0, 1_795_705_894.25, 1_795_705_894.5, new String[0], new long[0], null, 0, true, 250_000_000);
		IterationData open = new IterationData();
		open.set(1, 1_795_705_894.5, 0, new String[0], new long[0], null, 0, false, 0);
		RunSnapshot snapshot = new RunSnapshot("bare", 1, List.of(closed), List.of(open), null);
		assertThat(emitted(snapshot, RunOrigin.none())).isEqualTo(generated(snapshot, RunOrigin.none()));
		RunOrigin origin = RunOrigin.of("bare-host", 0);
		assertThat(emitted(snapshot, origin)).isEqualTo(generated(snapshot, origin));
	}

	@Test
	void writesTheSameBytesAcrossManyBufferFills() throws IOException {
		SplittableRandom random = new SplittableRandom(11);
		List<IterationData> retained = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			retained.add(randomIteration(random, i, true, false));
		}
		RunSnapshot snapshot = new RunSnapshot("large", retained.size(), retained, List.of(), null);
		RunOrigin origin = RunOrigin.of("large-host.example", 4_194_304);
		String emitted = emitted(snapshot, origin);
		assertThat(emitted.length()).isGreaterThan(1 << 20);
		assertThat(emitted).isEqualTo(generated(snapshot, origin));
	}

	private static String emitted(RunSnapshot snapshot, RunOrigin origin) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		IterationData[] iterations = DataFileEmitter.iterations(snapshot);
		new DataFileEmitter(new RunFileWriter.ExtraWriter(snapshot.name()), origin).writeRange(out, iterations, 0,
				iterations.length);
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	private static String generated(RunSnapshot snapshot, RunOrigin origin) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunFileWriter.writeDataWithGenerator(out, snapshot, origin);
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	private static RunOrigin randomOrigin(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> RunOrigin.none();
			case 1 -> RunOrigin.of(HOSTS[random.nextInt(HOSTS.length)], 0);
			default -> RunOrigin.of(HOSTS[random.nextInt(HOSTS.length)], random.nextLong(1, Long.MAX_VALUE));
		};
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
		if (oddValues && random.nextInt(3) == 0) {
			// read back from a saved run: its own process, or part of it, and its own
			// extra
			String host = random.nextBoolean() ? HOSTS[random.nextInt(HOSTS.length)] : null;
			long pid = random.nextBoolean() ? random.nextLong(100_000) : -1;
			iteration.setSource(host, pid, randomExtra(random));
		}
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
