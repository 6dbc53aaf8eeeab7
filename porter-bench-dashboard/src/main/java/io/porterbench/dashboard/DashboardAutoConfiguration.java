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
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the porter-bench dashboard in servlet web applications that opt
 * in with {@code porterbench.dashboard.enabled=true}: the page and its read-only JSON API
 * at {@code porterbench.dashboard.path}, over the runs saved under
 * {@code porterbench.root}, with the live summaries of the application's
 * {@link BenchDict} when it has one.
 *
 * <p>
 * The routes and their properties are checked at startup; the catalog, the live
 * summaries, the handler and the page are created with the routes on the first request
 * under the dashboard's path (see {@link LazyDashboardRoutes}).
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
	@Lazy
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
	@Lazy
	@ConditionalOnMissingBean
	LiveSummaries porterBenchLiveSummaries(ObjectProvider<BenchDict> benchDict) {
		return new LiveSummaries(benchDict::getIfUnique);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	DashboardHandler porterBenchDashboardHandler(RunCatalog catalog, LiveSummaries live,
			DashboardProperties properties) {
		return new DashboardHandler(catalog, live, maxPoints(properties));
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	DashboardPage porterBenchDashboardPage() {
		return new DashboardPage();
	}

	@Bean
	@ConditionalOnMissingBean(name = "porterBenchDashboardRoutes")
	RouterFunction<ServerResponse> porterBenchDashboardRoutes(ObjectProvider<DashboardHandler> handler,
			ObjectProvider<DashboardPage> page, DashboardProperties properties) {
		// A bad property still fails the startup, not the first request.
		maxPoints(properties);
		String path = properties.normalizedPath();
		return new LazyDashboardRoutes(path, () -> DashboardRoutes.create(path, handler.getObject(), page.getObject()));
	}

	private static int maxPoints(DashboardProperties properties) {
		if (properties.getMaxPoints() < 10) {
			throw new IllegalArgumentException(
					"porterbench.dashboard.max-points must be at least 10, was " + properties.getMaxPoints());
		}
		return properties.getMaxPoints();
	}

}
