package io.porterbench.demo;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.boot.metrics.BenchMetricsBinder;
import io.porterbench.boot.autoconfigure.StepMeterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Prometheus scrape shows of the steps with each kind of step meter: the README
 * promises the same {@code _count} and {@code _sum} series either way, and a {@code _max}
 * only with timers.
 */
class PrometheusStepSeriesTests {

	private static final String LABELS = "\\{bench=\"orders\",step=\"price\"}";

	private final MockBenchClock clock = new MockBenchClock();

	@TempDir
	Path root;

	@Test
	void functionTimerStepsAreScrapedWithTheirCountAndSumOnly() {
		String scrape = scrapeAfterTwoPriceSteps(StepMeterType.FUNCTION_TIMER);
		assertThat(scrape).containsPattern("porterbench_step_seconds_count" + LABELS + " 2(\\.0)?\\n");
		assertThat(scrape).containsPattern("porterbench_step_seconds_sum" + LABELS + " 0\\.05\\n");
		assertThat(scrape).doesNotContain("porterbench_step_seconds_max");
		assertThat(scrape).contains("porterbench_iteration_seconds_max");
	}

	@Test
	void timerStepsAreScrapedWithTheSameSeriesAndAMax() {
		String scrape = scrapeAfterTwoPriceSteps(StepMeterType.TIMER);
		assertThat(scrape).containsPattern("porterbench_step_seconds_count" + LABELS + " 2(\\.0)?\\n");
		assertThat(scrape).containsPattern("porterbench_step_seconds_sum" + LABELS + " 0\\.05\\n");
		assertThat(scrape).containsPattern("porterbench_step_seconds_max" + LABELS + " 0\\.03\\n");
	}

	private String scrapeAfterTwoPriceSteps(StepMeterType type) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		try (BenchDict benchDict = BenchDict.builder().root(this.root).clock(this.clock).build()) {
			new BenchMetricsBinder(benchDict, type).bindTo(registry);
			Benchmarker orders = benchDict.get("orders");
			orders.gstep();
			this.clock.add(Duration.ofMillis(20));
			orders.step("price");
			this.clock.add(Duration.ofMillis(30));
			orders.step("price");
			orders.gstop();
			return registry.scrape();
		}
		finally {
			registry.close();
		}
	}

}
