package io.porterbench.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The porter-bench demo: a small shop whose order pipeline, training job and data
 * pipeline are benchmarked.
 *
 * <p>
 * This class imports nothing from porter-bench. The starter on the classpath is enough:
 * its auto-configuration creates the {@code BenchDict}, applies
 * {@code @BenchStep}/{@code @BenchIteration}, publishes Micrometer meters and the
 * {@code /actuator/porterbench} endpoint, and the dashboard jar serves
 * {@code /porterbench/} once {@code application.yml} turns it on
 * ({@code porterbench.dashboard.enabled=true}). The tour, in the order worth reading:
 * <ol>
 * <li>{@link io.porterbench.demo.orders.OrderController}: one HTTP request = one
 * iteration, four services = four steps, with annotations only. Each response carries
 * them in a {@code Server-Timing} header (opted in in {@code application.yml}), which the
 * browser's developer tools show under Network, Timing.</li>
 * <li>{@link io.porterbench.demo.jobs.TrainingJob}: the plain Java API, {@code IterBench}
 * and memory tracking with the peak poller.</li>
 * <li>{@link io.porterbench.demo.jobs.PipelineJob}:
 * {@code gstep}/{@code step}/{@code gstop} by hand, with auto-save every four
 * iterations.</li>
 * <li>{@link io.porterbench.demo.load.LoadGenerator}: traffic, so the charts have data as
 * soon as the app is up.</li>
 * </ol>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DemoApplication {

	/**
	 * Starts the demo on port 8080 (or {@code --server.port}).
	 * @param args Spring Boot command line arguments, for example
	 * {@code --demo.load.enabled=false}
	 */
	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
