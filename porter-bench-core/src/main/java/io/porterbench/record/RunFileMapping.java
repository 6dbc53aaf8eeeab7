package io.porterbench.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns the JSON trees of the three run files into records. Written for both writers: the Python original (four
 * summary keys, {@code START_TIME} {@code []} in its start/gstop flow, {@code min} sometimes an integer) and ours
 * (extra summary keys and memory sample keys). Unknown keys are ignored, so newer files stay readable; a missing
 * required key or a value of the wrong type is a {@link RunFormatException} that says where.
 */
final class RunFileMapping {

	private static final String INFO = "info";

	private RunFileMapping() {
	}

	/**
	 * Maps a DATA file.
	 * @param root the file's tree
	 * @return the iterations, in file order
	 */
	static List<SavedIteration> iterations(JsonNode root) {
		JsonNode array = requireArray(root, "a list of iterations");
		List<SavedIteration> iterations = new ArrayList<>(array.size());
		int index = 0;
		for (JsonNode item : array.values()) {
			try {
				iterations.add(iteration(item));
			}
			catch (RunFormatException ex) {
				throw ex.within("[" + index + "]");
			}
			index++;
		}
		return Collections.unmodifiableList(iterations);
	}

	/**
	 * Maps a SUMMARY file.
	 * @param root the file's tree
	 * @return the steps, in file order
	 */
	static Map<String, SavedStepSummary> summary(JsonNode root) {
		JsonNode object = requireObject(root, "an object of steps");
		Map<String, SavedStepSummary> steps = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			try {
				steps.put(entry.getKey(), stepSummary(entry.getValue()));
			}
			catch (RunFormatException ex) {
				throw ex.within(member(entry.getKey()));
			}
		}
		return Collections.unmodifiableMap(steps);
	}

	/**
	 * Maps a MEMORY file.
	 * @param root the file's tree
	 * @return the memory iterations, in file order
	 */
	static List<SavedMemoryIteration> memory(JsonNode root) {
		JsonNode array = requireArray(root, "a list of memory iterations");
		List<SavedMemoryIteration> iterations = new ArrayList<>(array.size());
		int index = 0;
		for (JsonNode item : array.values()) {
			try {
				iterations.add(memoryIteration(item));
			}
			catch (RunFormatException ex) {
				throw ex.within("[" + index + "]");
			}
			index++;
		}
		return Collections.unmodifiableList(iterations);
	}

	private static SavedIteration iteration(JsonNode node) {
		requireObject(node, "an iteration object");
		Map<String, Double> absolutes = absolutes(field(node, "absolutes", true));
		Info info = info(field(node, INFO, true));
		Map<String, List<SavedCall>> calls = calls(field(node, "individual_calls", true));
		return new SavedIteration(info.stepNumber(), info.startTime(), info.stopTime(), absolutes, calls);
	}

	private static Info info(JsonNode node) {
		try {
			requireObject(node, "an object");
			return new Info(longValue(node, "STEP_NUMBER"), startTime(node), doubleValue(node, "STOP_TIME"));
		}
		catch (RunFormatException ex) {
			throw ex.within("." + INFO);
		}
	}

	private static Map<String, Double> absolutes(JsonNode node) {
		try {
			requireObject(node, "an object of step times");
			Map<String, Double> absolutes = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				absolutes.put(entry.getKey(), number(entry.getValue(), member(entry.getKey())));
			}
			return Collections.unmodifiableMap(absolutes);
		}
		catch (RunFormatException ex) {
			throw ex.within(".absolutes");
		}
	}

	private static Map<String, List<SavedCall>> calls(JsonNode node) {
		try {
			requireObject(node, "an object of step calls");
			Map<String, List<SavedCall>> calls = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				try {
					calls.put(entry.getKey(), callList(entry.getValue()));
				}
				catch (RunFormatException ex) {
					throw ex.within(member(entry.getKey()));
				}
			}
			return Collections.unmodifiableMap(calls);
		}
		catch (RunFormatException ex) {
			throw ex.within(".individual_calls");
		}
	}

	private static List<SavedCall> callList(JsonNode node) {
		requireArray(node, "a list of calls");
		List<SavedCall> calls = new ArrayList<>(node.size());
		int index = 0;
		for (JsonNode call : node.values()) {
			try {
				requireObject(call, "a call object");
				calls.add(new SavedCall(doubleValue(call, "time"), intValue(call, "crono_counter"),
						optional(call, "extra")));
			}
			catch (RunFormatException ex) {
				throw ex.within("[" + index + "]");
			}
			index++;
		}
		return Collections.unmodifiableList(calls);
	}

	private static SavedStepSummary stepSummary(JsonNode node) {
		requireObject(node, "an object of statistics");
		return new SavedStepSummary(doubleValue(node, "mean"), doubleValue(node, "min"), doubleValue(node, "max"),
				doubleValue(node, "quantile_filtered"), optionalLong(node, "count"), optionalDouble(node, "total"),
				optionalDouble(node, "std"), optionalDouble(node, "p50"), optionalDouble(node, "p90"),
				optionalDouble(node, "p99"));
	}

	private static SavedMemoryIteration memoryIteration(JsonNode node) {
		requireObject(node, "a memory iteration object");
		Info info = info(field(node, INFO, true));
		JsonNode data = field(node, "data", true);
		try {
			requireObject(data, "an object of samples");
			Map<String, List<SavedMemorySample>> samples = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : data.properties()) {
				try {
					samples.put(entry.getKey(), sampleList(entry.getValue()));
				}
				catch (RunFormatException ex) {
					throw ex.within(member(entry.getKey()));
				}
			}
			return new SavedMemoryIteration(info.stepNumber(), info.startTime(), info.stopTime(),
					Collections.unmodifiableMap(samples));
		}
		catch (RunFormatException ex) {
			throw ex.within(".data");
		}
	}

	private static List<SavedMemorySample> sampleList(JsonNode node) {
		requireArray(node, "a list of samples");
		List<SavedMemorySample> samples = new ArrayList<>(node.size());
		int index = 0;
		for (JsonNode sample : node.values()) {
			try {
				samples.add(sample(sample));
			}
			catch (RunFormatException ex) {
				throw ex.within("[" + index + "]");
			}
			index++;
		}
		return Collections.unmodifiableList(samples);
	}

	private static SavedMemorySample sample(JsonNode node) {
		requireObject(node, "a sample object");
		return new SavedMemorySample(optionalLong(node, "total memory usage"), cuda(node),
				topObjects(node), intValue(node, "crono_counter"), optional(node, "extra"),
				optionalLong(node, "max memory usage"), optionalLong(node, "heap used"),
				optionalLong(node, "heap committed"));
	}

	private static Map<String, Long> cuda(JsonNode sample) {
		String key = "cuda memory usage";
		JsonNode node = field(sample, key, false);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		try {
			requireObject(node, "null or an object of byte counts");
			Map<String, Long> cuda = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				cuda.put(entry.getKey(), integral(entry.getValue(), member(entry.getKey())));
			}
			return Collections.unmodifiableMap(cuda);
		}
		catch (RunFormatException ex) {
			throw ex.within(member(key));
		}
	}

	private static List<SavedMemorySample.TopObject> topObjects(JsonNode sample) {
		String key = "top_memory_objects";
		JsonNode node = field(sample, key, false);
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		try {
			requireArray(node, "a list of [type, bytes] pairs");
			List<SavedMemorySample.TopObject> objects = new ArrayList<>(node.size());
			int index = 0;
			for (JsonNode pair : node.values()) {
				if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString()) {
					throw new RunFormatException("should be a [type, bytes] pair, found " + describe(pair))
						.within("[" + index + "]");
				}
				objects.add(new SavedMemorySample.TopObject(pair.get(0).stringValue(),
						integral(pair.get(1), "[" + index + "][1]")));
				index++;
			}
			return Collections.unmodifiableList(objects);
		}
		catch (RunFormatException ex) {
			throw ex.within(member(key));
		}
	}

	private static double startTime(JsonNode info) {
		// The original writes [] when an iteration was opened by start() rather than gstep().
		JsonNode node = field(info, "START_TIME", false);
		if (node.isMissingNode() || node.isNull() || (node.isArray() && node.isEmpty())) {
			return Double.NaN;
		}
		return number(node, member("START_TIME"));
	}

	private static JsonNode field(JsonNode object, String key, boolean required) {
		JsonNode node = object.get(key);
		if (node == null) {
			if (required) {
				throw new RunFormatException("the key '" + key + "' is missing");
			}
			return MissingNode.getInstance();
		}
		return node;
	}

	private static JsonNode optional(JsonNode object, String key) {
		JsonNode node = object.get(key);
		return (node == null || node.isNull()) ? null : node;
	}

	private static double doubleValue(JsonNode object, String key) {
		return number(field(object, key, true), member(key));
	}

	private static long longValue(JsonNode object, String key) {
		return integral(field(object, key, true), member(key));
	}

	private static int intValue(JsonNode object, String key) {
		JsonNode node = field(object, key, true);
		long value = integral(node, member(key));
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new RunFormatException("should be a whole number that fits an int, found " + value)
				.within(member(key));
		}
		return (int) value;
	}

	private static Long optionalLong(JsonNode object, String key) {
		JsonNode node = object.get(key);
		return (node == null || node.isNull()) ? null : integral(node, member(key));
	}

	private static Double optionalDouble(JsonNode object, String key) {
		JsonNode node = object.get(key);
		return (node == null || node.isNull()) ? null : number(node, member(key));
	}

	private static double number(JsonNode node, String segment) {
		if (!node.isNumber()) {
			throw new RunFormatException("should be a number, found " + describe(node)).within(segment);
		}
		return node.doubleValue();
	}

	private static long integral(JsonNode node, String segment) {
		if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
			throw new RunFormatException("should be a whole number, found " + describe(node)).within(segment);
		}
		return node.isIntegralNumber() ? node.longValue() : (long) node.doubleValue();
	}

	private static JsonNode requireArray(JsonNode node, String expected) {
		if (!node.isArray()) {
			throw new RunFormatException("should be " + expected + ", found " + describe(node));
		}
		return node;
	}

	private static JsonNode requireObject(JsonNode node, String expected) {
		if (!node.isObject()) {
			throw new RunFormatException("should be " + expected + ", found " + describe(node));
		}
		return node;
	}

	private static String member(String key) {
		boolean plain = !key.isEmpty() && key.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '_');
		return plain ? "." + key : "['" + shorten(key) + "']";
	}

	static String describe(JsonNode node) {
		if (node.isMissingNode()) {
			return "nothing";
		}
		return switch (node.getNodeType()) {
			case ARRAY -> "a list";
			case OBJECT -> "an object";
			case STRING -> "the string \"" + shorten(node.stringValue()) + "\"";
			case BOOLEAN -> "the boolean " + node.booleanValue();
			case NULL -> "null";
			case NUMBER -> "the number " + shorten(node.numberValue().toString());
			default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
		};
	}

	private static String shorten(String text) {
		String oneLine = text.replaceAll("\\p{Cntrl}", "?");
		return (oneLine.length() <= 40) ? oneLine : oneLine.substring(0, 40) + "...";
	}

	private record Info(long stepNumber, double startTime, double stopTime) {
	}

}
