package io.porterbench;

import java.util.Set;

/**
 * The rules for benchmarker names (they become file names) and step topics (they become
 * JSON keys).
 */
public final class BenchNames {

	/** The longest benchmarker name accepted. */
	public static final int MAX_BENCH_NAME_LENGTH = 128;

	/** The longest topic accepted. */
	public static final int MAX_TOPIC_LENGTH = 256;

	/** Topics the file format uses for itself. */
	public static final Set<String> RESERVED_TOPICS = Set.of("GLOBAL", "START_TIME", "STOP_TIME");

	private BenchNames() {
	}

	/**
	 * Checks a benchmarker name: 1 to 128 letters, digits, {@code _}, {@code -} or
	 * {@code .}, not starting with {@code .}, never containing {@code ..}. Such a name
	 * cannot leave the run folder on any OS.
	 * @param name the name
	 * @throws IllegalArgumentException naming what is allowed
	 */
	public static void validateBenchName(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException(
					"A benchmarker name must not be empty; use letters, digits, '_', '-' or '.'");
		}
		if (name.length() > MAX_BENCH_NAME_LENGTH) {
			throw new IllegalArgumentException("A benchmarker name has at most " + MAX_BENCH_NAME_LENGTH
					+ " characters; this one has " + name.length());
		}
		if (name.charAt(0) == '.' || name.contains("..")) {
			throw new IllegalArgumentException("Benchmarker name '" + printable(name)
					+ "' is not allowed: it must not start with '.' or contain '..'");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
				throw new IllegalArgumentException(
						"Benchmarker name '" + printable(name) + "' is not allowed: character " + describe(c)
								+ " at index " + i + "; use letters, digits, '_', '-' or '.'");
			}
		}
	}

	/**
	 * Checks a step topic: not null, not one of {@code GLOBAL}, {@code START_TIME},
	 * {@code STOP_TIME}, at most 256 characters, no control characters or unpaired
	 * surrogates. The empty topic is allowed, as in the original.
	 * @param topic the topic
	 * @throws IllegalArgumentException naming what is allowed
	 */
	public static void validateTopic(String topic) {
		if (topic == null) {
			throw new IllegalArgumentException("A step topic must not be null");
		}
		if (RESERVED_TOPICS.contains(topic)) {
			throw new IllegalArgumentException("Step topic '" + topic + "' is reserved by the file format; "
					+ "any other name is allowed except GLOBAL, START_TIME and STOP_TIME");
		}
		if (topic.length() > MAX_TOPIC_LENGTH) {
			throw new IllegalArgumentException(
					"A step topic has at most " + MAX_TOPIC_LENGTH + " characters; this one has " + topic.length());
		}
		for (int i = 0; i < topic.length(); i++) {
			char c = topic.charAt(i);
			if (Character.isISOControl(c)) {
				throw new IllegalArgumentException("Step topic '" + printable(topic)
						+ "' is not allowed: control character " + describe(c) + " at index " + i);
			}
			if (Character.isSurrogate(c)) {
				boolean paired = Character.isHighSurrogate(c) && i + 1 < topic.length()
						&& Character.isLowSurrogate(topic.charAt(i + 1));
				if (!paired) {
					throw new IllegalArgumentException(
							"Step topic '" + printable(topic) + "' is not allowed: unpaired surrogate " + describe(c)
									+ " at index " + i + " cannot be written as JSON");
				}
				i++;
			}
		}
	}

	private static String describe(char c) {
		return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)
				? String.format("U+%04X", (int) c) : "'" + c + "'";
	}

	private static String printable(String s) {
		StringBuilder out = new StringBuilder();
		int limit = Math.min(s.length(), 60);
		for (int i = 0; i < limit; i++) {
			char c = s.charAt(i);
			out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : c);
		}
		return (s.length() > limit) ? out + "..." : out.toString();
	}

}
