package io.porterbench.boot.web;

import java.io.IOException;
import java.io.PrintWriter;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.StepListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds a {@code Server-Timing} header to each response whose request recorded an
 * iteration on its thread: one entry per step of that iteration
 * ({@code <step>;dur=<milliseconds>}, repeated calls summed, names reduced to HTTP token
 * characters, at most 32 entries with the total) and {@code total;dur=} for the whole
 * iteration.
 *
 * <p>
 * The header is written when the response is about to commit (its body stream or writer
 * is taken, it is flushed, an error or redirect is sent) or when the request ends,
 * whichever comes first. Steps recorded after that are left out: a header cannot follow a
 * committed response. The iteration is the last one closed on the request's thread, the
 * outermost of nested ones; steps on other threads are not seen.
 */
public class ServerTimingFilter extends OncePerRequestFilter implements Ordered {

	/** The header's name. */
	public static final String HEADER = "Server-Timing";

	/** Early, so that the response is wrapped before anything can commit it. */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final Log logger = LogFactory.getLog(ServerTimingFilter.class);

	private static final ThreadLocal<@Nullable RequestTimings> CURRENT = new ThreadLocal<>();

	private final BenchDict benchDict;

	/**
	 * A filter that listens to every benchmarker of the registry, present and future.
	 * @param benchDict the registry
	 */
	public ServerTimingFilter(BenchDict benchDict) {
		this.benchDict = benchDict;
		StepListener listener = new RequestStepListener();
		benchDict.addListener((bench) -> bench.addStepListener(listener));
	}

	@Override
	public int getOrder() {
		return DEFAULT_ORDER;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestTimings previous = CURRENT.get();
		RequestTimings timings = new RequestTimings();
		TimingResponse wrapped = new TimingResponse(response, timings);
		CURRENT.set(timings);
		try {
			chain.doFilter(request, wrapped);
		}
		finally {
			CURRENT.set(previous);
		}
		wrapped.beforeCommit();
	}

	private void writeHeader(HttpServletResponse response, RequestTimings timings) {
		try {
			String value = timings.commit(this.benchDict.current());
			if (value != null && !response.isCommitted()) {
				response.addHeader(HEADER, value);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("porter-bench could not add the Server-Timing header", ex);
		}
	}

	private static final class RequestStepListener implements StepListener {

		@Override
		public void onStep(Benchmarker bench, String topic, long nanos) {
			RequestTimings timings = CURRENT.get();
			if (timings != null) {
				timings.step(bench, topic, nanos);
			}
		}

		@Override
		public void onIteration(Benchmarker bench, long nanos) {
			RequestTimings timings = CURRENT.get();
			if (timings != null) {
				timings.iteration(bench, nanos);
			}
		}

	}

	/**
	 * Writes the header, once, just before the response commits.
	 */
	private final class TimingResponse extends HttpServletResponseWrapper {

		private final RequestTimings timings;

		private boolean written;

		TimingResponse(HttpServletResponse response, RequestTimings timings) {
			super(response);
			this.timings = timings;
		}

		void beforeCommit() {
			if (!this.written) {
				this.written = true;
				writeHeader((HttpServletResponse) getResponse(), this.timings);
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			beforeCommit();
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			beforeCommit();
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			beforeCommit();
			super.flushBuffer();
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			beforeCommit();
			super.sendError(sc, msg);
		}

		@Override
		public void sendError(int sc) throws IOException {
			beforeCommit();
			super.sendError(sc);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			beforeCommit();
			super.sendRedirect(location);
		}

	}

}
