package io.porterbench.benchmarks.startup;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link ThreadCpu} reads Linux's per-thread {@code stat} lines.
 */
class ThreadCpuTests {

	@Test
	void userAndSystemTicksAreSummedPerNameWithItsDigitsReplaced() {
		Map<String, Long> millis = ThreadCpu
			.byName(List.of("4242 (C2 CompilerThre0) S 1 2 3 0 -1 1077936192 100 0 0 0 150 20 0 0 20 0 45 0 300 0 0",
					"4243 (C1 CompilerThre1) S 1 2 3 0 -1 1077936192 100 0 0 0 30 4 0 0 20 0 45 0 300 0 0",
					"4244 (C2 CompilerThre2) S 1 2 3 0 -1 1077936192 100 0 0 0 10 0 0 0 20 0 45 0 300 0 0",
					"4201 (java) R 1 2 3 0 -1 4194560 900 0 0 0 170 9 0 0 20 0 45 0 200 0 0"));
		assertThat(millis).containsExactly(Map.entry("C# CompilerThre#", 2140L), Map.entry("java", 1790L));
	}

	@Test
	void aNameHoldingAParenthesisEndsAtTheLastOne() {
		Map<String, Long> millis = ThreadCpu
			.byName(List.of("17 (odd) name) S 1 2 3 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 50 0 0"));
		assertThat(millis).containsExactly(Map.entry("odd) name", 100L));
	}

	@Test
	void aLineThatIsNotAStatLineIsRefusedWithTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadCpu.byName(List.of("no name here")))
			.withMessage("Not a /proc stat line, no (name): no name here");
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadCpu.byName(List.of("1 (main) R 1 2")))
			.withMessage("Not a /proc stat line, too few fields: 1 (main) R 1 2");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void thisProcessHasUsedCpuAndNoNameKeepsADigit() {
		// the JVM's start and JUnit's have used CPU by now
		Map<String, Long> millis = ThreadCpu.ofThisProcess();
		assertThat(millis).isNotEmpty();
		assertThat(millis.values().stream().mapToLong(Long::longValue).sum()).isPositive();
		assertThat(millis.keySet()).noneMatch((name) -> name.matches(".*[0-9].*"));
	}

}
