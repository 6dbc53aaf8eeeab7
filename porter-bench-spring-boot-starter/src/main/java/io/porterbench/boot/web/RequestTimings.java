package io.porterbench.boot.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.porterbench.Benchmarker;
import org.jspecify.annotations.Nullable;

/**
 * The steps recorded on one request's thread until its response is committed, per
 * benchmarker, with repeated calls of a step summed, and the header value they make.
 */
final class RequestTimings {

	/**
	 * The most entries of a header, {@code total} included, so a step-heavy iteration
	 * cannot make it huge.
	 */
	static final int MAX_ENTRIES = 32;

	private final Map<Benchmarker, Map<String, Long>> steps = new LinkedHashMap<>();

	private @Nullable Benchmarker closedBench;

	private long closedNanos;

	private boolean committed;

	void step(Benchmarker bench, String topic, long nanos) {
		if (!this.committed && !Benchmarker.GSTOP.equals(topic)) {
			this.steps.computeIfAbsent(bench, (key) -> new LinkedHashMap<>()).merge(topic, nanos, Long::sum);
		}
	}

	void iteration(Benchmarker bench, long nanos) {
		if (!this.committed) {
			// The last iteration closed is the outermost one of the request.
			this.closedBench = bench;
			this.closedNanos = nanos;
		}
	}

	/**
	 * Ends the collection: later steps belong to a response already on its way.
	 * @param openBench the benchmarker whose iteration is open on the thread now, if any
	 * @return the header value, or {@code null} when the request recorded no iteration
	 */
	@Nullable String commit(@Nullable Benchmarker openBench) {
		this.committed = true;
		Benchmarker bench = (this.closedBench != null) ? this.closedBench : openBench;
		Map<String, Long> recorded = (bench != null) ? this.steps.get(bench) : null;
		if (recorded == null && this.closedBench == null) {
			return null;
		}
		StringBuilder header = new StringBuilder();
		int entries = 0;
		if (recorded != null) {
			for (Map.Entry<String, Long> step : recorded.entrySet()) {
				if (entries == MAX_ENTRIES - 1) {
					break;
				}
				append(header, token(step.getKey()), step.getValue());
				entries++;
			}
		}
		if (this.closedBench != null) {
			append(header, "total", this.closedNanos);
		}
		return header.toString();
	}

	private static void append(StringBuilder header, String name, long nanos) {
		if (!header.isEmpty()) {
			header.append(", ");
		}
		header.append(name).append(";dur=").append(String.format(Locale.ROOT, "%.3f", nanos / 1e6));
	}

	/**
	 * A step's topic as an HTTP token (RFC 9110): every other character becomes
	 * {@code _}.
	 * @param topic the topic
	 * @return the token, never empty
	 */
	static String token(String topic) {
		if (topic.isEmpty()) {
			return "_";
		}
		StringBuilder token = new StringBuilder(topic.length());
		for (int i = 0; i < topic.length(); i++) {
			char c = topic.charAt(i);
			token.append(isTokenChar(c) ? c : '_');
		}
		return token.toString();
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

}
