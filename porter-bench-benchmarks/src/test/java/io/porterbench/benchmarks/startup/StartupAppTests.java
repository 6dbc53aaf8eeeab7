package io.porterbench.benchmarks.startup;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.porterbench.BenchDict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application {@link StartupCheck} starts, with porter-bench as the check's first
 * kind of start has it, and the class path of the second kind.
 */
class StartupAppTests {

	@TempDir
	Path root;

	@Test
	void withPorterBenchTheApplicationHasTheStarterTheDashboardAndTheEndpoint() {
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setDefaultProperties(StartupApp.properties(this.root.toString()));
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getBeanNamesForType(BenchDict.class)).hasSize(1);
			assertThat(context.getBeanNamesForType(io.porterbench.dashboard.DashboardHandler.class)).hasSize(1);
			assertThat(context.getBeanNamesForType(io.porterbench.boot.actuate.PorterBenchEndpoint.class)).hasSize(1);
			assertThat(StartupApp.porterBenchBeans(context)).isGreaterThan(3);
		}
	}

	@Test
	void theClassPathWithoutPorterBenchKeepsEverythingElse() {
		String classPath = String.join(File.pathSeparator, "/repo/porter-bench-core/target/classes",
				"/m2/org/springframework/boot/spring-boot/4.0.7/spring-boot-4.0.7.jar",
				"/m2/io/porterbench/porter-bench-spring-boot-starter/0.1.0/porter-bench-spring-boot-starter-0.1.0.jar",
				"/repo/porter-bench-dashboard/target/classes", "/repo/porter-bench-benchmarks/target/test-classes");
		assertThat(StartupCheck.withoutPorterBench(classPath)).isEqualTo(
				String.join(File.pathSeparator, "/m2/org/springframework/boot/spring-boot/4.0.7/spring-boot-4.0.7.jar",
						"/repo/porter-bench-benchmarks/target/test-classes"));
	}

}
