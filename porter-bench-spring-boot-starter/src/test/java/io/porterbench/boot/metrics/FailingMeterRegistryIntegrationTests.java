package io.porterbench.boot.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.porterbench.BenchDict;
import io.porterbench.boot.testapp.BenchTestApplication;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application whose only {@link MeterRegistry} fails on porter-bench's meters, in
 * each of the ways a registry can: refusing every meter, refusing step timers, or
 * throwing while recording. The instrumented endpoint still answers its normal result,
 * the failure is logged once with its cause, and porter-bench's own recording and saving
 * are untouched.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailingMeterRegistryIntegrationTests {

	private static final int ORDERS = 5;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path root;

	@ParameterizedTest
	@EnumSource(Fault.class)
	void instrumentedCodeAnswersNormallyTheFailureIsLoggedOnceAndPorterBenchStillRecords(Fault fault,
			CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchTestApplication.class,
				FailingRegistryConfiguration.class)
			.properties("server.port=0", "porterbench.root=" + this.root, "porterbench.save-on-shutdown=false",
					"management.endpoints.web.exposure.include=porterbench", "test.fault=" + fault.name(),
					// the Prometheus registry on the test classpath would wrap this one
					// in a composite
					"management.prometheus.metrics.export.enabled=false")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			URI base = URI.create("http://localhost:" + port);
			for (int quantity = 1; quantity <= ORDERS; quantity++) {
				HttpResponse<String> response = send(base, "POST", "/orders?quantity=" + quantity);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(this.json.readTree(response.body()).get("price").asInt()).isEqualTo(quantity * 3);
			}
			assertThat(context.getBean(MeterRegistry.class)).isInstanceOf(FailingMeterRegistry.class);
			assertThat(output).containsOnlyOnce(fault.message);
			assertThat(output).containsOnlyOnce("IllegalStateException: " + fault.message);
			assertThat(output).containsOnlyOnce("benchmarker 'orders'").contains("WARN");
			HttpResponse<String> summary = send(base, "GET", "/actuator/porterbench/orders");
			assertThat(summary.statusCode()).isEqualTo(200);
			JsonNode orders = this.json.readTree(summary.body());
			assertThat(orders.get("iterations").asLong()).isEqualTo(ORDERS);
			assertThat(orders.get("steps").get("price").get("count").asLong()).isEqualTo(ORDERS);
			Path run = context.getBean(BenchDict.class).save();
			RunRecord record = RunRecord.load(run);
			assertThat(record.problems()).isEmpty();
			BenchRecord saved = record.bench("orders");
			assertThat(saved.iterations()).hasSize(ORDERS);
			assertThat(saved.summary().get("price").count()).isEqualTo(ORDERS);
		}
	}

	private HttpResponse<String> send(URI base, String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.method(method, BodyPublishers.noBody())
			.header("Accept", "application/json")
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

	/** The ways a registry fails on porter-bench's meters. */
	enum Fault {

		/**
		 * A meter filter that throws for every porter-bench meter: none can be
		 * registered.
		 */
		EVERY_METER_REFUSED("injected fault: this registry refuses porter-bench meters"),

		/** The registry cannot create step timers; the iteration timer works. */
		STEP_TIMERS_REFUSED("injected fault: this registry cannot make step timers"),

		/** Timers are created but recording into them throws. */
		RECORDING_FAILS("injected fault: this timer cannot record");

		final String message;

		Fault(String message) {
			this.message = message;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingRegistryConfiguration {

		@Bean
		MeterRegistry failingMeterRegistry(Environment environment) {
			Fault fault = environment.getRequiredProperty("test.fault", Fault.class);
			FailingMeterRegistry registry = new FailingMeterRegistry(fault);
			if (fault == Fault.EVERY_METER_REFUSED) {
				registry.config().meterFilter(new MeterFilter() {

					@Override
					public Meter.Id map(Meter.Id id) {
						if (id.getName().startsWith("porterbench.")) {
							throw new IllegalStateException(Fault.EVERY_METER_REFUSED.message);
						}
						return id;
					}

				});
			}
			return registry;
		}

	}

	/**
	 * A real {@link SimpleMeterRegistry} whose porter-bench timers fail as the fault
	 * says.
	 */
	static class FailingMeterRegistry extends SimpleMeterRegistry {

		private final Fault fault;

		FailingMeterRegistry(Fault fault) {
			this.fault = fault;
		}

		@Override
		protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
			if (this.fault == Fault.STEP_TIMERS_REFUSED && id.getName().equals(BenchMetricNames.STEP)) {
				throw new IllegalStateException(this.fault.message);
			}
			if (this.fault == Fault.RECORDING_FAILS && id.getName().startsWith("porterbench.")) {
				return new CumulativeTimer(id, Clock.SYSTEM, config, pauseDetector, TimeUnit.SECONDS) {

					@Override
					protected void recordNonNegative(long amount, TimeUnit unit) {
						throw new IllegalStateException(Fault.RECORDING_FAILS.message);
					}

				};
			}
			return super.newTimer(id, config, pauseDetector);
		}

		@Override
		protected <T> FunctionTimer newFunctionTimer(Meter.Id id, T obj, ToLongFunction<T> countFunction,
				ToDoubleFunction<T> totalTimeFunction, TimeUnit totalTimeFunctionUnit) {
			if (this.fault == Fault.STEP_TIMERS_REFUSED && id.getName().equals(BenchMetricNames.STEP)) {
				throw new IllegalStateException(this.fault.message);
			}
			return super.newFunctionTimer(id, obj, countFunction, totalTimeFunction, totalTimeFunctionUnit);
		}

	}

}
