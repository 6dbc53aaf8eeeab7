package io.porterbench.record;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import io.porterbench.BenchSummary;
import io.porterbench.StepStats;
import io.porterbench.internal.AtomicFiles;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.summary.SummaryCalculator;

/**
 * Writes a benchmarker's run files in the original's format: {@code _STEP_DICT_SUMMARY}, {@code _STEP_DICT_DATA} and
 * {@code _MEMORY}, in that order, each atomically. Indented by four spaces with {@code "key": value} and non-ASCII
 * escaped, as Python's {@code json.dump(indent=4)}; numbers are locale-independent. Durations are seconds.
 */
public final class RunFileWriter {

	private static final Logger logger = LoggerFactory.getLogger(RunFileWriter.class);

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.build();

	private static final ObjectWriter WRITER = MAPPER.writer().with(pythonStylePrinter());

	private RunFileWriter() {
	}

	private static DefaultPrettyPrinter pythonStylePrinter() {
		Separators separators = Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Separators.Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("");
		DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
		return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
	}

	/**
	 * Writes the SUMMARY and DATA files of a snapshot.
	 * @param runFolder the run folder, created if missing
	 * @param snapshot the benchmarker's state
	 * @param steps the statistics to write in the SUMMARY file
	 * @throws IOException if a file could not be written; files already written stay, the others are unchanged
	 */
	public static void writeTimeFiles(Path runFolder, RunSnapshot snapshot, Map<String, StepStats> steps)
			throws IOException {
		AtomicFiles.write(RunFiles.summaryFile(runFolder, snapshot.name()), (out) -> writeSummary(out, steps));
		AtomicFiles.write(RunFiles.dataFile(runFolder, snapshot.name()), (out) -> writeData(out, snapshot));
	}

	/**
	 * Writes a MEMORY file with the given content writer.
	 * @param runFolder the run folder
	 * @param name the benchmarker's name
	 * @param content writes the JSON array of memory iterations with the given generator
	 * @throws IOException if the file could not be written
	 */
	public static void writeMemoryFile(Path runFolder, String name, GeneratorContent content) throws IOException {
		AtomicFiles.write(RunFiles.memoryFile(runFolder, name), (out) -> generate(out, content));
	}

	/**
	 * Writes JSON content with a generator set up in the run files' style.
	 */
	@FunctionalInterface
	public interface GeneratorContent {

		/**
		 * Writes the content.
		 * @param generator the generator
		 */
		void write(JsonGenerator generator);

	}

	private static void generate(OutputStream out, GeneratorContent content) throws IOException {
		try (JsonGenerator generator = WRITER.createGenerator(out)) {
			content.write(generator);
		}
		catch (JacksonException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	static void writeSummary(OutputStream out, Map<String, StepStats> steps) throws IOException {
		generate(out, (g) -> {
			g.writeStartObject();
			steps.forEach((topic, stats) -> {
				g.writeName(topic);
				g.writeStartObject();
				g.writeNumberProperty("mean", stats.mean());
				g.writeNumberProperty("min", stats.min());
				g.writeNumberProperty("max", stats.max());
				g.writeNumberProperty("quantile_filtered", stats.quantileFiltered());
				g.writeNumberProperty("count", stats.count());
				g.writeNumberProperty("total", stats.total());
				g.writeNumberProperty("std", stats.std());
				g.writeNumberProperty("p50", stats.p50());
				g.writeNumberProperty("p90", stats.p90());
				g.writeNumberProperty("p99", stats.p99());
				g.writeEndObject();
			});
			g.writeEndObject();
		});
	}

	static void writeData(OutputStream out, RunSnapshot snapshot) throws IOException {
		ExtraWriter extras = new ExtraWriter(snapshot.name());
		generate(out, (g) -> {
			g.writeStartArray();
			for (IterationData iteration : snapshot.retained()) {
				writeIteration(g, iteration, extras);
			}
			for (IterationData iteration : snapshot.open()) {
				writeIteration(g, iteration, extras);
			}
			g.writeEndArray();
		});
	}

	private static void writeIteration(JsonGenerator g, IterationData iteration, ExtraWriter extras) {
		Map<String, long[]> sums = SummaryCalculator.topicSums(iteration);
		g.writeStartObject();
		g.writeName("absolutes");
		g.writeStartObject();
		sums.forEach((topic, sum) -> g.writeNumberProperty(topic, sum[0] / 1e9));
		if (iteration.isClosed()) {
			g.writeNumberProperty(BenchSummary.GLOBAL, iteration.globalNanos() / 1e9);
		}
		g.writeEndObject();
		writeInfo(g, iteration.number(), iteration.startEpochSeconds(), iteration.stopEpochSeconds());
		g.writeName("individual_calls");
		g.writeStartObject();
		for (String topic : sums.keySet()) {
			g.writeName(topic);
			g.writeStartArray();
			for (int i = 0; i < iteration.size(); i++) {
				if (topic.equals(iteration.topic(i))) {
					g.writeStartObject();
					g.writeNumberProperty("time", iteration.nanos(i) / 1e9);
					g.writeNumberProperty("crono_counter", i);
					g.writeName("extra");
					extras.write(g, topic, iteration.extra(i));
					g.writeEndObject();
				}
			}
			g.writeEndArray();
		}
		if (iteration.isClosed()) {
			g.writeName(BenchSummary.GLOBAL);
			g.writeStartArray();
			g.writeStartObject();
			g.writeNumberProperty("time", iteration.globalNanos() / 1e9);
			g.writeNumberProperty("crono_counter", iteration.size());
			g.writeEndObject();
			g.writeEndArray();
		}
		g.writeEndObject();
		g.writeEndObject();
	}

	/**
	 * Writes the {@code info} object of an iteration: {@code STEP_NUMBER}, {@code START_TIME}, {@code STOP_TIME}.
	 * @param g the generator
	 * @param number the iteration's number
	 * @param startEpochSeconds its start
	 * @param stopEpochSeconds its end, 0 while open
	 */
	public static void writeInfo(JsonGenerator g, long number, double startEpochSeconds, double stopEpochSeconds) {
		g.writeName("info");
		g.writeStartObject();
		g.writeNumberProperty("STEP_NUMBER", number);
		g.writeName("START_TIME");
		writeEpochSeconds(g, startEpochSeconds);
		g.writeName("STOP_TIME");
		writeEpochSeconds(g, stopEpochSeconds);
		g.writeEndObject();
	}

	/**
	 * Writes a wall-clock time as Python does, {@code 1795705894.25}, rather than Java's {@code 1.79570589425E9}; an
	 * open iteration's stop time is the integer {@code 0}.
	 */
	private static void writeEpochSeconds(JsonGenerator g, double epochSeconds) {
		if (epochSeconds == 0) {
			g.writeNumber(0);
		}
		else if (Double.isFinite(epochSeconds)) {
			g.writeNumber(new BigDecimal(Double.toString(epochSeconds)).toPlainString());
		}
		else {
			g.writeNumber(epochSeconds);
		}
	}

	/**
	 * Writes {@code extra} values; one that Jackson cannot serialise is written as a string that says so, with a
	 * warning naming the step, and the rest of the file is still written.
	 */
	public static final class ExtraWriter {

		private final String benchName;

		private boolean warned;

		/**
		 * A writer for one file of one benchmarker.
		 * @param benchName the benchmarker's name, for the warning
		 */
		public ExtraWriter(String benchName) {
			this.benchName = benchName;
		}

		/**
		 * Writes an extra value, or {@code null}.
		 * @param g the generator
		 * @param topic the step it belongs to
		 * @param extra the value
		 */
		public void write(JsonGenerator g, String topic, Object extra) {
			if (extra == null) {
				g.writeNull();
				return;
			}
			JsonNode tree;
			try {
				tree = MAPPER.valueToTree(extra);
			}
			catch (RuntimeException ex) {
				if (!this.warned) {
					this.warned = true;
					logger.warn("porter-bench: the extra of step '{}' of benchmarker '{}' ({}) cannot be written as JSON; "
							+ "it is saved as a description instead: {}", topic, this.benchName,
							extra.getClass().getName(), ex.getMessage());
				}
				g.writeString("<unserialisable " + extra.getClass().getName() + ">");
				return;
			}
			g.writeTree(tree);
		}

	}

}
