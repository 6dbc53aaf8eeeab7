package io.porterbench.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers the dashboard's read-only JSON API over a {@link RunCatalog} and the
 * {@link LiveSummaries}.
 */
public final class DashboardHandler {

	// The answers are built in DashboardAnswers, so that this bean's declared methods,
	// which Spring reads at startup, name only the request and the response.
	private final DashboardAnswers answers;

	/**
	 * A handler over a catalog.
	 * @param catalog the saved runs
	 * @param live the live summaries
	 * @param defaultMaxPoints the points per line when a request does not ask for a
	 * number
	 */
	public DashboardHandler(RunCatalog catalog, LiveSummaries live, int defaultMaxPoints) {
		this.answers = new DashboardAnswers(catalog, live, defaultMaxPoints);
	}

	ServerResponse runs(ServerRequest request) {
		return this.answers.runs(request);
	}

	ServerResponse run(ServerRequest request) {
		return this.answers.run(request);
	}

	ServerResponse bench(ServerRequest request) {
		return this.answers.bench(request);
	}

	ServerResponse compare(ServerRequest request) {
		return this.answers.compare(request);
	}

	ServerResponse live(ServerRequest request) {
		return this.answers.live(request);
	}

	static ServerResponse error(HttpStatus status, String message) {
		return DashboardAnswers.error(status, message);
	}

}
