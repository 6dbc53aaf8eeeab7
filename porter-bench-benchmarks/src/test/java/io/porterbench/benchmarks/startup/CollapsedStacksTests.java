package io.porterbench.benchmarks.startup;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * How {@link CollapsedStacks} reads async-profiler's collapsed lines, and how
 * {@link StartupProfile} reports two kinds of starts from them.
 */
class CollapsedStacksTests {

	private static final String RUN = "org/springframework/boot/SpringApplication.run";

	private static final String LOOKUP = "jdk/internal/loader/URLClassPath.getResource";

	@Test
	void onlyTheNamedThreadsSamplesAreSummedAndAFrameCountsOncePerStack() {
		CollapsedStacks stacks = CollapsedStacks.of(List.of("[main tid=1];" + RUN + ";" + LOOKUP + " 5",
				"[main tid=1];" + RUN + ";a/B.recurse;a/B.recurse 3", "[C2 CompilerThread0 tid=9];Compile::Compile 40",
				"[mainly tid=7];" + RUN + " 100"), "main");
		assertThat(stacks.total()).isEqualTo(8);
		assertThat(stacks.inclusive(RUN)).isEqualTo(8);
		assertThat(stacks.inclusive(LOOKUP)).isEqualTo(5);
		assertThat(stacks.inclusive("a/B.recurse")).isEqualTo(3);
		assertThat(stacks.inclusive("Compile::Compile")).isZero();
	}

	@Test
	void hiddenClassesAndLambdasGetTheSameNameInEveryJvm() {
		CollapsedStacks first = CollapsedStacks
			.of(List.of("[main tid=1];a/B$$Lambda$325.0x00007f48b4204ee8.getObject 2",
					"[main tid=1];java/lang/invoke/LambdaForm$MH.0x00007f48b40b1c00.invoke 1"), "main");
		CollapsedStacks second = CollapsedStacks
			.of(List.of("[main tid=1];a/B$$Lambda$329.0x00007f462c20a180.getObject 4",
					"[main tid=1];java/lang/invoke/LambdaForm$MH.0x00007ff0cc1c1780.invoke 1"), "main");
		assertThat(first.frames().keySet()).isEqualTo(second.frames().keySet())
			.contains("a/B$$Lambda.getObject", "java/lang/invoke/LambdaForm$MH.0x.invoke");
		assertThat(second.inclusive("a/B$$Lambda.getObject")).isEqualTo(4);
	}

	@Test
	void samplesWithAMatchingFrameAreCountedOncePerStack() {
		CollapsedStacks stacks = CollapsedStacks
			.of(List.of("[main tid=1];" + RUN + ";io/porterbench/boot/A.a;io/porterbench/B.b 3",
					"[main tid=1];io/porterbench/benchmarks/startup/StartupApp.main;" + RUN + " 10",
					"[main tid=1];io/porterbench/benchmarks/startup/StartupApp.main;io/porterbench/C.c 2"), "main");
		assertThat(stacks.samplesWith(StartupProfile::isPorterBenchFrame)).isEqualTo(5);
	}

	@Test
	void aLineWithoutASampleCountIsRejectedWithTheLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CollapsedStacks.of(List.of("[main tid=1];a/B.c many"), "main"))
			.withMessageContaining("'[main tid=1];a/B.c many'");
	}

	@Test
	void theReportGivesMeansPerStartTheirDifferenceInMillisecondsAndTheFramesThatDifferMost() {
		List<CollapsedStacks> with = List.of(
				CollapsedStacks.of(
						List.of("[main tid=1];" + RUN + ";" + LOOKUP + " 300",
								"[main tid=1];" + RUN + ";io/porterbench/boot/X.y 100", "[main tid=1];" + RUN + " 600"),
						"main"),
				CollapsedStacks.of(
						List.of("[main tid=1];" + RUN + ";" + LOOKUP + " 340",
								"[main tid=1];" + RUN + ";io/porterbench/boot/X.y 60", "[main tid=1];" + RUN + " 600"),
						"main"));
		List<CollapsedStacks> without = List.of(CollapsedStacks
			.of(List.of("[main tid=1];" + RUN + ";" + LOOKUP + " 200", "[main tid=1];" + RUN + " 600"), "main"));
		assertThat(StartupProfile.mean(with, CollapsedStacks::total)).isCloseTo(1000.0, within(1e-9));
		List<String> report = StartupProfile.report("with", with, "without", without);
		assertThat(report.get(0)).contains("with 1000.0, without 800.0, difference +200.0 (+50.0 ms)");
		assertThat(report.get(1)).contains("class lookups").contains("320.0 against 200.0, +120.0 (+30.0 ms)");
		assertThat(report.get(2)).contains("porter-bench's own frames").contains("80.0 against 0.0, +80.0 (+20.0 ms)");
		assertThat(report.get(3)).contains("+0.0 (+0.0 ms)");
		assertThat(report.get(5)).endsWith(RUN).contains("+200.0");
		assertThat(report.get(6)).endsWith(LOOKUP).contains("+120.0");
		assertThat(report.get(7)).endsWith("io/porterbench/boot/X.y").contains("+80.0");
	}

}
