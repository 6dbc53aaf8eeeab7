package io.porterbench.boot.observation;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.porterbench.BenchDict;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import io.porterbench.boot.aop.BenchAdvisorAutoConfiguration;
import io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link BenchObservationAutoConfiguration} and the Observations of
 * {@link BenchObservationAdvisor}, with a real {@link ObservationRegistry} and a handler
 * that keeps what it sees.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BenchDictAutoConfiguration.class,
				BenchAdvisorAutoConfiguration.class, BenchObservationAutoConfiguration.class))
		.withUserConfiguration(ObservedConfiguration.class);

	@TempDir
	Path root;

	@Test
	void observationsAreOffByDefault() {
		this.runner.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			assertThat(context).doesNotHaveBean(BenchObservationAdvisor.class);
			context.getBean(Checkout.class).checkout();
			assertThat(context.getBean(Recording.class).started).isEmpty();
			assertThat(context.getBean(BenchDict.class).get("orders").summary().step("reserve").count()).isOne();
		});
	}

	@Test
	void iterationAndStepsAreObservationsWithTheirKeysAndParents() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.observation.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(BenchObservationAdvisor.class);
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				Observation request = Observation.start("request", registry);
				try (Observation.Scope scope = request.openScope()) {
					context.getBean(Checkout.class).checkout();
				}
				request.stop();
				List<Observation.Context> started = context.getBean(Recording.class).started;
				assertThat(started).extracting(Observation.Context::getName)
					.containsExactly("request", BenchObservations.ITERATION, BenchObservations.STEP,
							BenchObservations.STEP);
				Observation.Context iteration = started.get(1);
				assertThat(iteration.getContextualName()).isEqualTo("orders");
				assertThat(iteration.getLowCardinalityKeyValues()).containsExactly(KeyValue.of("bench", "orders"));
				assertThat(iteration.getParentObservation().getContextView()).isSameAs(started.get(0));
				assertThat(started.get(2).getContextualName()).isEqualTo("reserve");
				assertThat(started.get(2).getLowCardinalityKeyValues())
					.containsExactlyInAnyOrder(KeyValue.of("bench", "orders"), KeyValue.of("step", "reserve"));
				assertThat(started.get(3).getLowCardinalityKeyValues())
					.containsExactlyInAnyOrder(KeyValue.of("bench", "orders"), KeyValue.of("step", "charge"));
				assertThat(started.get(2).getParentObservation().getContextView()).isSameAs(iteration);
				assertThat(started.get(3).getParentObservation().getContextView()).isSameAs(iteration);
				assertThat(context.getBean(Recording.class).stopped).hasSize(4);
				assertThat(registry.getCurrentObservation()).isNull();
			});
	}

	@Test
	void aStepOutsideAnyIterationIsObservedUnderTheDefaultBenchmarker() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.observation.enabled=true")
			.run((context) -> {
				context.getBean(Inventory.class).reserve();
				Observation.Context step = context.getBean(Recording.class).started.get(0);
				assertThat(step.getParentObservation()).isNull();
				assertThat(step.getLowCardinalityKeyValues()).contains(KeyValue.of("bench", "default"));
			});
	}

	@Test
	void aMethodThatThrowsEndsItsObservationWithTheError() {
		this.runner.withPropertyValues("porterbench.root=" + this.root, "porterbench.observation.enabled=true")
			.run((context) -> {
				assertThatIllegalStateException().isThrownBy(() -> context.getBean(Inventory.class).fail())
					.withMessage("out of stock");
				Observation.Context step = context.getBean(Recording.class).stopped.get(0);
				assertThat(step.getError()).isInstanceOf(IllegalStateException.class).hasMessage("out of stock");
				assertThat(context.getBean(BenchDict.class).get("default").summary().step("fail").count()).isOne();
			});
	}

	@Test
	void aThrowingHandlerBreaksNeitherTheCallNorTheRecordingAndIsLoggedOnce(CapturedOutput output) {
		this.runner
			.withPropertyValues("porterbench.root=" + this.root, "porterbench.observation.enabled=true",
					"test.failing-handler=true")
			.run((context) -> {
				Checkout checkout = context.getBean(Checkout.class);
				assertThat(checkout.checkout()).isEqualTo("done");
				assertThat(checkout.checkout()).isEqualTo("done");
				BenchDict benchDict = context.getBean(BenchDict.class);
				assertThat(benchDict.get("orders").iterationCount()).isEqualTo(2);
				assertThat(benchDict.get("orders").summary().step("reserve").count()).isEqualTo(2);
				assertThat(benchDict.get("orders").summary().step("charge").count()).isEqualTo(2);
				assertThat(output.getOut().split("could not observe", -1)).hasSize(2);
				assertThat(output).contains("handler failed on purpose");
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				assertThat(registry.getCurrentObservationScope()).isNull();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservedConfiguration {

		@Bean
		Recording recording() {
			return new Recording();
		}

		@Bean
		ObservationRegistry observationRegistry(Recording recording,
				org.springframework.core.env.Environment environment) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(recording);
			if (environment.getProperty("test.failing-handler", Boolean.class, false)) {
				registry.observationConfig().observationHandler(new FailingHandler());
			}
			return registry;
		}

		@Bean
		Inventory inventory() {
			return new Inventory();
		}

		@Bean
		Payment payment() {
			return new Payment();
		}

		@Bean
		Checkout checkout(Inventory inventory, Payment payment) {
			return new Checkout(inventory, payment);
		}

	}

	static class Recording implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> started = new CopyOnWriteArrayList<>();

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(Observation.Context context) {
			this.started.add(context);
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	static class FailingHandler implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			throw new IllegalStateException("handler failed on purpose");
		}

		@Override
		public void onScopeOpened(Observation.Context context) {
			throw new IllegalStateException("handler failed on purpose");
		}

		@Override
		public void onStop(Observation.Context context) {
			throw new IllegalStateException("handler failed on purpose");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	static class Inventory {

		@BenchStep
		public void reserve() {
		}

		@BenchStep
		public void fail() {
			throw new IllegalStateException("out of stock");
		}

	}

	static class Payment {

		@BenchStep
		public void charge() {
		}

	}

	static class Checkout {

		private final Inventory inventory;

		private final Payment payment;

		Checkout(Inventory inventory, Payment payment) {
			this.inventory = inventory;
			this.payment = payment;
		}

		@BenchIteration("orders")
		public String checkout() {
			this.inventory.reserve();
			this.payment.charge();
			return "done";
		}

	}

}
