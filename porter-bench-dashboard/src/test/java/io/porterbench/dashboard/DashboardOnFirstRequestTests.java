package io.porterbench.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.porterbench.dashboard.cli.DashboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's catalog, live summaries, handler and page are created on the first
 * request under the dashboard's path, not at startup, and then answer as before.
 */
class DashboardOnFirstRequestTests {

	private static final List<String> ON_FIRST_REQUEST = List.of("porterBenchRunCatalog", "porterBenchLiveSummaries",
			"porterBenchDashboardHandler", "porterBenchDashboardPage");

	private final WebApplicationContextRunner enabled = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DashboardAutoConfiguration.class))
		.withPropertyValues("porterbench.dashboard.enabled=true");

	@TempDir
	Path root;

	@Test
	void theStartupDefinesTheDashboardsBeansButCreatesOnlyItsRoutes() {
		this.enabled.withPropertyValues("porterbench.root=" + this.root).run((context) -> {
			assertThat(context).hasNotFailed().hasBean("porterBenchDashboardRoutes");
			for (String name : ON_FIRST_REQUEST) {
				assertThat(context.containsBeanDefinition(name)).as(name).isTrue();
				assertThat(context.getBeanFactory().containsSingleton(name)).as(name).isFalse();
			}
			assertThat(context.getBean("porterBenchDashboardRoutes", LazyDashboardRoutes.class).isBuilt()).isFalse();
			assertThat(context.getBean(RunCatalog.class).root()).isEqualTo(this.root);
			assertThat(context.getBeanFactory().containsSingleton("porterBenchRunCatalog")).isTrue();
		});
	}

	@Test
	void aMaxPointsBelowTenStillFailsTheStartup() {
		this.enabled.withPropertyValues("porterbench.dashboard.max-points=9")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("porterbench.dashboard.max-points must be at least 10, was 9"));
	}

	@Test
	void otherRequestsLeaveTheDashboardUnbuiltAndTheFirstOneUnderItsPathBuildsItAndIsAnswered() throws Exception {
		String run = CoreRuns.write(this.root, "pipeline", 5, "load", 1, "process", 2).getFileName().toString();
		try (ConfigurableApplicationContext context = start(Application.class)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			LazyDashboardRoutes routes = context.getBean("porterBenchDashboardRoutes", LazyDashboardRoutes.class);
			assertThat(RawHttp.get(port, "/elsewhere").status()).isEqualTo(404);
			assertThat(RawHttp.get(port, "/porterbenchmark/api/runs").status()).isEqualTo(404);
			assertThat(routes.isBuilt()).isFalse();
			for (String name : ON_FIRST_REQUEST) {
				assertThat(context.getBeanFactory().containsSingleton(name)).as(name).isFalse();
			}

			RawHttp.Response runs = RawHttp.get(port, "/porterbench/api/runs");
			assertThat(runs.status()).as(runs.body()).isEqualTo(200);
			assertThat(runs.body()).contains("\"" + run + "\"");
			assertThat(runs.head()).contains("Content-Security-Policy");
			assertThat(routes.isBuilt()).isTrue();
			for (String name : ON_FIRST_REQUEST) {
				assertThat(context.getBeanFactory().containsSingleton(name)).as(name).isTrue();
			}
			RawHttp.Response page = RawHttp.get(port, "/porterbench/");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("webjars/chart.js/").contains("/dist/chart.umd.min.js");
			assertThat(RawHttp.get(port, "/porterbench").status()).isEqualTo(302);
			assertThat(RawHttp.get(port, "/porterbench/api/runs/2000-01-01_00-00-00").status()).isEqualTo(404);
			assertThat(RawHttp.get(port, "/elsewhere").status()).isEqualTo(404);
		}
	}

	@Test
	void theApplicationsPathPatternParserStillAppliesToRoutesBuiltOnTheFirstRequest() {
		String run = CoreRuns.write(this.root, "pipeline", 5, "load", 1).getFileName().toString();
		try (ConfigurableApplicationContext context = start(CaseInsensitiveApplication.class)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(context.getBean("porterBenchDashboardRoutes", LazyDashboardRoutes.class).isBuilt()).isFalse();
			RawHttp.Response runs = RawHttp.get(port, "/PorterBench/API/runs");
			assertThat(runs.status()).as(runs.body()).isEqualTo(200);
			assertThat(runs.body()).contains("\"" + run + "\"");
		}
	}

	@Test
	void theStandaloneDashboardIsBuiltAtStartup() {
		try (ConfigurableApplicationContext context = DashboardServer.start(this.root, 0, "/porterbench")) {
			assertThat(context.getBean("porterBenchDashboardRoutes", LazyDashboardRoutes.class).isBuilt()).isTrue();
			for (String name : ON_FIRST_REQUEST) {
				assertThat(context.getBeanFactory().containsSingleton(name)).as(name).isTrue();
			}
		}
	}

	@Test
	void buildingNowLeavesOtherRouterFunctionsAlone() {
		RouterFunction<ServerResponse> other = RouterFunctions.route()
			.GET("/x", (request) -> ServerResponse.ok().build())
			.build();
		DashboardRoutes.buildNow(other);
		LazyDashboardRoutes lazy = new LazyDashboardRoutes("/porterbench", () -> other);
		DashboardRoutes.buildNow(lazy);
		assertThat(lazy.isBuilt()).isTrue();
		assertThat(lazy).hasToString(other.toString());
	}

	@Test
	void beforeTheFirstRequestOnlyPathsThatMayBeTheDashboardsBuildTheRoutes() {
		LazyDashboardRoutes routes = new LazyDashboardRoutes("/tools/bench", () -> {
			throw new AssertionError("not built by a test of the path");
		});
		assertThat(routes.mayBeUnder("/tools/bench")).isTrue();
		assertThat(routes.mayBeUnder("/tools/bench/api/runs")).isTrue();
		assertThat(routes.mayBeUnder("/TOOLS/Bench/")).isTrue();
		assertThat(routes.mayBeUnder("/tools/%62ench/")).isTrue();
		assertThat(routes.mayBeUnder("/tools;v=1/bench/")).isTrue();
		assertThat(routes.mayBeUnder("/tools")).isFalse();
		assertThat(routes.mayBeUnder("/tools/bunch/")).isFalse();
		assertThat(routes.mayBeUnder("/")).isFalse();
		assertThat(routes.isBuilt()).isFalse();
		assertThat(routes).hasToString("porter-bench dashboard under /tools/bench (on first request)");
	}

	private ConfigurableApplicationContext start(Class<?> application) {
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.SERVLET);
		spring.setDefaultProperties(Map.of("porterbench.root", this.root.toString(), "porterbench.dashboard.enabled",
				"true", "server.port", "0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off"));
		return spring.run();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CaseInsensitiveApplication {

		@Bean
		WebMvcConfigurer caseInsensitivePaths() {
			return new WebMvcConfigurer() {

				@Override
				public void configurePathMatch(PathMatchConfigurer configurer) {
					PathPatternParser parser = new PathPatternParser();
					parser.setCaseSensitive(false);
					configurer.setPatternParser(parser);
				}

			};
		}

	}

}
