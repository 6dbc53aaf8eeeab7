package io.porterbench.internal.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import io.porterbench.record.RunOrigin;
import io.porterbench.record.RunFiles;
import io.porterbench.summary.StepStats;
import io.porterbench.internal.AtomicFiles;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.TopicSums;

/**
 * Writes a benchmarker's run files in the original's format: {@code _STEP_DICT_SUMMARY},
 * {@code _STEP_DICT_DATA} and {@code _MEMORY}, in that order, each atomically. Indented
 * by four spaces with {@code "key": value} and non-ASCII escaped, as Python's
 * {@code json.dump(indent=4)}; numbers are locale-independent. Durations are seconds.
 */
public final class RunFileWriter {

	private static final Logger logger = LoggerFactory.getLogger(RunFileWriter.class);

	// Schubfach: the shortest digits that round-trip, as Python's repr and
	// Double.toString since Java 19, several
	// times faster than Java 17's Double.toString
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.build();

	// The DATA file's fixed keys, encoded once: a large run writes each of them hundreds
	// of thousands of times
	private static final SerializedString ABSOLUTES = new SerializedString("absolutes");

	private static final SerializedString INFO = new SerializedString("info");

	private static final SerializedString STEP_NUMBER = new SerializedString("STEP_NUMBER");

	private static final SerializedString START_TIME = new SerializedString("START_TIME");

	private static final SerializedString STOP_TIME = new SerializedString("STOP_TIME");

	private static final SerializedString HOST = new SerializedString("HOST");

	private static final SerializedString PID = new SerializedString("PID");

	private static final SerializedString INDIVIDUAL_CALLS = new SerializedString("individual_calls");

	private static final SerializedString TIME = new SerializedString("time");

	private static final SerializedString CRONO_COUNTER = new SerializedString("crono_counter");

	private static final SerializedString EXTRA = new SerializedString("extra");

	private static final SerializedString GLOBAL = new SerializedString(RunFiles.GLOBAL);

	private static final ObjectWriter WRITER = MAPPER.writer().with(new PythonPrettyPrinter());

	private RunFileWriter() {
	}

	/**
	 * A writer with the run files' settings.
	 * @param prettyPrinter the layout, or {@code null} for none
	 * @return the writer
	 */
	static ObjectWriter writer(PrettyPrinter prettyPrinter) {
		return MAPPER.writer().with(prettyPrinter);
	}

	/**
	 * Writes the SUMMARY and DATA files of a snapshot.
	 * @param runFolder the run folder, created if missing
	 * @param snapshot the benchmarker's state
	 * @param steps the statistics to write in the SUMMARY file
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 * @throws IOException if a file could not be written; files already written stay, the
	 * others are unchanged
	 */
	public static void writeTimeFiles(Path runFolder, RunSnapshot snapshot, Map<String, StepStats> steps,
			RunOrigin origin) throws IOException {
		writeTimeFiles(runFolder, snapshot, () -> steps, origin);
	}

	/**
	 * Writes the SUMMARY and DATA files of a snapshot, computing the statistics while a
	 * helper thread, where one is free, begins formatting the DATA file, and then the
	 * DATA file's {@link io.porterbench.record.DataIndex index}.
	 * @param runFolder the run folder, created if missing
	 * @param snapshot the benchmarker's state; its iterations are only read
	 * @param steps computes the statistics to write in the SUMMARY file
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 * @throws IOException if a file could not be written; files already written stay, the
	 * others are unchanged
	 */
	public static void writeTimeFiles(Path runFolder, RunSnapshot snapshot, Supplier<Map<String, StepStats>> steps,
			RunOrigin origin) throws IOException {
		try (ChunkedDataWriter data = ChunkedDataWriter.start(snapshot, origin)) {
			Map<String, StepStats> computed = steps.get();
			AtomicFiles.write(RunFiles.summaryFile(runFolder, snapshot.name()), (out) -> writeSummary(out, computed));
			AtomicFiles.write(RunFiles.dataFile(runFolder, snapshot.name()), data::writeTo);
		}
		DataIndexWriter.write(RunFiles.dataFile(runFolder, snapshot.name()), snapshot, origin);
	}

	/**
	 * Writes the MEMORY file of a snapshot: its iterations that tracked memory,
	 * {@code []} when none did.
	 * @param runFolder the run folder
	 * @param snapshot the benchmarker's state
	 * @param origin the host and process written into each iteration's {@code info}
	 * @throws IOException if the file could not be written
	 */
	public static void writeMemoryFile(Path runFolder, RunSnapshot snapshot, RunOrigin origin) throws IOException {
		writeMemoryFile(runFolder, snapshot.name(), MemoryFileFormat.content(snapshot, origin));
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

	static void writeData(OutputStream out, RunSnapshot snapshot, RunOrigin origin) throws IOException {
		ChunkedDataWriter.write(out, snapshot, origin);
	}

	/**
	 * Writes the DATA file with a Jackson generator: the reference that
	 * {@link DataFileEmitter} matches byte for byte.
	 * @param out the stream
	 * @param snapshot the snapshot
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 * @throws IOException if the stream fails
	 */
	static void writeDataWithGenerator(OutputStream out, RunSnapshot snapshot, RunOrigin origin) throws IOException {
		ExtraWriter extras = new ExtraWriter(snapshot.name());
		TopicNames names = new TopicNames();
		SecondsFormat seconds = new SecondsFormat();
		generate(out, (g) -> {
			g.writeStartArray();
			for (IterationData iteration : snapshot.retained()) {
				writeIteration(g, iteration, names, seconds, extras, origin);
			}
			for (IterationData iteration : snapshot.open()) {
				writeIteration(g, iteration, names, seconds, extras, origin);
			}
			g.writeEndArray();
		});
	}

	private static void writeIteration(JsonGenerator g, IterationData iteration, TopicNames names,
			SecondsFormat seconds, ExtraWriter extras, RunOrigin origin) {
		TopicSums sums = iteration.topicSums();
		g.writeStartObject();
		g.writeName(ABSOLUTES);
		g.writeStartObject();
		for (int t = 0; t < sums.count(); t++) {
			names.write(g, sums.topic(t));
			seconds.write(g, sums.sum(t));
		}
		if (iteration.isClosed()) {
			g.writeName(GLOBAL);
			seconds.write(g, iteration.globalNanos());
		}
		g.writeEndObject();
		writeInfo(g, iteration.number(), iteration.startEpochSeconds(), iteration.stopEpochSeconds(), iteration,
				origin);
		g.writeName(INDIVIDUAL_CALLS);
		g.writeStartObject();
		for (int t = 0; t < sums.count(); t++) {
			String topic = sums.topic(t);
			names.write(g, topic);
			g.writeStartArray();
			for (int i = sums.firstCall(t); i < iteration.size(); i++) {
				if (sums.topicIndexOfCall(i) == t) {
					g.writeStartObject();
					g.writeName(TIME);
					seconds.write(g, iteration.nanos(i));
					g.writeName(CRONO_COUNTER);
					g.writeNumber(i);
					g.writeName(EXTRA);
					extras.write(g, topic, iteration.extra(i));
					g.writeEndObject();
				}
			}
			g.writeEndArray();
		}
		if (iteration.isClosed()) {
			g.writeName(GLOBAL);
			g.writeStartArray();
			g.writeStartObject();
			g.writeName(TIME);
			seconds.write(g, iteration.globalNanos());
			g.writeName(CRONO_COUNTER);
			g.writeNumber(iteration.size());
			g.writeEndObject();
			g.writeEndArray();
		}
		g.writeEndObject();
		if (iteration.iterationExtra() != null) {
			// after the original's three keys, which Python tools read; they ignore this
			// one
			g.writeName(EXTRA);
			extras.write(g, EXTRA.getValue(), iteration.iterationExtra());
		}
		g.writeEndObject();
	}

	/**
	 * Writes the {@code info} object of an iteration: {@code STEP_NUMBER},
	 * {@code START_TIME}, {@code STOP_TIME}, then {@code HOST} and {@code PID} of the
	 * process that recorded it, where known: the iteration's own source when it was read
	 * back from a saved run, else the given origin.
	 * @param g the generator
	 * @param number the iteration's number
	 * @param startEpochSeconds its start
	 * @param stopEpochSeconds its end, 0 while open
	 * @param iteration the iteration, for its source
	 * @param origin the saving process's host and id
	 */
	public static void writeInfo(JsonGenerator g, long number, double startEpochSeconds, double stopEpochSeconds,
			IterationData iteration, RunOrigin origin) {
		if (iteration.hasSource()) {
			writeInfo(g, number, startEpochSeconds, stopEpochSeconds, iteration.sourceHost(), iteration.sourcePid());
		}
		else {
			writeInfo(g, number, startEpochSeconds, stopEpochSeconds, origin.host().orElse(null),
					origin.pid().orElse(-1));
		}
	}

	/**
	 * Writes the {@code info} object of an iteration.
	 * @param g the generator
	 * @param number the iteration's number
	 * @param startEpochSeconds its start
	 * @param stopEpochSeconds its end, 0 while open
	 * @param host the recording host, or {@code null} to write no {@code HOST}
	 * @param pid the recording process's id, or a negative number to write no {@code PID}
	 */
	public static void writeInfo(JsonGenerator g, long number, double startEpochSeconds, double stopEpochSeconds,
			String host, long pid) {
		g.writeName(INFO);
		g.writeStartObject();
		g.writeName(STEP_NUMBER);
		g.writeNumber(number);
		g.writeName(START_TIME);
		writeEpochSeconds(g, startEpochSeconds);
		g.writeName(STOP_TIME);
		writeEpochSeconds(g, stopEpochSeconds);
		if (host != null) {
			g.writeName(HOST);
			g.writeString(host);
		}
		if (pid >= 0) {
			g.writeName(PID);
			g.writeNumber(pid);
		}
		g.writeEndObject();
	}

	/**
	 * Writes a wall-clock time as Python does, {@code 1795705894.25}, rather than Java's
	 * {@code 1.79570589425E9}; an open iteration's stop time is the integer {@code 0}.
	 */
	private static void writeEpochSeconds(JsonGenerator g, double epochSeconds) {
		if (epochSeconds == 0) {
			g.writeNumber(0);
		}
		else if (Double.isFinite(epochSeconds)) {
			g.writeNumber(plainDecimal(NumberOutput.toString(epochSeconds, true)));
		}
		else {
			g.writeNumber(epochSeconds);
		}
	}

	/**
	 * Rewrites a double in Java's notation ({@code 1.79570589425E9}, {@code 1.5E-4},
	 * {@code 12.5}) as a plain decimal with the same digits, as
	 * {@code new BigDecimal(s).toPlainString()} does, without building a BigDecimal.
	 * @param javaDouble the output of {@link Double#toString(double)} for a finite value
	 * @return the plain decimal
	 */
	static String plainDecimal(String javaDouble) {
		if (javaDouble.indexOf('E') < 0) {
			return javaDouble;
		}
		byte[] text = new byte[javaDouble.length() + MAX_EXPONENT_ZEROS];
		return new String(text, 0, plainDecimalAscii(javaDouble, text), StandardCharsets.US_ASCII);
	}

	/** The most zeros an exponent of a finite double adds to its digits, and some. */
	static final int MAX_EXPONENT_ZEROS = 350;

	/**
	 * Writes the same text as {@link #plainDecimal(String)} as ASCII bytes, without the
	 * strings in between: the DATA file writes one per iteration.
	 * @param javaDouble the output of {@link Double#toString(double)} for a finite value
	 * @param out where the text goes, with room for
	 * {@code javaDouble.length() + MAX_EXPONENT_ZEROS} bytes
	 * @return the number of bytes written
	 */
	static int plainDecimalAscii(String javaDouble, byte[] out) {
		int length = javaDouble.length();
		int e = javaDouble.indexOf('E');
		if (e < 0) {
			for (int i = 0; i < length; i++) {
				out[i] = (byte) javaDouble.charAt(i);
			}
			return length;
		}
		int exponent = Integer.parseInt(javaDouble, e + 1, length, 10);
		int sign = (javaDouble.charAt(0) == '-') ? 1 : 0;
		int dot = javaDouble.indexOf('.');
		// the digits without the point: those before it, then those after it
		int before = dot - sign;
		int digits = before + (e - dot - 1);
		int point = before + exponent;
		int at = 0;
		if (sign == 1) {
			out[at++] = '-';
		}
		if (point <= 0) {
			out[at++] = '0';
			out[at++] = '.';
			for (int i = 0; i < -point; i++) {
				out[at++] = '0';
			}
		}
		for (int d = 0; d < digits; d++) {
			if (d == point && point > 0) {
				out[at++] = '.';
			}
			out[at++] = (byte) javaDouble.charAt((d < before) ? sign + d : dot + 1 + (d - before));
		}
		for (int d = digits; d < point; d++) {
			out[at++] = '0';
		}
		return at;
	}

	/**
	 * Topic names encoded once per file, for the topics whose prepared encoding is the
	 * generator's own.
	 */
	private static final class TopicNames {

		private static final int MAX_ENCODED_NAMES = 1024;

		private final Map<String, SerializedString> encodedNames = new HashMap<>();

		/**
		 * Writes a topic as a property name, encoded once per file when it is printable
		 * ASCII (where the prepared encoding is the generator's own); any other name goes
		 * through the generator's escaping.
		 */
		void write(JsonGenerator g, String topic) {
			SerializedString encoded = this.encodedNames.get(topic);
			if (encoded == null && isPrintableAscii(topic) && this.encodedNames.size() < MAX_ENCODED_NAMES) {
				encoded = new SerializedString(topic);
				this.encodedNames.put(topic, encoded);
			}
			if (encoded != null) {
				g.writeName(encoded);
			}
			else {
				g.writeName(topic);
			}
		}

		private static boolean isPrintableAscii(String topic) {
			for (int i = 0; i < topic.length(); i++) {
				char c = topic.charAt(i);
				if (c < 0x20 || c > 0x7e) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * Writes {@code extra} values; one that Jackson cannot serialise is written as a
	 * string that says so, with a warning naming the step, and the rest of the file is
	 * still written. Safe to share between the threads writing one file, which then warns
	 * once.
	 */
	public static final class ExtraWriter {

		private final String benchName;

		private final AtomicBoolean warned = new AtomicBoolean();

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
				if (this.warned.compareAndSet(false, true)) {
					logger.warn(
							"porter-bench: the extra of step '{}' of benchmarker '{}' ({}) cannot be written as JSON; "
									+ "it is saved as a description instead: {}",
							topic, this.benchName, extra.getClass().getName(), ex.getMessage());
				}
				g.writeString("<unserialisable " + extra.getClass().getName() + ">");
				return;
			}
			g.writeTree(tree);
		}

	}

}
