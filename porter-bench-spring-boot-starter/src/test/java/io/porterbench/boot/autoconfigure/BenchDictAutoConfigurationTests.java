package io.porterbench.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import io.porterbench.BenchClock;
import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.record.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BenchDictAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchDictAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BenchDictAutoConfiguration.class));

	@TempDir
	Path root;

	@Test
	void runCreatesBenchDictClockAndShutdownSaverWithDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(BenchDict.class)
				.hasSingleBean(BenchClock.class)
				.hasSingleBean(BenchDictShutdownSaver.class)
				.hasSingleBean(PorterBenchProperties.class);
			BenchDict benchDict = context.getBean(BenchDict.class);
			assertThat(benchDict.root()).isEqualTo(Paths.get(BenchDict.DEFAULT_ROOT).toAbsolutePath().normalize());
			assertThat(benchDict.runDirectory().getFileName().toString())
				.matches("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(-\\d+)?");
			assertThat(context.getBean(BenchClock.class)).isSameAs(BenchClock.system());
			PorterBenchProperties properties = context.getBean(PorterBenchProperties.class);
			assertThat(properties.getDefaultBench()).isEqualTo("default");
			assertThat(properties.getRetainedIterations()).isEqualTo(BenchDict.DEFAULT_RETAINED_ITERATIONS);
			assertThat(properties.getSaveOnGstop()).isZero();
			assertThat(properties.isSaveOnShutdown()).isTrue();
			assertThat(properties.getMemory().isEnabled()).isFalse();
			assertThat(properties.getMemory().getPollInterval()).isNull();
		});
	}

	@Test
	void runWithUserBenchDictBacksOff() {
		this.runner.withUserConfiguration(UserBenchDictConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(BenchDict.class);
			assertThat(context.getBean(BenchDict.class)).isSameAs(context.getBean("userBenchDict"));
		});
	}

	@Test
	void runWithUserClockTimesWithThatClock() {
		this.runner.withUserConfiguration(UserClockConfiguration.class)
			.withPropertyValues("porterbench.root=" + this.root)
			.run((context) -> {
				MockBenchClock clock = context.getBean(MockBenchClock.class);
				Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
				bench.gstep();
				clock.add(Duration.ofMillis(30));
				bench.step("load");
				bench.gstop();
				assertThat(bench.summary().step("load").mean()).isEqualTo(0.030);
			});
	}

	@Test
	void runWhenDisabledCreatesNoBeans() {
		this.runner.withPropertyValues("porterbench.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BenchDict.class)
				.doesNotHaveBean(BenchClock.class)
				.doesNotHaveBean(BenchDictShutdownSaver.class)
				.doesNotHaveBean(PorterBenchProperties.class);
		});
	}

	@Test
	void rootPropertyIsApplied() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			BenchDict benchDict = context.getBean(BenchDict.class);
			assertThat(benchDict.root()).isEqualTo(this.root.toAbsolutePath().normalize());
			assertThat(benchDict.runDirectory().getParent()).isEqualTo(benchDict.root());
		});
	}

	@Test
	void legacyFolderNamesPropertyIsApplied() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.legacy-folder-names=true")
			.run((context) -> assertThat(context.getBean(BenchDict.class).runDirectory().getFileName().toString())
				.matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}:\\d{4}(-\\d+)?"));
	}

	@Test
	void retainedIterationsPropertyBoundsTheSavedIterations() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.retained-iterations=30")
			.run((context) -> {
				Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
				for (int i = 0; i < 400; i++) {
					bench.gstep();
					bench.step("load");
				}
				bench.gstop();
				Path run = bench.save();
				assertThat(bench.iterationCount()).isEqualTo(400);
				assertThat(JsonMapper.shared().readTree(RunFiles.dataFile(run, "pipeline").toFile()).size())
					.isEqualTo(30);
			});
	}

	@Test
	void saveOnGstopPropertySavesEveryNthIteration() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.save-on-gstop=20")
			.run((context) -> {
				Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
				Path summary = RunFiles.summaryFile(bench.runDirectory(), "pipeline");
				for (int i = 0; i < 19; i++) {
					bench.gstep();
					bench.step("load");
					bench.gstop();
				}
				assertThat(summary).doesNotExist();
				bench.gstep();
				bench.step("load");
				bench.gstop();
				await().atMost(Duration.ofMinutes(1)).until(() -> Files.isRegularFile(summary));
			});
	}

	@Test
	void closingTheContextSavesEveryBenchmarker() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
			bench.gstep();
			bench.step("load");
			bench.gstop();
			context.close();
			assertThat(bench.files()).allSatisfy((file) -> assertThat(file).isRegularFile());
		});
	}

	@Test
	void closingTheContextWithSaveOnShutdownOffWritesNothing() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.save-on-shutdown=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BenchDictShutdownSaver.class);
				Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
				bench.gstep();
				bench.step("load");
				bench.gstop();
				context.close();
				assertThat(this.root).isEmptyDirectory();
			});
	}

	@Test
	void closingTheContextWhenTheSaveFailsLogsAndCloses(CapturedOutput output) throws Exception {
		Path notAFolder = Files.writeString(this.root.resolve("occupied"), "a file where the root should be");
		this.runner.withPropertyValues("porterbench.root=" + notAFolder).run((context) -> {
			Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
			bench.gstep();
			bench.step("load");
			bench.gstop();
			context.close();
			assertThat(output).contains("porter-bench could not save its run files on shutdown");
		});
	}

	@Test
	void memoryPropertiesAreAppliedToEveryNewBenchmarker() {
		this.runner
			.withPropertyValues("porterbench.root=" + this.root, "porterbench.memory.enabled=true",
					"porterbench.memory.per-step=true", "porterbench.memory.poll-interval=250ms")
			.run((context) -> {
				PorterBenchProperties properties = context.getBean(PorterBenchProperties.class);
				assertThat(properties.getMemory().getPollInterval()).isEqualTo(Duration.ofMillis(250));
				Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
				assertThat(bench.memory().isEnabled()).isTrue();
				assertThat(bench.memory().isPerStep()).isTrue();
				assertThat(bench.memory().maxMemoryPollInterval()).contains(Duration.ofMillis(250));
			});
	}

	@Test
	void memoryTrackingIsOffByDefault() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Benchmarker bench = context.getBean(BenchDict.class).get("pipeline");
			assertThat(bench.memory().isEnabled()).isFalse();
			assertThat(bench.memory().maxMemoryPollInterval()).isEmpty();
		});
	}

	@Test
	void defaultBenchWithASlashFailsNamingTheProperty() {
		this.runner.withPropertyValues("porterbench.default-bench=../escape").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("property default-bench");
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("'..'");
		});
	}

	@Test
	void retainedIterationsBelowOneFailsNamingTheProperty() {
		this.runner.withPropertyValues("porterbench.retained-iterations=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("property retained-iterations")
				.rootCause()
				.hasMessageContaining("at least 1");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBenchDictConfiguration {

		@Bean
		BenchDict userBenchDict() {
			return new BenchDict(Paths.get("target", "user-bench-dict"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClockConfiguration {

		@Bean
		MockBenchClock benchClock() {
			return new MockBenchClock();
		}

	}

}
