package io.porterbench.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.ObjectWriter;

import io.porterbench.BenchSummary;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.TopicSums;
import io.porterbench.record.RunOrigin;

/**
 * Writes a DATA file as bytes, the same bytes as {@link RunFileWriter}'s Jackson
 * generator with the {@link PythonPrettyPrinter} writes, without a generator in between.
 *
 * <p>
 * The file's shape is fixed (an array of iterations, each with {@code absolutes},
 * {@code info} and {@code individual_calls} at known depths), so every separator,
 * indentation and key is a prepared byte array and every number is formatted into the
 * buffer directly; a generator spends most of a large file's time on the bookkeeping of a
 * general layout. What is not fixed goes through Jackson with the run files' settings,
 * once: the escaping of a topic name or a {@code HOST} (once per topic or host and file)
 * and the {@code extra} values of calls and iterations (per value, at their depth), so
 * escaping and extras are Jackson's by construction. {@code DataFileEmitterTests}
 * compares the two writers on random runs.
 *
 * <p>
 * One instance per file and thread: it reuses its buffers. {@link ChunkedDataWriter}
 * gives a file's iterations to several instances, each writing a range of them.
 */
final class DataFileEmitter {

	private static final int BUFFER_SIZE = 1 << 16;

	// the longest single append outside names and extras: a prepared fragment or a number
	private static final int MAX_FRAGMENT = 128;

	private static final int MAX_ENCODED_NAMES = 1024;

	/**
	 * The depth of an {@code extra} value: root array, iteration, individual_calls, topic
	 * array, call.
	 */
	private static final int EXTRA_NESTING = 5;

	/** The depth of an iteration's own {@code extra} value: root array, iteration. */
	private static final int ITERATION_EXTRA_NESTING = 2;

	private static final byte[] ROOT_START = ascii("[");

	private static final byte[] ROOT_END = ascii("\n]");

	private static final byte[] EMPTY_ROOT_END = ascii("]");

	private static final byte[] FIRST_ITERATION = ascii("\n" + indent(1) + "{\n" + indent(2) + "\"absolutes\": {");

	private static final byte[] NEXT_ITERATION = ascii(",\n" + indent(1) + "{\n" + indent(2) + "\"absolutes\": {");

	private static final byte[] FIRST_ENTRY_3 = ascii("\n" + indent(3));

	private static final byte[] NEXT_ENTRY_3 = ascii(",\n" + indent(3));

	private static final byte[] NAME_SEPARATOR = ascii(": ");

	private static final byte[] GLOBAL_NAME = ascii("\"" + BenchSummary.GLOBAL + "\"");

	private static final byte[] ABSOLUTES_END_TO_STEP_NUMBER = ascii(
			"\n" + indent(2) + "},\n" + indent(2) + "\"info\": {\n" + indent(3) + "\"STEP_NUMBER\": ");

	private static final byte[] EMPTY_ABSOLUTES_END_TO_STEP_NUMBER = ascii(
			"},\n" + indent(2) + "\"info\": {\n" + indent(3) + "\"STEP_NUMBER\": ");

	private static final byte[] START_TIME = ascii(",\n" + indent(3) + "\"START_TIME\": ");

	private static final byte[] STOP_TIME = ascii(",\n" + indent(3) + "\"STOP_TIME\": ");

	private static final byte[] HOST = ascii(",\n" + indent(3) + "\"HOST\": ");

	private static final byte[] PID = ascii(",\n" + indent(3) + "\"PID\": ");

	private static final byte[] INFO_END_TO_CALLS = ascii(
			"\n" + indent(2) + "},\n" + indent(2) + "\"individual_calls\": {");

	private static final byte[] TOPIC_ARRAY_START = ascii(": [");

	private static final byte[] FIRST_CALL = ascii("\n" + indent(4) + "{\n" + indent(5) + "\"time\": ");

	private static final byte[] NEXT_CALL = ascii(",\n" + indent(4) + "{\n" + indent(5) + "\"time\": ");

	private static final byte[] CRONO_COUNTER = ascii(",\n" + indent(5) + "\"crono_counter\": ");

	private static final byte[] EXTRA = ascii(",\n" + indent(5) + "\"extra\": ");

	private static final byte[] NULL = ascii("null");

	private static final byte[] CALL_END = ascii("\n" + indent(4) + "}");

	private static final byte[] TOPIC_ARRAY_END = ascii("\n" + indent(3) + "]");

	private static final byte[] GLOBAL_CALL_START = ascii(
			"\"" + BenchSummary.GLOBAL + "\": [\n" + indent(4) + "{\n" + indent(5) + "\"time\": ");

	private static final byte[] GLOBAL_CALL_END = ascii("\n" + indent(4) + "}\n" + indent(3) + "]");

	private static final byte[] CALLS_END_TO_ITERATION_END = ascii("\n" + indent(2) + "}\n" + indent(1) + "}");

	private static final byte[] EMPTY_CALLS_END_TO_ITERATION_END = ascii("}\n" + indent(1) + "}");

	private static final byte[] CALLS_END_TO_ITERATION_EXTRA = ascii(
			"\n" + indent(2) + "},\n" + indent(2) + "\"extra\": ");

	private static final byte[] EMPTY_CALLS_END_TO_ITERATION_EXTRA = ascii("},\n" + indent(2) + "\"extra\": ");

	private static final byte[] ITERATION_END = ascii("\n" + indent(1) + "}");

	private static final ObjectWriter EXTRA_WRITER = RunFileWriter.writer(new PythonPrettyPrinter(EXTRA_NESTING));

	private static final ObjectWriter ITERATION_EXTRA_WRITER = RunFileWriter
		.writer(new PythonPrettyPrinter(ITERATION_EXTRA_NESTING));

	private static final ObjectWriter NAME_WRITER = RunFileWriter.writer(null);

	private OutputStream out;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private int position;

	private final Map<String, byte[]> names = new HashMap<>();

	// host strings of iterations read back from saved runs, escaped once per host and
	// file
	private final Map<String, byte[]> hosts = new HashMap<>();

	// the saving process's HOST, escaped once per file; null to write none
	private final byte[] originHost;

	private final long originPid;

	private final RunFileWriter.ExtraWriter extras;

	private final ByteArrayOutputStream jacksonBytes = new ByteArrayOutputStream();

	private boolean first = true;

	// the grouping of the iteration being written, rebuilt in place for each one
	private final TopicSums scratchSums = new TopicSums();

	// the topic strings of the iteration before, by TopicSums index, with their encoded
	// names: iterations usually repeat the same string instances in the same order, and
	// an identity check is cheaper than a map lookup
	private String[] previousTopics = new String[8];

	private byte[][] previousNames = new byte[8][];

	// the text of this iteration's topic sums, then GLOBAL, each in a slot of
	// SecondsFormat.MAX_LENGTH bytes; a length of 0 when not formatted here
	private byte[] remembered = new byte[9 * SecondsFormat.MAX_LENGTH];

	private int[] rememberedLengths = new int[9];

	// this iteration's topic names, by TopicSums index: looked up once for both places
	// they appear
	private byte[][] iterationNames = new byte[8][];

	// the last wall-clock time written: an iteration usually starts at the reading that
	// stopped the one before
	private double lastEpochSeconds = Double.NaN;

	// Java's notation has at most 25 characters, and its exponent adds zeros
	private final byte[] lastEpochSecondsText = new byte[25 + RunFileWriter.MAX_EXPONENT_ZEROS];

	private int lastEpochSecondsLength;

	/**
	 * An emitter for ranges of one file's iterations, alone or one of several writing the
	 * same file.
	 * @param extras the file's extra writer, shared so that a file warns once
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 * @throws IOException if the host cannot be encoded
	 */
	DataFileEmitter(RunFileWriter.ExtraWriter extras, RunOrigin origin) throws IOException {
		this.extras = extras;
		String host = origin.host().orElse(null);
		this.originHost = (host != null) ? encodeString(host) : null;
		this.originPid = origin.pid().orElse(-1);
	}

	/**
	 * A snapshot's iterations in the DATA file's order: the retained ones, then the open
	 * ones.
	 * @param snapshot the snapshot
	 * @return the iterations
	 */
	static IterationData[] iterations(RunSnapshot snapshot) {
		IterationData[] iterations = new IterationData[snapshot.retained().size() + snapshot.open().size()];
		int i = 0;
		for (IterationData iteration : snapshot.retained()) {
			iterations[i++] = iteration;
		}
		for (IterationData iteration : snapshot.open()) {
			iterations[i++] = iteration;
		}
		return iterations;
	}

	/**
	 * Writes the iterations {@code from} to {@code to} of a file, with the array's
	 * opening bracket when {@code from} is 0 and its closing one when {@code to} is the
	 * last: the bytes that the whole file has in that place, so that ranges written one
	 * after the other make the file.
	 * @param target where the bytes go; not closed
	 * @param iterations all the file's iterations
	 * @param from the first iteration to write
	 * @param to the iteration after the last to write
	 * @throws IOException if the stream fails
	 */
	void writeRange(OutputStream target, IterationData[] iterations, int from, int to) throws IOException {
		this.out = target;
		this.first = from == 0;
		if (from == 0) {
			put(ROOT_START);
		}
		for (int i = from; i < to; i++) {
			writeIteration(iterations[i]);
		}
		if (to == iterations.length) {
			put((iterations.length == 0) ? EMPTY_ROOT_END : ROOT_END);
		}
		flushBuffer();
	}

	private void writeIteration(IterationData iteration) throws IOException {
		TopicSums sums = iteration.topicSums(this.scratchSums);
		put(this.first ? FIRST_ITERATION : NEXT_ITERATION);
		this.first = false;
		if (this.rememberedLengths.length <= sums.count()) {
			this.rememberedLengths = new int[sums.count() + 1];
			this.remembered = new byte[(sums.count() + 1) * SecondsFormat.MAX_LENGTH];
		}
		// nothing remembered for this iteration yet: GLOBAL is written only when closed
		this.rememberedLengths[sums.count()] = 0;
		if (this.iterationNames.length < sums.count()) {
			this.iterationNames = new byte[sums.count()][];
			this.previousTopics = new String[sums.count()];
			this.previousNames = new byte[sums.count()][];
		}
		boolean entries = false;
		for (int t = 0; t < sums.count(); t++) {
			put(entries ? NEXT_ENTRY_3 : FIRST_ENTRY_3);
			entries = true;
			String topic = sums.topic(t);
			byte[] name;
			if (this.previousTopics[t] == topic) {
				name = this.previousNames[t];
			}
			else {
				name = name(topic);
				this.previousTopics[t] = topic;
				this.previousNames[t] = name;
			}
			this.iterationNames[t] = name;
			put(name);
			put(NAME_SEPARATOR);
			putRememberedSeconds(t, sums.sum(t));
		}
		if (iteration.isClosed()) {
			put(entries ? NEXT_ENTRY_3 : FIRST_ENTRY_3);
			entries = true;
			put(GLOBAL_NAME);
			put(NAME_SEPARATOR);
			putRememberedSeconds(sums.count(), iteration.globalNanos());
		}
		put(entries ? ABSOLUTES_END_TO_STEP_NUMBER : EMPTY_ABSOLUTES_END_TO_STEP_NUMBER);
		putLong(iteration.number());
		put(START_TIME);
		putEpochSeconds(iteration.startEpochSeconds());
		put(STOP_TIME);
		putEpochSeconds(iteration.stopEpochSeconds());
		if (iteration.hasSource()) {
			putOrigin((iteration.sourceHost() != null) ? host(iteration.sourceHost()) : null, iteration.sourcePid());
		}
		else {
			putOrigin(this.originHost, this.originPid);
		}
		put(INFO_END_TO_CALLS);
		entries = false;
		for (int t = 0; t < sums.count(); t++) {
			String topic = sums.topic(t);
			put(entries ? NEXT_ENTRY_3 : FIRST_ENTRY_3);
			entries = true;
			put(this.iterationNames[t]);
			put(TOPIC_ARRAY_START);
			boolean calls = false;
			for (int i = sums.firstCall(t); i < iteration.size(); i++) {
				if (sums.topicIndexOfCall(i) == t) {
					put(calls ? NEXT_CALL : FIRST_CALL);
					calls = true;
					putSecondsOrRemembered(t, iteration.nanos(i), sums.sum(t));
					put(CRONO_COUNTER);
					putLong(i);
					put(EXTRA);
					Object extra = iteration.extra(i);
					if (extra == null) {
						put(NULL);
					}
					else {
						putExtra(topic, extra);
					}
					put(CALL_END);
				}
			}
			put(TOPIC_ARRAY_END);
		}
		if (iteration.isClosed()) {
			put(entries ? NEXT_ENTRY_3 : FIRST_ENTRY_3);
			entries = true;
			put(GLOBAL_CALL_START);
			putSecondsOrRemembered(sums.count(), iteration.globalNanos(), iteration.globalNanos());
			put(CRONO_COUNTER);
			putLong(iteration.size());
			put(GLOBAL_CALL_END);
		}
		Object iterationExtra = iteration.iterationExtra();
		if (iterationExtra == null) {
			put(entries ? CALLS_END_TO_ITERATION_END : EMPTY_CALLS_END_TO_ITERATION_END);
		}
		else {
			// after the original's three keys, as the generator writes it
			put(entries ? CALLS_END_TO_ITERATION_EXTRA : EMPTY_CALLS_END_TO_ITERATION_EXTRA);
			put(jackson(ITERATION_EXTRA_WRITER, (g) -> this.extras.write(g, "extra", iterationExtra)));
			put(ITERATION_END);
		}
	}

	private void putOrigin(byte[] host, long pid) throws IOException {
		if (host != null) {
			put(HOST);
			put(host);
		}
		if (pid >= 0) {
			put(PID);
			putLong(pid);
		}
	}

	/**
	 * Writes a topic's sum, or GLOBAL's, and keeps its text: the same value comes again
	 * among the calls, where a topic called once has its sum as its time.
	 */
	private void putRememberedSeconds(int slot, long nanos) throws IOException {
		int start = slot * SecondsFormat.MAX_LENGTH;
		int end = SecondsFormat.formatAscii(nanos, this.remembered, start);
		if (end < 0) {
			this.rememberedLengths[slot] = 0;
			putSeconds(nanos);
			return;
		}
		int length = end - start;
		this.rememberedLengths[slot] = length;
		put(this.remembered, start, length);
	}

	/** Writes a value, copying the remembered text of the slot when it is the same. */
	private void putSecondsOrRemembered(int slot, long nanos, long rememberedNanos) throws IOException {
		int length = this.rememberedLengths[slot];
		if (nanos != rememberedNanos || length == 0) {
			putSeconds(nanos);
			return;
		}
		put(this.remembered, slot * SecondsFormat.MAX_LENGTH, length);
	}

	private void putSeconds(long nanos) throws IOException {
		ensure(SecondsFormat.MAX_LENGTH);
		int end = SecondsFormat.formatAscii(nanos, this.buffer, this.position);
		if (end < 0) {
			// negative, or more than eleven days: the generator's double formatter
			putJackson(0, (g) -> g.writeNumber(nanos / 1e9));
			return;
		}
		this.position = end;
	}

	private void putEpochSeconds(double epochSeconds) throws IOException {
		if (epochSeconds == 0) {
			put((byte) '0');
		}
		else if (Double.isFinite(epochSeconds)) {
			if (epochSeconds != this.lastEpochSeconds) {
				this.lastEpochSeconds = epochSeconds;
				this.lastEpochSecondsLength = RunFileWriter.plainDecimalAscii(NumberOutput.toString(epochSeconds, true),
						this.lastEpochSecondsText);
			}
			put(this.lastEpochSecondsText, 0, this.lastEpochSecondsLength);
		}
		else {
			// as the generator writes a non-finite number, quoted or not
			putJackson(0, (g) -> g.writeNumber(epochSeconds));
		}
	}

	private void putLong(long value) throws IOException {
		ensure(20);
		if (value < 0) {
			putAscii(Long.toString(value));
			return;
		}
		byte[] buffer = this.buffer;
		int digits = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		int at = this.position + digits;
		this.position = at;
		long rest = value;
		do {
			buffer[--at] = (byte) ('0' + (int) (rest % 10));
			rest /= 10;
		}
		while (rest > 0);
	}

	/** A topic as a property name, escaped by Jackson once per topic and file. */
	private byte[] name(String topic) throws IOException {
		byte[] encoded = this.names.get(topic);
		if (encoded == null) {
			encoded = encodeName(topic);
			if (this.names.size() < MAX_ENCODED_NAMES) {
				this.names.put(topic, encoded);
			}
		}
		return encoded;
	}

	private byte[] encodeName(String topic) throws IOException {
		// {"name":0} without a pretty printer; the name's bytes lie between the brace and
		// the colon
		byte[] object = jackson(NAME_WRITER, (g) -> {
			g.writeStartObject();
			g.writeName(topic);
			g.writeNumber(0);
			g.writeEndObject();
		});
		byte[] name = new byte[object.length - 4];
		System.arraycopy(object, 1, name, 0, name.length);
		return name;
	}

	/** A host as a string value, escaped by Jackson once per host and file. */
	private byte[] host(String host) throws IOException {
		byte[] encoded = this.hosts.get(host);
		if (encoded == null) {
			encoded = encodeString(host);
			if (this.hosts.size() < MAX_ENCODED_NAMES) {
				this.hosts.put(host, encoded);
			}
		}
		return encoded;
	}

	private byte[] encodeString(String value) throws IOException {
		return jackson(NAME_WRITER, (g) -> g.writeString(value));
	}

	private void putExtra(String topic, Object extra) throws IOException {
		put(jackson(EXTRA_WRITER, (g) -> this.extras.write(g, topic, extra)));
	}

	private void putJackson(int nesting, RunFileWriter.GeneratorContent content) throws IOException {
		put(jackson(RunFileWriter.writer(new PythonPrettyPrinter(nesting)), content));
	}

	private byte[] jackson(ObjectWriter writer, RunFileWriter.GeneratorContent content) throws IOException {
		this.jacksonBytes.reset();
		try (JsonGenerator generator = writer.createGenerator(this.jacksonBytes)) {
			content.write(generator);
		}
		catch (JacksonException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		return this.jacksonBytes.toByteArray();
	}

	private void putAscii(String text) throws IOException {
		put(text.getBytes(StandardCharsets.US_ASCII));
	}

	private void put(byte b) throws IOException {
		ensure(1);
		this.buffer[this.position++] = b;
	}

	private void put(byte[] source, int offset, int length) throws IOException {
		ensure(length);
		System.arraycopy(source, offset, this.buffer, this.position, length);
		this.position += length;
	}

	private void put(byte[] bytes) throws IOException {
		if (bytes.length > MAX_FRAGMENT) {
			flushBuffer();
			this.out.write(bytes);
			return;
		}
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
		this.position += bytes.length;
	}

	private void ensure(int length) throws IOException {
		if (this.position + length > BUFFER_SIZE) {
			flushBuffer();
		}
	}

	private void flushBuffer() throws IOException {
		if (this.position > 0) {
			this.out.write(this.buffer, 0, this.position);
			this.position = 0;
		}
	}

	private static String indent(int level) {
		return "    ".repeat(level);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
