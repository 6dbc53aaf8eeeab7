package io.porterbench.dashboard;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.porterbench.BenchDict;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the porter-bench dashboard in servlet web applications: once
 * {@code porterbench.dashboard.enabled=true}, the page and its read-only JSON API at {@code porterbench.dashboard.path},
 * over the runs saved under {@code porterbench.root}, with the live summaries of the application's {@link BenchDict}
 * when it has one.
 */
@AutoConfiguration(afterName = "io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
public final class DashboardAutoConfiguration {

	/** The property naming the folder of saved runs, shared with the starter. */
	static final String ROOT_PROPERTY = "porterbench.root";

	/** The property that turns the dashboard on. */
	static final String ENABLED_PROPERTY = "porterbench.dashboard.enabled";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(ENABLED_PROPERTY)
	@EnableConfigurationProperties(DashboardProperties.class)
	static class DashboardConfiguration {

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = ENABLED_PROPERTY, havingValue = false, matchIfMissing = true)
	static class DashboardOffConfiguration {

		@Bean
		static DashboardOffNotice porterBenchDashboardOffNotice(Environment environment) {
			return new DashboardOffNotice(environment.containsProperty(ENABLED_PROPERTY));
		}

	}

	/**
	 * Says once at startup, when nobody chose either way, that the dashboard jar is on the classpath but serves nothing:
	 * a user who added it for the page learns why {@code /porterbench/} is a 404 and what turning it on implies.
	 */
	static final class DashboardOffNotice implements SmartInitializingSingleton {

		static final String MESSAGE = "porter-bench dashboard is on the classpath but off: set "
				+ ENABLED_PROPERTY + "=true to serve it, and secure its path (for example with a Spring Security"
				+ " SecurityFilterChain) wherever others can reach this application, since it shows every saved run";

		private static final Log logger = LogFactory.getLog(DashboardAutoConfiguration.class);

		private final boolean chosen;

		DashboardOffNotice(boolean chosen) {
			this.chosen = chosen;
		}

		@Override
		public void afterSingletonsInstantiated() {
			if (!this.chosen) {
				logger.info(MESSAGE);
			}
		}

	}

}
