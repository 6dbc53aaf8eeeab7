package io.porterbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import io.porterbench.record.RunFiles;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Whatever names and topics code passes in, nothing is ever written outside the run
 * folder, and what is written parses.
 */
class HostileInputPropertyTests {

	private static Path root;

	private static BenchDict dict;

	@BeforeContainer
	static void createRoot() throws IOException {
		root = Files.createTempDirectory("porterbench-hostile");
		dict = new BenchDict(root.resolve("runs"));
	}

	@AfterContainer
	static void deleteRoot() throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	@Provide
	Arbitrary<String> hostileNames() {
		Arbitrary<String> fragments = Arbitraries.of("..", "/", "\\", "\u0000", ".", "~", ":", "%2e%2e", "%2F", "C:",
				"\n", " ", "GLOBAL", "START_TIME", "STOP_TIME", "etl", "é", "名前", "\u202e", "*", "?", "|");
		Arbitrary<String> composed = fragments.list().ofMinSize(1).ofMaxSize(6).map((parts) -> String.join("", parts));
		return Arbitraries.oneOf(composed, Arbitraries.strings().all().ofMaxLength(300),
				Arbitraries.strings().withCharRange('a', 'z').ofLength(10_000), Arbitraries.just(""));
	}

	@Property(tries = 400)
	void noBenchmarkerNameWritesOutsideItsRunFolder(@ForAll("hostileNames") String name) throws IOException {
		Throwable failure = catchThrowable(() -> dict.get(name));
		if (failure != null) {
			assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
			return;
		}
		Benchmarker bench = dict.get(name);
		for (Path file : bench.files()) {
			assertThat(file.normalize().getParent()).isEqualTo(dict.runDirectory());
		}
		bench.gstep();
		bench.step("work");
		bench.gstop();
		bench.save();
		assertThat(filesOutsideRunFolder()).isEmpty();
	}

	@Property(tries = 300)
	void anyTopicIsEitherRejectedClearlyOrSavedAsValidJson(@ForAll("hostileNames") String topic) throws IOException {
		Benchmarker bench = dict.get("topics");
		bench.gstep();
		Throwable failure = catchThrowable(() -> bench.step(topic, List.of(topic)));
		bench.gstop();
		if (failure != null) {
			assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");
			return;
		}
		bench.save();
		JsonMapper mapper = JsonMapper.builder().build();
		assertThat(mapper.readTree(RunFiles.dataFile(bench.runDirectory(), "topics").toFile()).isArray()).isTrue();
		assertThat(mapper.readTree(RunFiles.summaryFile(bench.runDirectory(), "topics").toFile()).has(topic)).isTrue();
	}

	private List<Path> filesOutsideRunFolder() throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> !path.getParent().equals(dict.runDirectory()))
				.toList();
		}
	}

}
