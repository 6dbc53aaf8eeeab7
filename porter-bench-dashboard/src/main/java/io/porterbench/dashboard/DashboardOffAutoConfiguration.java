package io.porterbench.dashboard;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;

/**
 * Says once at startup, in a servlet web application that has the dashboard jar but chose
 * nothing, that the dashboard is off: a user who added the jar for the page learns why
 * {@code /porterbench/} is a 404, how to turn it on, and that its path then wants
 * securing.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty(name = DashboardOffAutoConfiguration.ENABLED_PROPERTY, havingValue = false,
		matchIfMissing = true)
public final class DashboardOffAutoConfiguration {

	static final String ENABLED_PROPERTY = "porterbench.dashboard.enabled";

	static final String MESSAGE = "porter-bench dashboard is on the classpath but off: set " + ENABLED_PROPERTY
			+ "=true to serve it, and secure its path (for example with a Spring Security SecurityFilterChain)"
			+ " wherever others can reach this application, since it shows every saved run";

	@Bean
	static DashboardOffNotice porterBenchDashboardOffNotice(Environment environment) {
		return new DashboardOffNotice(environment.containsProperty(ENABLED_PROPERTY));
	}

	/**
	 * Logs {@link #MESSAGE} once the application's singletons exist, unless the property
	 * was set to false.
	 */
	static final class DashboardOffNotice implements SmartInitializingSingleton {

		private static final Log logger = LogFactory.getLog(DashboardOffAutoConfiguration.class);

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
