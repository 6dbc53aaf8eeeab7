package io.porterbench.dashboard;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.porterbench.BenchDict;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the porter-bench dashboard in servlet web applications that opt
 * in with {@code porterbench.dashboard.enabled=true}: the page and its read-only JSON API
 * at {@code porterbench.dashboard.path}, over the runs saved under
 * {@code porterbench.root}, with the live summaries of the application's
 * {@link BenchDict} when it has one.
 */
@AutoConfiguration(afterName = "io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty("porterbench.dashboard.enabled")
@EnableConfigurationProperties(DashboardProperties.class)
public final class DashboardAutoConfiguration {

	/** The property naming the folder of saved runs, shared with the starter. */
	static final String ROOT_PROPERTY = "porterbench.root";

	@Bean
	@ConditionalOnMissingBean
	RunCatalog porterBenchRunCatalog(Environment environment, ObjectProvider<BenchDict> benchDict) {
		String root = environment.getProperty(ROOT_PROPERTY);
		if (root != null && !root.isBlank()) {
			return new RunCatalog(Paths.get(root));
		}
		BenchDict dict = benchDict.getIfUnique();
		Path fallback = (dict != null) ? dict.root() : Paths.get(BenchDict.DEFAULT_ROOT);
		return new RunCatalog(fallback);
	}

	@Bean
	@ConditionalOnMissingBean
	LiveSummaries porterBenchLiveSummaries(ObjectProvider<BenchDict> benchDict) {
		return new LiveSummaries(benchDict::getIfUnique);
	}

	@Bean
	@ConditionalOnMissingBean
	DashboardHandler porterBenchDashboardHandler(RunCatalog catalog, LiveSummaries live,
			DashboardProperties properties) {
		if (properties.getMaxPoints() < 10) {
			throw new IllegalArgumentException(
					"porterbench.dashboard.max-points must be at least 10, was " + properties.getMaxPoints());
		}
		return new DashboardHandler(catalog, live, properties.getMaxPoints());
	}

	@Bean
	@ConditionalOnMissingBean
	DashboardPage porterBenchDashboardPage() {
		return new DashboardPage();
	}

	@Bean
	@ConditionalOnMissingBean(name = "porterBenchDashboardRoutes")
	RouterFunction<ServerResponse> porterBenchDashboardRoutes(DashboardHandler handler, DashboardPage page,
			DashboardProperties properties) {
		return DashboardRoutes.create(properties.normalizedPath(), handler, page);
	}

}
