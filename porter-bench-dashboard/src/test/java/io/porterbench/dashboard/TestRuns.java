package io.porterbench.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes run files in the original's format for tests: iterations with known step times,
 * their summary, and optionally memory samples; and copies the Python reference run.
 */
public final class TestRuns {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final String name;

	private final List<Map<String, Double>> iterations = new ArrayList<>();

	private final List<long[]> memory = new ArrayList<>();

	private TestRuns(String name) {
		this.name = name;
	}

	/**
	 * A benchmarker to write.
	 * @param name its name
	 * @return a builder
	 */
	public static TestRuns bench(String name) {
		return new TestRuns(name);
	}

	/**
	 * Adds iterations whose steps all take the given seconds.
	 * @param count how many
	 * @param steps step name, seconds, step name, seconds...
	 * @return this
	 */
	public TestRuns iterations(int count, Object... steps) {
		return iterations(count, (i) -> steps);
	}

	/**
	 * Adds iterations whose steps take times that depend on the iteration.
	 * @param count how many
	 * @param steps per iteration index: step name, seconds, step name, seconds...
	 * @return this
	 */
	public TestRuns iterations(int count, IntFunction<Object[]> steps) {
		for (int i = 0; i < count; i++) {
			Object[] stepTimes = steps.apply(i);
			Map<String, Double> iteration = new LinkedHashMap<>();
			for (int k = 0; k < stepTimes.length; k += 2) {
				iteration.put((String) stepTimes[k], ((Number) stepTimes[k + 1]).doubleValue());
			}
			this.iterations.add(iteration);
		}
		return this;
	}

	/**
	 * Adds a memory iteration with gstep, one step and gstop samples.
	 * @param rss the RSS of the three samples
	 * @param heap the heap used of the three samples
	 * @param peak the peak of the three samples (0 for none)
	 * @return this
	 */
	public TestRuns memory(long rss, long heap, long peak) {
		this.memory.add(new long[] { rss, heap, peak });
		return this;
	}

	/**
	 * Writes the three files into a run folder, created if missing.
	 * @param runFolder the run folder
	 * @return the run folder
	 */
	public Path writeTo(Path runFolder) {
		try {
			Files.createDirectories(runFolder);
			JSON.writeValue(runFolder.resolve(this.name + "_STEP_DICT_DATA.json").toFile(), data());
			JSON.writeValue(runFolder.resolve(this.name + "_STEP_DICT_SUMMARY.json").toFile(), summary());
			JSON.writeValue(runFolder.resolve(this.name + "_MEMORY.json").toFile(), memoryData());
			return runFolder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Object> data() {
		List<Object> data = new ArrayList<>();
		double start = 1_795_706_445.0;
		for (int i = 0; i < this.iterations.size(); i++) {
			Map<String, Double> absolutes = new LinkedHashMap<>(this.iterations.get(i));
			double total = absolutes.values().stream().mapToDouble(Double::doubleValue).sum();
			absolutes.put("GLOBAL", total);
			Map<String, Object> calls = new LinkedHashMap<>();
			int counter = 0;
			for (Map.Entry<String, Double> step : absolutes.entrySet()) {
				Map<String, Object> call = new LinkedHashMap<>();
				call.put("time", step.getValue());
				call.put("crono_counter", counter++);
				if (!step.getKey().equals("GLOBAL")) {
					call.put("extra", null);
				}
				calls.put(step.getKey(), List.of(call));
			}
			Map<String, Object> info = new LinkedHashMap<>();
			info.put("STEP_NUMBER", i);
			info.put("START_TIME", start);
			info.put("STOP_TIME", start + total);
			start += total;
			Map<String, Object> iteration = new LinkedHashMap<>();
			iteration.put("absolutes", absolutes);
			iteration.put("info", info);
			iteration.put("individual_calls", calls);
			data.add(iteration);
		}
		return data;
	}

	private Map<String, Object> summary() {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		for (Map<String, Double> iteration : this.iterations) {
			iteration.forEach((step, v) -> values.computeIfAbsent(step, (k) -> new ArrayList<>()).add(v));
			values.computeIfAbsent("GLOBAL", (k) -> new ArrayList<>())
				.add(iteration.values().stream().mapToDouble(Double::doubleValue).sum());
		}
		List<Double> global = values.remove("GLOBAL");
		if (global != null) {
			values.put("GLOBAL", global);
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		values.forEach((step, list) -> {
			double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
			double mean = Arrays.stream(v).average().orElse(0);
			Map<String, Object> stats = new LinkedHashMap<>();
			stats.put("mean", mean);
			stats.put("min", Arrays.stream(v).min().orElse(0));
			stats.put("max", Arrays.stream(v).max().orElse(0));
			stats.put("quantile_filtered", mean);
			summary.put(step, stats);
		});
		return summary;
	}

	private List<Object> memoryData() {
		List<Object> memoryData = new ArrayList<>();
		for (int i = 0; i < this.memory.size(); i++) {
			long[] figures = this.memory.get(i);
			Map<String, Object> data = new LinkedHashMap<>();
			int counter = 0;
			for (String topic : List.of("gstep", "work", "gstop")) {
				Map<String, Object> sample = new LinkedHashMap<>();
				sample.put("total memory usage", figures[0] + counter * 1_048_576L);
				sample.put("cuda memory usage", null);
				sample.put("top_memory_objects", List.of());
				sample.put("crono_counter", counter);
				sample.put("extra", null);
				sample.put("max memory usage", (counter == 1) ? figures[2] : 0);
				sample.put("heap used", figures[1] + counter * 524_288L);
				sample.put("heap committed", figures[1] * 2);
				data.put(topic, List.of(sample));
				counter++;
			}
			Map<String, Object> info = new LinkedHashMap<>();
			info.put("STEP_NUMBER", i);
			info.put("START_TIME", 1_795_706_445.0 + i);
			info.put("STOP_TIME", 1_795_706_445.5 + i);
			Map<String, Object> iteration = new LinkedHashMap<>();
			iteration.put("info", info);
			iteration.put("data", data);
			memoryData.add(iteration);
		}
		return memoryData;
	}

	/**
	 * Copies the Python original's reference run (two benchmarkers: {@code etl} without
	 * memory, {@code alloc} with) into a folder.
	 * @param root the folder that receives {@code TICTOC_PERFORMANCE/15:20-26:11:2026/}
	 * @return the copied run folder
	 */
	public static Path copyPythonRun(Path root) {
		Path source = Paths.get("src/test/resources/python-run/TICTOC_PERFORMANCE/" + PYTHON_RUN);
		Path target = root.resolve("TICTOC_PERFORMANCE").resolve(PYTHON_RUN);
		try {
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(source)) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName().toString()));
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The folder name of the Python reference run. */
	public static final String PYTHON_RUN = "15:20-26:11:2026";

}
