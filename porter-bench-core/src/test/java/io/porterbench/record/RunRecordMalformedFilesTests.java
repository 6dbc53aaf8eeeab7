package io.porterbench.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Properties: whatever happens to one file, loading never throws, the damage stays in
 * that file's part, and a file that cannot be used is reported. Thousands of damaged
 * copies of a real DATA file are tried.
 */
class RunRecordMalformedFilesTests {

	private static final byte[] VALID = readValid();

	private static Path temp;

	private static Path run;

	private static Path target;

	@BeforeContainer
	static void copyRun() throws IOException {
		temp = Files.createTempDirectory("porterbench-malformed");
		run = ReferenceRuns.copyPythonRunTo(temp.resolve("2026-11-26_15-12-03"));
		target = run.resolve("etl_STEP_DICT_DATA.json");
	}

	@AfterContainer
	static void deleteRun() throws IOException {
		try (Stream<Path> paths = Files.walk(temp)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static byte[] readValid() {
		try {
			String text = Files.readString(ReferenceRuns.pythonRunFolder().resolve("etl_STEP_DICT_DATA.json"));
			return text.strip().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Property(tries = 1000)
	void aTruncatedFileIsAlwaysReportedAndTheRestLoads(
			@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double fraction) throws IOException {
		int length = (int) (fraction * VALID.length);
		Files.write(target, Arrays.copyOf(VALID, length));
		RunRecord record = RunRecord.load(run);
		assertThat(record.problems()).hasSize(1);
		assertThat(record.problems().get(0)).startsWith(target.toAbsolutePath() + ": ");
		assertThat(record.bench("etl").iterations()).isEmpty();
		assertRestIntact(record);
	}

	@Property(tries = 1500)
	void aMutatedFileNeverBreaksLoading(@ForAll("mutatedFiles") byte[] content) throws IOException {
		Files.write(target, content);
		RunRecord[] loaded = new RunRecord[1];
		assertThatNoException().isThrownBy(() -> loaded[0] = RunRecord.load(run));
		RunRecord record = loaded[0];
		assertRestIntact(record);
		assertThat(record.problems()).hasSizeLessThanOrEqualTo(1)
			.allSatisfy((line) -> assertThat(line).startsWith(target.toAbsolutePath() + ": ").doesNotContain("\n"));
		boolean reported = !record.problems().isEmpty();
		if (reported) {
			assertThat(record.bench("etl").iterations()).isEmpty();
		}
		Statistics.label("outcome").collect(reported ? "reported" : "still readable");
		Statistics.label("outcome").coverage((coverage) -> {
			coverage.check("reported").percentage((percent) -> percent > 50);
			coverage.check("still readable").count((count) -> count > 0);
		});
	}

	private static void assertRestIntact(RunRecord record) {
		assertThat(record.benchNames()).containsExactly("alloc", "etl");
		assertThat(record.bench("etl").summary()).hasSize(5);
		assertThat(record.bench("alloc").iterations()).hasSize(3);
		assertThat(record.bench("alloc").memory()).hasSize(3);
	}

	@Provide
	Arbitrary<byte[]> mutatedFiles() {
		return mutation().list().ofMinSize(1).ofMaxSize(4).map((mutations) -> {
			byte[] content = VALID;
			for (Mutation mutation : mutations) {
				content = mutation.apply(content);
			}
			return content;
		});
	}

	private Arbitrary<Mutation> mutation() {
		Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
		Arbitrary<Integer> span = Arbitraries.integers().between(1, 64);
		Arbitrary<byte[]> noise = Arbitraries.oneOf(
				Arbitraries
					.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", "1e999", "NaN", "\\u12", "\"x\"",
							"[[[[", "\u00e9")
					.map((text) -> text.getBytes(StandardCharsets.UTF_8)),
				Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8));
		Arbitrary<Mutation> replaceByte = Combinators.combine(where, Arbitraries.bytes())
			.as((at, value) -> (content) -> {
				byte[] copy = content.clone();
				if (copy.length > 0) {
					copy[index(at, copy.length)] = value;
				}
				return copy;
			});
		Arbitrary<Mutation> delete = Combinators.combine(where, span)
			.as((at, length) -> (content) -> splice(content, index(at, content.length), length, new byte[0]));
		Arbitrary<Mutation> insert = Combinators.combine(where, noise)
			.as((at, bytes) -> (content) -> splice(content, index(at, content.length), 0, bytes));
		Arbitrary<Mutation> duplicate = Combinators.combine(where, span).as((at, length) -> (content) -> {
			int from = index(at, content.length);
			int to = Math.min(content.length, from + length);
			return splice(content, from, 0, Arrays.copyOfRange(content, from, to));
		});
		return Arbitraries.oneOf(replaceByte, delete, insert, duplicate);
	}

	private static int index(double at, int length) {
		return Math.max(0, Math.min(length - 1, (int) (at * length)));
	}

	private static byte[] splice(byte[] content, int at, int remove, byte[] insert) {
		int start = Math.min(at, content.length);
		int end = Math.min(content.length, start + remove);
		byte[] result = new byte[content.length - (end - start) + insert.length];
		System.arraycopy(content, 0, result, 0, start);
		System.arraycopy(insert, 0, result, start, insert.length);
		System.arraycopy(content, end, result, start + insert.length, content.length - end);
		return result;
	}

	@FunctionalInterface
	private interface Mutation {

		byte[] apply(byte[] content);

	}

}
