package io.porterbench.record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the three run files straight from Jackson's token stream into records, without
 * building a tree first, so a 100,000-iteration file costs its records and little more.
 * Only an {@code extra} value is read as a tree.
 *
 * <p>
 * Written for both writers: the Python original (four summary keys, {@code START_TIME}
 * {@code []} in its start/gstop flow, integers where floats are expected) and ours (extra
 * summary keys and memory sample keys). Unknown keys are skipped, so newer files stay
 * readable. A missing required key or a value of the wrong type is a
 * {@link RunFormatException} whose message starts with the location, such as
 * {@code $[3].info.STOP_TIME}.
 */
final class RunFileParser {

	private static final String INFO = "info";

	private static final String CRONO_COUNTER = "crono_counter";

	private static final String EXTRA = "extra";

	private static final double TWO_TO_THE_63 = 0x1p63;

	private final JsonParser parser;

	private final ObjectMapper mapper;

	private final CompactIterations shapes = new CompactIterations();

	/**
	 * A parser positioned on the first token of the file's value.
	 * @param parser the token stream
	 * @param mapper reads {@code extra} values as trees
	 */
	RunFileParser(JsonParser parser, ObjectMapper mapper) {
		this.parser = parser;
		this.mapper = mapper;
	}

	/**
	 * Reads a DATA file.
	 * @return the iterations, in file order
	 */
	List<SavedIteration> iterations() {
		List<SavedIteration> iterations = new ArrayList<>();
		forEachElement("a list of iterations", () -> iterations.add(iteration()));
		return Collections.unmodifiableList(iterations);
	}

	/**
	 * Reads a SUMMARY file.
	 * @return the steps, in file order
	 */
	Map<String, SavedStepSummary> summary() {
		Map<String, SavedStepSummary> steps = new LinkedHashMap<>();
		forEachField("an object of steps", (name) -> steps.put(name, stepSummary()));
		return Collections.unmodifiableMap(steps);
	}

	/**
	 * Reads a MEMORY file.
	 * @return the memory iterations, in file order
	 */
	List<SavedMemoryIteration> memory() {
		List<SavedMemoryIteration> iterations = new ArrayList<>();
		forEachElement("a list of memory iterations", () -> iterations.add(memoryIteration()));
		return Collections.unmodifiableList(iterations);
	}

	private SavedIteration iteration() {
		IterationParts parts = new IterationParts();
		forEachField("an iteration object", (name) -> {
			switch (name) {
				case "absolutes" -> parts.absolutes = absolutes();
				case INFO -> parts.info = info();
				case "individual_calls" -> parts.calls = calls();
				case "extra" -> parts.extra = extra();
				default -> skip();
			}
		});
		require(parts.absolutes, "absolutes");
		require(parts.info, INFO);
		require(parts.calls, "individual_calls");
		return new SavedIteration(parts.info.stepNumber, parts.info.startTime, parts.info.stopTime, parts.absolutes,
				parts.calls, parts.info.host, parts.info.pid, parts.extra);
	}

	private Info info() {
		InfoParts parts = new InfoParts();
		forEachField("an object", (name) -> {
			switch (name) {
				case "STEP_NUMBER" -> parts.stepNumber = whole();
				case "START_TIME" -> parts.startTime = startTime();
				case "STOP_TIME" -> parts.stopTime = number();
				case "HOST" -> parts.host = string();
				case "PID" -> parts.pid = whole();
				default -> skip();
			}
		});
		require(parts.stepNumber, "STEP_NUMBER");
		require(parts.stopTime, "STOP_TIME");
		return new Info(parts.stepNumber, parts.startTime, parts.stopTime, parts.host, parts.pid);
	}

	private double startTime() {
		// The original writes [] when an iteration was opened by start() rather than
		// gstep().
		JsonToken token = this.parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return Double.NaN;
		}
		if (token == JsonToken.START_ARRAY) {
			if (this.parser.nextToken() != JsonToken.END_ARRAY) {
				throw fail("START_TIME should be a number, or [] when it was never set; found a list with items");
			}
			return Double.NaN;
		}
		return number();
	}

	private Map<String, Double> absolutes() {
		this.shapes.startTimes();
		forEachField("an object of step times", (name) -> this.shapes.time(name, number()));
		return this.shapes.times();
	}

	private Map<String, List<SavedCall>> calls() {
		this.shapes.startCalls();
		forEachField("an object of step calls", (name) -> {
			forEachElement("a list of calls", this::call);
			this.shapes.endCallTopic(name);
		});
		return this.shapes.calls();
	}

	private void call() {
		CallParts parts = new CallParts();
		forEachField("a call object", (name) -> {
			switch (name) {
				case "time" -> parts.time = number();
				case CRONO_COUNTER -> parts.cronoCounter = intValue();
				case EXTRA -> parts.extra = extra();
				default -> skip();
			}
		});
		require(parts.time, "time");
		require(parts.cronoCounter, CRONO_COUNTER);
		this.shapes.call(parts.time, parts.cronoCounter, parts.extra);
	}

	private SavedStepSummary stepSummary() {
		SummaryParts parts = new SummaryParts();
		forEachField("an object of statistics", (name) -> {
			switch (name) {
				case "mean" -> parts.mean = number();
				case "min" -> parts.min = number();
				case "max" -> parts.max = number();
				case "quantile_filtered" -> parts.quantileFiltered = number();
				case "count" -> parts.count = optionalWhole();
				case "total" -> parts.total = optionalNumber();
				case "std" -> parts.std = optionalNumber();
				case "p50" -> parts.p50 = optionalNumber();
				case "p90" -> parts.p90 = optionalNumber();
				case "p99" -> parts.p99 = optionalNumber();
				default -> skip();
			}
		});
		require(parts.mean, "mean");
		require(parts.min, "min");
		require(parts.max, "max");
		require(parts.quantileFiltered, "quantile_filtered");
		return new SavedStepSummary(parts.mean, parts.min, parts.max, parts.quantileFiltered, parts.count, parts.total,
				parts.std, parts.p50, parts.p90, parts.p99);
	}

	private SavedMemoryIteration memoryIteration() {
		MemoryParts parts = new MemoryParts();
		forEachField("a memory iteration object", (name) -> {
			switch (name) {
				case INFO -> parts.info = info();
				case "data" -> parts.samples = samples();
				default -> skip();
			}
		});
		require(parts.info, INFO);
		require(parts.samples, "data");
		return new SavedMemoryIteration(parts.info.stepNumber, parts.info.startTime, parts.info.stopTime, parts.samples,
				parts.info.host, parts.info.pid);
	}

	private Map<String, List<SavedMemorySample>> samples() {
		Map<String, List<SavedMemorySample>> samples = new LinkedHashMap<>();
		forEachField("an object of samples", (name) -> {
			List<SavedMemorySample> list = new ArrayList<>(1);
			forEachElement("a list of samples", () -> list.add(sample()));
			samples.put(name, Collections.unmodifiableList(list));
		});
		return Collections.unmodifiableMap(samples);
	}

	private SavedMemorySample sample() {
		SampleParts parts = new SampleParts();
		forEachField("a sample object", (name) -> {
			switch (name) {
				case "total memory usage" -> parts.totalMemory = optionalWhole();
				case "cuda memory usage" -> parts.cuda = cuda();
				case "top_memory_objects" -> parts.topObjects = topObjects();
				case CRONO_COUNTER -> parts.cronoCounter = intValue();
				case EXTRA -> parts.extra = extra();
				case "max memory usage" -> parts.maxMemory = optionalWhole();
				case "heap used" -> parts.heapUsed = optionalWhole();
				case "heap committed" -> parts.heapCommitted = optionalWhole();
				default -> skip();
			}
		});
		require(parts.cronoCounter, CRONO_COUNTER);
		return new SavedMemorySample(parts.totalMemory, parts.cuda, parts.topObjects, parts.cronoCounter, parts.extra,
				parts.maxMemory, parts.heapUsed, parts.heapCommitted);
	}

	private Map<String, Long> cuda() {
		if (this.parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		Map<String, Long> cuda = new LinkedHashMap<>();
		forEachField("null or an object of byte counts", (name) -> cuda.put(name, whole()));
		return Collections.unmodifiableMap(cuda);
	}

	private List<SavedMemorySample.TopObject> topObjects() {
		if (this.parser.currentToken() == JsonToken.VALUE_NULL) {
			return List.of();
		}
		List<SavedMemorySample.TopObject> objects = new ArrayList<>();
		forEachElement("a list of [type, bytes] pairs", () -> {
			String pair = "a [type, bytes] pair such as [\"byte[]\", 1024]";
			expect(JsonToken.START_ARRAY, pair);
			String where = location();
			if (next() != JsonToken.VALUE_STRING) {
				throw new RunFormatException(where, "should be " + pair);
			}
			String type = this.parser.getString();
			if (next() == JsonToken.END_ARRAY) {
				throw new RunFormatException(where, "should be " + pair);
			}
			long bytes = whole();
			if (next() != JsonToken.END_ARRAY) {
				throw new RunFormatException(where, "should be " + pair);
			}
			objects.add(new SavedMemorySample.TopObject(type, bytes));
		});
		return Collections.unmodifiableList(objects);
	}

	private String string() {
		if (this.parser.currentToken() != JsonToken.VALUE_STRING) {
			throw fail("should be a string, found " + describeCurrent());
		}
		return this.parser.getString();
	}

	private Object extra() {
		return (this.parser.currentToken() == JsonToken.VALUE_NULL) ? null
				: this.mapper.readValue(this.parser, Object.class);
	}

	private double number() {
		JsonToken token = this.parser.currentToken();
		if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
			throw fail("should be a number, found " + describeCurrent());
		}
		return this.parser.getDoubleValue();
	}

	private Double optionalNumber() {
		return (this.parser.currentToken() == JsonToken.VALUE_NULL) ? null : number();
	}

	private long whole() {
		JsonToken token = this.parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT && this.parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			return this.parser.getLongValue();
		}
		if (token == JsonToken.VALUE_NUMBER_FLOAT) {
			double value = this.parser.getDoubleValue();
			if (value == Math.rint(value) && Math.abs(value) < TWO_TO_THE_63) {
				return (long) value;
			}
		}
		throw fail("should be a whole number, found " + describeCurrent());
	}

	private Long optionalWhole() {
		return (this.parser.currentToken() == JsonToken.VALUE_NULL) ? null : whole();
	}

	private int intValue() {
		long value = whole();
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw fail("should be a whole number that fits an int, found " + value);
		}
		return (int) value;
	}

	private void forEachElement(String expected, Runnable element) {
		expect(JsonToken.START_ARRAY, expected);
		for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
			if (token == null) {
				// Jackson reports an unclosed list itself; this only guards the loop.
				throw fail("the list is not closed");
			}
			element.run();
		}
	}

	private void forEachField(String expected, Consumer<String> value) {
		expect(JsonToken.START_OBJECT, expected);
		while (next() == JsonToken.PROPERTY_NAME) {
			String name = this.parser.currentName();
			next();
			value.accept(name);
		}
	}

	private void skip() {
		this.parser.skipChildren();
	}

	private JsonToken next() {
		return this.parser.nextToken();
	}

	private void expect(JsonToken token, String expected) {
		expect(this.parser.currentToken(), token, expected);
	}

	private void expect(JsonToken actual, JsonToken token, String expected) {
		if (actual != token) {
			throw fail("should be " + expected + ", found " + describeCurrent());
		}
	}

	private void require(Object value, String key) {
		// Called on the closing token of the object, where the parser's context is the
		// object's position.
		if (value == null) {
			throw fail("the key '" + key + "' is missing");
		}
	}

	private RunFormatException fail(String problem) {
		return new RunFormatException(location(), problem);
	}

	private String location() {
		TokenStreamContext context = this.parser.streamReadContext();
		JsonToken token = this.parser.currentToken();
		if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
			// An opening token has already entered its own context; the location is the
			// parent's position.
			context = context.getParent();
		}
		Deque<String> segments = new ArrayDeque<>();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			if (at.inArray() && at.getCurrentIndex() >= 0) {
				segments.addFirst("[" + at.getCurrentIndex() + "]");
			}
			else if (at.inObject() && at.currentName() != null) {
				segments.addFirst(member(at.currentName()));
			}
		}
		return String.join("", segments);
	}

	private String describeCurrent() {
		JsonToken token = this.parser.currentToken();
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_ARRAY, END_ARRAY -> "a list";
			case START_OBJECT, END_OBJECT -> "an object";
			case VALUE_STRING -> "the string \"" + shorten(this.parser.getString()) + "\"";
			case VALUE_TRUE, VALUE_FALSE -> "the boolean " + (token == JsonToken.VALUE_TRUE);
			case VALUE_NULL -> "null";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
				"the number " + shorten(this.parser.getNumberValue().toString());
			default -> token.name().toLowerCase(Locale.ROOT);
		};
	}

	private static String member(String key) {
		boolean plain = !key.isEmpty() && key.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '_');
		return plain ? "." + key : "['" + shorten(key) + "']";
	}

	private static String shorten(String text) {
		String oneLine = text.replaceAll("\\p{Cntrl}", "?");
		return (oneLine.length() <= 40) ? oneLine : oneLine.substring(0, 40) + "...";
	}

	private record Info(long stepNumber, double startTime, double stopTime, String host, Long pid) {
	}

	private static final class InfoParts {

		Long stepNumber;

		double startTime = Double.NaN;

		Double stopTime;

		String host;

		Long pid;

	}

	private static final class IterationParts {

		Map<String, Double> absolutes;

		Info info;

		Map<String, List<SavedCall>> calls;

		Object extra;

	}

	private static final class CallParts {

		Double time;

		Integer cronoCounter;

		Object extra;

	}

	private static final class SummaryParts {

		Double mean;

		Double min;

		Double max;

		Double quantileFiltered;

		Long count;

		Double total;

		Double std;

		Double p50;

		Double p90;

		Double p99;

	}

	private static final class MemoryParts {

		Info info;

		Map<String, List<SavedMemorySample>> samples;

	}

	private static final class SampleParts {

		Long totalMemory;

		Map<String, Long> cuda;

		List<SavedMemorySample.TopObject> topObjects = List.of();

		Integer cronoCounter;

		Object extra;

		Long maxMemory;

		Long heapUsed;

		Long heapCommitted;

	}

}
