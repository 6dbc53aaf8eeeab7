package io.porterbench.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard's routes, built with the handler, the page and the catalog on the first
 * request that may be the dashboard's, so that an application that never opens the
 * dashboard does not pay for them at startup.
 *
 * <p>
 * Until then a request is routed only when its path could be under the dashboard's: its
 * first segments are the dashboard's ignoring case, or it has an escape or a matrix
 * variable that a path pattern would decode or drop. That test accepts every path the
 * routes accept, so the routes answer exactly as if they had been built at startup. The
 * visitors that Spring MVC's {@code RouterFunctionMapping} applies at startup (the path
 * pattern parser of the application, the supported API versions) are kept and applied to
 * the routes when they are built; any other visitor (the actuator's mappings) builds them
 * at once.
 */
final class LazyDashboardRoutes implements RouterFunction<ServerResponse> {

	// The visitors RouterFunctionMapping.afterPropertiesSet applies, by name: both are
	// package-private in Spring MVC. Another name only costs the laziness, never an
	// answer.
	private static final List<String> STARTUP_VISITORS = List.of(
			"org.springframework.web.servlet.function.ChangePathPatternParserVisitor",
			"org.springframework.web.servlet.function.support.SupportedVersionVisitor");

	private final String path;

	private final Supplier<RouterFunction<ServerResponse>> factory;

	private final List<RouterFunctions.Visitor> pending = new ArrayList<>();

	private volatile RouterFunction<ServerResponse> routes;

	/**
	 * Creates the routes.
	 * @param path the normalized dashboard path, for example {@code /porterbench}
	 * @param factory builds the routes on first use
	 */
	LazyDashboardRoutes(String path, Supplier<RouterFunction<ServerResponse>> factory) {
		this.path = path;
		this.factory = factory;
	}

	@Override
	public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
		RouterFunction<ServerResponse> built = this.routes;
		if (built == null) {
			if (!mayBeUnder(request.requestPath().pathWithinApplication().value())) {
				return Optional.empty();
			}
			built = routes();
		}
		return built.route(request);
	}

	@Override
	public void accept(RouterFunctions.Visitor visitor) {
		synchronized (this) {
			if (this.routes == null && STARTUP_VISITORS.contains(visitor.getClass().getName())) {
				this.pending.add(visitor);
				return;
			}
		}
		routes().accept(visitor);
	}

	/**
	 * Whether the routes have been built.
	 * @return true after the first request under the dashboard's path
	 */
	boolean isBuilt() {
		return this.routes != null;
	}

	/**
	 * Builds the routes now, when they are not built yet.
	 */
	void build() {
		routes();
	}

	boolean mayBeUnder(String requestPath) {
		int length = this.path.length();
		if (requestPath.regionMatches(true, 0, this.path, 0, length)
				&& (requestPath.length() == length || requestPath.charAt(length) == '/')) {
			return true;
		}
		return requestPath.indexOf('%') >= 0 || requestPath.indexOf(';') >= 0;
	}

	private RouterFunction<ServerResponse> routes() {
		RouterFunction<ServerResponse> built = this.routes;
		if (built != null) {
			return built;
		}
		synchronized (this) {
			if (this.routes == null) {
				RouterFunction<ServerResponse> created = this.factory.get();
				this.pending.forEach(created::accept);
				this.pending.clear();
				this.routes = created;
			}
			return this.routes;
		}
	}

	@Override
	public String toString() {
		RouterFunction<ServerResponse> built = this.routes;
		return (built != null) ? built.toString() : "porter-bench dashboard under " + this.path + " (on first request)";
	}

}
