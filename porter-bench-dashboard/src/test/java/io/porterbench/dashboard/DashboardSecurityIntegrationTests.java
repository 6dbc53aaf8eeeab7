package io.porterbench.dashboard;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's Spring Security guards the dashboard like any of its routes: the
 * {@code SecurityFilterChain} of docs/security.md, with basic and with form login, over
 * real HTTP.
 */
class DashboardSecurityIntegrationTests {

	private static final List<String> GUARDED = List.of("/porterbench", "/porterbench/", "/porterbench/api/runs",
			"/porterbench/api/live", "/porterbench/assets/dashboard.js");

	@TempDir
	Path root;

	private ConfigurableApplicationContext context;

	private String base;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private void start(Class<?> application) {
		SpringApplication spring = new SpringApplication(application);
		// src/test/resources/application.properties keeps Spring Security out of the
		// other tests' applications.
		spring.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1", "porterbench.root",
				this.root.toString(), "porterbench.dashboard.enabled", "true", "spring.main.banner-mode", "off"));
		this.context = spring.run("--spring.autoconfigure.exclude=");
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.base = "http://127.0.0.1:" + port;
	}

	private HttpResponse<String> get(HttpClient http, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void withBasicLoginThePageAndTheApiAnswer401WithoutCredentialsAnd200WithThem() throws Exception {
		String run = CoreRuns.write(this.root, "pipeline", 5, "load", 1).getFileName().toString();
		start(BasicLoginApplication.class);
		HttpClient http = HttpClient.newHttpClient();
		for (String path : GUARDED) {
			HttpResponse<String> anonymous = get(http, path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(anonymous.body()).as(path).doesNotContain(run);
			assertThat(get(http, path, "Authorization", basic("bench", "wrong")).statusCode()).as(path).isEqualTo(401);
		}
		for (String path : List.of("/porterbench/", "/porterbench/api/runs", "/porterbench/api/runs/" + run,
				"/porterbench/assets/dashboard.js")) {
			HttpResponse<String> response = get(http, path, "Authorization", basic("bench", "s3cret"));
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
			assertThat(response.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
		}
		assertThat(get(http, "/porterbench/api/runs", "Authorization", basic("bench", "s3cret")).body()).contains(run);
		assertThat(get(http, "/porterbench/", "Authorization", basic("bench", "s3cret")).body())
			.contains("<title>porter-bench dashboard</title>");
		assertThat(get(http, "/elsewhere").statusCode()).as("a route outside the chain").isEqualTo(404);
	}

	@Test
	void withFormLoginThePageAndTheApiRedirectToTheLoginPageUntilLoggedIn() throws Exception {
		String run = CoreRuns.write(this.root, "pipeline", 5, "load", 1).getFileName().toString();
		start(FormLoginApplication.class);
		HttpClient anonymous = HttpClient.newHttpClient();
		for (String path : GUARDED) {
			HttpResponse<String> response = get(anonymous, path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(path).hasValue(this.base + "/login");
		}
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(get(browser, "/porterbench/api/runs").statusCode()).isEqualTo(302);
		HttpResponse<String> loginPage = get(browser, "/login");
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as(loginPage.body()).isTrue();
		String form = "username=bench&password=" + URLEncoder.encode("s3cret", StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		HttpResponse<String> runs = get(browser, "/porterbench/api/runs");
		assertThat(runs.statusCode()).isEqualTo(200);
		assertThat(runs.body()).contains(run);
		assertThat(get(browser, "/porterbench/").statusCode()).isEqualTo(200);
	}

	/** The users of both applications: one who may read the runs. */
	static UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("bench").password("{noop}s3cret").roles("OPS").build());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BasicLoginApplication {

		/** The dashboard's chain of docs/security.md, word for word. */
		@Bean
		@Order(2)
		SecurityFilterChain porterBenchDashboardSecurity(HttpSecurity http) throws Exception {
			http.securityMatcher("/porterbench/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().hasAnyRole("OPS", "ADMIN"))
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return users();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FormLoginApplication {

		@Bean
		SecurityFilterChain porterBenchSecurity(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/porterbench/**")
					.hasAnyRole("OPS", "ADMIN")
					.anyRequest()
					.permitAll())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return users();
		}

	}

}
