package io.porterbench.dashboard;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The response headers that keep run data inert in the browser, on every answer of the
 * dashboard's routes: the page, its assets and the JSON API, errors included. Run folder,
 * benchmarker and step names come from files anyone may have written, so the page draws
 * them as text, and the policy below stops any markup that slipped through from running
 * or loading anything from elsewhere.
 */
final class SecurityHeaders {

	/**
	 * Scripts, styles, images and connections from the dashboard's own origin only; no
	 * inline script or style, no plugins, no framing, no {@code <base>} rewriting.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
			+ " img-src 'self'; connect-src 'self'; font-src 'self'; manifest-src 'self'; object-src 'none';"
			+ " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
			"X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");

	private SecurityHeaders() {
	}

	/**
	 * The filter that adds the headers to every response of the routes it filters.
	 * @return the filter
	 */
	static HandlerFilterFunction<ServerResponse, ServerResponse> filter() {
		return (request, next) -> new Secured(next.handle(request));
	}

	/**
	 * Sets the headers on the servlet response before the wrapped response writes itself:
	 * responses built by {@code ServerResponse} are immutable, and the resource handler's
	 * are built out of reach.
	 */
	private static final class Secured implements ServerResponse {

		private final ServerResponse delegate;

		private final HttpHeaders headers;

		Secured(ServerResponse delegate) {
			this.delegate = delegate;
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(delegate.headers());
			HEADERS.forEach(headers::set);
			this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		}

		@Override
		public HttpStatusCode statusCode() {
			return this.delegate.statusCode();
		}

		@Override
		public HttpHeaders headers() {
			return this.headers;
		}

		@Override
		public MultiValueMap<String, Cookie> cookies() {
			return this.delegate.cookies();
		}

		@Override
		public ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response, Context context)
				throws ServletException, IOException {
			HEADERS.forEach(response::setHeader);
			return this.delegate.writeTo(request, response, context);
		}

	}

}
