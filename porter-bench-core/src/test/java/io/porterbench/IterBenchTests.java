package io.porterbench;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class IterBenchTests {

	@TempDir
	Path root;

	@Test
	void nItemsGiveNIterations() {
		BenchDict dict = new BenchDict(this.root);
		int seen = 0;
		for (Integer item : IterBench.wrap(List.of(1, 2, 3, 4, 5), dict, "epoch")) {
			dict.get("epoch").step("work", item);
			seen++;
		}
		assertThat(seen).isEqualTo(5);
		assertThat(dict.get("epoch").iterationCount()).isEqualTo(5);
		assertThat(dict.get("epoch").isIterationOpen()).isFalse();
	}

	@Test
	void worksForUnsizedIterablesAndAgainOnReIteration() {
		BenchDict dict = new BenchDict(this.root);
		Iterable<Integer> unsized = () -> IntStream.range(0, 4).iterator();
		IterBench<Integer> wrapped = IterBench.wrap(unsized, dict);
		wrapped.forEach((item) -> wrapped.benchmarker().step("work"));
		wrapped.forEach((item) -> wrapped.benchmarker().step("work"));
		assertThat(dict.get(IterBench.DEFAULT_NAME).iterationCount()).isEqualTo(8);
	}

	@Test
	void breakLeavesTheCurrentIterationOpenAsInTheOriginal() {
		BenchDict dict = new BenchDict(this.root);
		for (Integer item : IterBench.wrap(List.of(1, 2, 3, 4), dict, "partial")) {
			if (item == 3) {
				break;
			}
		}
		Benchmarker bench = dict.get("partial");
		assertThat(bench.iterationCount()).isEqualTo(2);
		assertThat(bench.isIterationOpen()).isTrue();
	}

	@Test
	void emptyIterableGivesNoIteration() {
		BenchDict dict = new BenchDict(this.root);
		IterBench.wrap(List.<String>of(), dict, "empty").forEach((item) -> {
		});
		assertThat(dict.get("empty").iterationCount()).isZero();
	}

}
