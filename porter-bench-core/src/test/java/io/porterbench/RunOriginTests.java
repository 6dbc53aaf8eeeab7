package io.porterbench;

import java.nio.file.Path;

import io.porterbench.record.RunOrigin;
import io.porterbench.record.RunRecord;
import io.porterbench.record.SavedIteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RunOrigin}: every save names the host and process that recorded the
 * run, and the loader reads them back.
 */
class RunOriginTests {

	@TempDir
	Path root;

	@Test
	void currentIsThisProcess() {
		assertThat(RunOrigin.current().pid()).hasValue(ProcessHandle.current().pid());
		assertThat(RunOrigin.current().host()).hasValueSatisfying((host) -> assertThat(host).isNotBlank());
	}

	@Test
	void aRegistryByDefaultSavesTheHostAndPidOfThisProcessInEveryIteration() {
		try (BenchDict dict = BenchDict.builder().root(this.root).build()) {
			Benchmarker bench = dict.get("orders");
			bench.gstep();
			bench.step("price");
			bench.gstop();
			bench.gstep();
			bench.step("price");
			Path run = dict.save();
			assertThat(RunRecord.load(run).bench("orders").iterations()).hasSize(2).allSatisfy((iteration) -> {
				assertThat(iteration.pid()).isEqualTo(ProcessHandle.current().pid());
				assertThat(iteration.host()).isEqualTo(RunOrigin.current().host().orElseThrow());
			});
		}
	}

	@Test
	void noneSavesTheOriginalsKeysOnly() {
		try (BenchDict dict = BenchDict.builder().root(this.root).origin(RunOrigin.none()).build()) {
			Benchmarker bench = dict.get("orders");
			bench.gstep();
			bench.gstop();
			SavedIteration iteration = RunRecord.load(dict.save()).bench("orders").iterations().get(0);
			assertThat(iteration.host()).isNull();
			assertThat(iteration.pid()).isNull();
		}
	}

	@Test
	void ofRejectsABlankHostAndANegativePid() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOrigin.of(" ", 1))
			.withMessage("The host of a run origin must not be blank, was ' '");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOrigin.of("host", -1))
			.withMessage("The process id of a run origin must be 0 or more, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchDict.builder().origin(null))
			.withMessageContaining("RunOrigin.none()");
	}

	@Test
	void noneHasNeitherHostNorPid() {
		assertThat(RunOrigin.none().host()).isEmpty();
		assertThat(RunOrigin.none().pid()).isEmpty();
		assertThat(RunOrigin.of("h", 7)).hasToString("RunOrigin[host=h, pid=7]");
	}

}
