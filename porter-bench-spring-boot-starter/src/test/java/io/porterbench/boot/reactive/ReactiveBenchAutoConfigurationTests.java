package io.porterbench.boot.reactive;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.StepListener;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import io.porterbench.boot.aop.BenchAdvisorAutoConfiguration;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ReactiveBenchAutoConfiguration} and the per-subscription timing of
 * {@link ReactiveBenchAdvisor}.
 */
class ReactiveBenchAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BenchDictAutoConfiguration.class,
				BenchAdvisorAutoConfiguration.class, ReactiveBenchAutoConfiguration.class))
		.withUserConfiguration(ReactiveConfiguration.class);

	@TempDir
	Path root;

	@Test
	void aMonoStepIsTimedUntilItCompletesNotUntilTheMethodReturns() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveBenchAdvisor.class);
			Steps steps = context.getBean(Steps.class);
			Mono<Long> delayed = steps.delayed();
			Benchmarker bench = context.getBean(BenchDict.class).get("default");
			assertThat(bench.iterationCount()).as("nothing is timed before the subscription").isZero();
			assertThat(delayed.block()).isZero();
			assertThat(bench.summary().step("delayed").total()).isGreaterThanOrEqualTo(0.050);
			assertThat(bench.iterationCount()).isOne();
		});
	}

	@Test
	void eachSubscriptionIsTimedOnItsOwn() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Mono<Long> delayed = context.getBean(Steps.class).delayed();
			delayed.block();
			delayed.block();
			assertThat(context.getBean(BenchDict.class).get("default").summary().step("delayed").count()).isEqualTo(2);
		});
	}

	@Test
	void anErrorEndsTheStepOnce() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Counter counter = counter(context.getBean(BenchDict.class).get("default"));
			Mono<String> failing = context.getBean(Steps.class).failing();
			assertThatIllegalStateException().isThrownBy(failing::block).withMessage("failed on purpose");
			assertThat(counter.count("failing")).isOne();
			assertThat(context.getBean(BenchDict.class).get("default").openIterations()).isZero();
		});
	}

	@Test
	void aCancelEndsTheStepOnce() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Benchmarker bench = context.getBean(BenchDict.class).get("default");
			Counter counter = counter(bench);
			Disposable subscription = context.getBean(Steps.class).never().subscribe();
			assertThat(bench.openIterations()).isOne();
			assertThat(counter.count("never")).isZero();
			subscription.dispose();
			subscription.dispose();
			assertThat(counter.count("never")).isOne();
			assertThat(bench.openIterations()).isZero();
		});
	}

	@Test
	void aFluxOfManyElementsIsOneStep() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Counter counter = counter(context.getBean(BenchDict.class).get("default"));
			assertThat(context.getBean(Steps.class).many(100).count().block()).isEqualTo(100);
			assertThat(counter.count("many")).isOne();
		});
	}

	@Test
	void anIterationReturningAMonoClosesWhenItCompletes() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Mono<Long> flow = context.getBean(Flows.class).flow(2);
			Benchmarker flows = context.getBean(BenchDict.class).get("flows");
			assertThat(flows.openIterations()).isZero();
			assertThat(flow.block()).isEqualTo(2);
			assertThat(flows.iterationCount()).isOne();
			assertThat(flows.openIterations()).isZero();
			assertThat(flows.summary().steps()).containsKeys("elastic", "parallel", "many");
			assertThat(context.getBean(BenchDict.class).get("default").iterationCount())
				.as("steps went to the subscriber's iteration, not to iterations of their own")
				.isZero();
		});
	}

	@Test
	void concurrentSubscriptionsOnDifferentSchedulersKeepSeparateIterations() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Flows flows = context.getBean(Flows.class);
			Mono<Long> three = flows.flow(3).subscribeOn(Schedulers.boundedElastic());
			Mono<Long> five = flows.flow(5).subscribeOn(Schedulers.parallel());
			List<Long> results = Flux.merge(three, five).collectList().block();
			assertThat(results).containsExactlyInAnyOrder(3L, 5L);
			Benchmarker bench = context.getBean(BenchDict.class).get("flows");
			assertThat(bench.iterationCount()).isEqualTo(2);
			BenchRecord saved = RunRecord.load(bench.save()).bench("flows");
			assertThat(saved.iterations()).hasSize(2);
			List<Integer> elastic = saved.calls("elastic").stream().map(List::size).toList();
			assertThat(elastic).containsExactlyInAnyOrder(3, 5);
			assertThat(saved.calls("parallel")).allSatisfy((calls) -> assertThat(calls).hasSize(1));
			assertThat(saved.calls("many")).allSatisfy((calls) -> assertThat(calls).hasSize(1));
			assertThat(context.getBean(BenchDict.class).get("default").iterationCount()).isZero();
		});
	}

	@Test
	void aMonoThatNeverCompletesLeaksNoIteration() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			Benchmarker bench = context.getBean(BenchDict.class).get("flows");
			WeakReference<Disposable> subscription = new WeakReference<>(
					context.getBean(Flows.class).stuck().subscribe());
			assertThat(bench.openIterations()).isOne();
			// The benchmarker forgets the iteration once the collector has queued its
			// reference, after clearing it.
			for (int attempt = 0; attempt < 200
					&& (subscription.get() != null || bench.openIterations() != 0); attempt++) {
				System.gc();
				Thread.sleep(5);
			}
			assertThat(subscription.get()).isNull();
			assertThat(bench.openIterations()).isZero();
			assertThat(bench.iterationCount()).isZero();
		});
	}

	private static Counter counter(Benchmarker bench) {
		Counter counter = new Counter();
		bench.addStepListener(counter);
		return counter;
	}

	static class Counter implements StepListener {

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		@Override
		public void onStep(Benchmarker bench, String topic, long nanos) {
			this.counts.computeIfAbsent(topic, (key) -> new AtomicInteger()).incrementAndGet();
		}

		int count(String topic) {
			AtomicInteger count = this.counts.get(topic);
			return (count != null) ? count.get() : 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveConfiguration {

		@Bean
		Steps steps() {
			return new Steps();
		}

		@Bean
		Flows flows(Steps steps) {
			return new Flows(steps);
		}

	}

	static class Steps {

		@BenchStep
		public Mono<Long> delayed() {
			return Mono.delay(Duration.ofMillis(50));
		}

		@BenchStep
		public Mono<String> failing() {
			return Mono.error(new IllegalStateException("failed on purpose"));
		}

		@BenchStep
		public Mono<String> never() {
			return Mono.never();
		}

		@BenchStep
		public Flux<Integer> many(int count) {
			return Flux.range(0, count).publishOn(Schedulers.parallel());
		}

		@BenchStep
		public Mono<Integer> elastic(int value) {
			return Mono.fromCallable(() -> value).subscribeOn(Schedulers.boundedElastic());
		}

		@BenchStep
		public Mono<Integer> parallel(int value) {
			return Mono.just(value).delayElement(Duration.ofMillis(1), Schedulers.parallel());
		}

	}

	static class Flows {

		private final Steps steps;

		Flows(Steps steps) {
			this.steps = steps;
		}

		@BenchIteration("flows")
		public Mono<Long> flow(int count) {
			return Flux.range(0, count)
				.concatMap(this.steps::elastic)
				.then(this.steps.parallel(count))
				.then(this.steps.many(count).count());
		}

		@BenchIteration("flows")
		public Mono<String> stuck() {
			return this.steps.never();
		}

	}

}
