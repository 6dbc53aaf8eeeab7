package io.porterbench.dashboard;

import java.net.URI;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard's routes under its path: the page, its assets, Chart.js from the webjar,
 * and the read-only JSON API. Only GET (and HEAD for static files) is routed. Every
 * answer carries a Content-Security-Policy that allows nothing but the dashboard's own
 * origin, {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer}.
 */
public final class DashboardRoutes {

	private DashboardRoutes() {
	}

	/**
	 * Builds now the routes that the dashboard's auto-configuration otherwise builds,
	 * with its handler, page and catalog, on the first request under the dashboard's
	 * path: for an application that exists to show the dashboard.
	 * @param routes the {@code porterBenchDashboardRoutes} bean; any other router
	 * function is left as it is
	 */
	public static void buildNow(RouterFunction<?> routes) {
		if (routes instanceof LazyDashboardRoutes lazy) {
			lazy.build();
		}
	}

	/**
	 * Builds the routes.
	 * @param path the normalized dashboard path, for example {@code /porterbench}
	 * @param handler the API
	 * @param page the page
	 * @return the routes
	 */
	public static RouterFunction<ServerResponse> create(String path, DashboardHandler handler, DashboardPage page) {
		String api = path + "/api";
		return RouterFunctions.route()
			.GET(path, (request) -> ServerResponse.status(HttpStatus.FOUND).location(URI.create(path + "/")).build())
			.GET(path + "/", page::render)
			.GET(path + "/index.html", page::render)
			.GET(api + "/runs", handler::runs)
			.GET(api + "/runs/{run}", handler::run)
			.GET(api + "/runs/{run}/benches/{bench}", handler::bench)
			.GET(api + "/compare", handler::compare)
			.GET(api + "/live", handler::live)
			.resources(path + "/assets/**", new ClassPathResource(DashboardPage.ASSETS + "assets/"))
			.resources(path + "/webjars/chart.js/**", new ClassPathResource(DashboardPage.CHART_JS_WEBJAR))
			.filter(SecurityHeaders.filter())
			.onError(NoSuchRunException.class,
					(ex, request) -> DashboardHandler.error(HttpStatus.NOT_FOUND, ex.getMessage()))
			.onError(IllegalArgumentException.class,
					(ex, request) -> DashboardHandler.error(HttpStatus.BAD_REQUEST, ex.getMessage()))
			.build();
	}

}
