package io.porterbench.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import tools.jackson.core.io.NumberInput;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a DATA file, or a part of it cut at an iteration boundary, straight from its
 * bytes into the same iterations as {@link RunFileParser#iterations()}, several times
 * faster than Jackson's token stream.
 *
 * <p>
 * It reads the DATA file's own schema only (the keys both writers put in an iteration, a
 * call and {@code info}), in any key order and with any JSON whitespace, and gives up,
 * returning {@code null}, on anything else: an unknown key, a value of another type, a
 * missing key, a number with more than 18 digits before its exponent or otherwise out of
 * its reach, bad UTF-8, broken JSON, a truncated file. The caller then reads the file
 * with Jackson, which reads what this scanner does not and reports every problem with its
 * precise message. So this class never decides what is wrong with a file, and whatever it
 * accepts Jackson accepts with the same result: numbers are decoded with correct rounding
 * (Clinger's exact fast path, else Jackson's own {@link NumberInput}), strings with
 * escapes or non-ASCII bytes, and every non-null {@code extra}, are handed to Jackson's
 * mapper, after the same strict UTF-8 check as {@link Utf8CheckingInputStream}, and
 * collections have the same types and order as the parser's.
 */
final class DataFileScanner {

	private static final int BUFFER_BYTES = 1 << 20;

	// an iteration is parsed again from its start when the buffer ends inside it; keeping
	// this much ahead makes that rare
	private static final int AHEAD_BYTES = 1 << 16;

	// beyond these, Jackson's limits or slower paths apply: leave such files to it
	private static final int MAX_NUMBER_CHARS = 64;

	private static final int MAX_STRING_BYTES = 1 << 16;

	private static final int MAX_EXTRA_DEPTH = 64;

	private static final long MAX_EXACT_SIGNIFICAND = 1L << 53;

	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
			1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	private static final double TWO_TO_THE_63 = 0x1p63;

	private static final int KEY_OTHER = 0;

	private static final int KEY_ABSOLUTES = 1;

	private static final int KEY_INFO = 2;

	private static final int KEY_CALLS = 3;

	private static final int KEY_EXTRA = 4;

	private static final int KEY_STEP_NUMBER = 5;

	private static final int KEY_START_TIME = 6;

	private static final int KEY_STOP_TIME = 7;

	private static final int KEY_HOST = 8;

	private static final int KEY_PID = 9;

	private static final int KEY_TIME = 10;

	private static final int KEY_CRONO_COUNTER = 11;

	private static final byte[][] KEYS = { null, ascii("absolutes"), ascii("info"), ascii("individual_calls"),
			ascii("extra"), ascii("STEP_NUMBER"), ascii("START_TIME"), ascii("STOP_TIME"), ascii("HOST"), ascii("PID"),
			ascii("time"), ascii("crono_counter") };

	private static final int[] KEY_BY_SHAPE = keysByShape();

	// A call as both writers lay it out: an indent of four spaces, the call at depth four
	// (file, iteration, individual_calls, topic), its keys in this order, and extra null
	// or, in GLOBAL's call, absent. Most of a DATA file's bytes are such calls.
	private static final byte[] CALL_TIME = ascii("{\n" + " ".repeat(20) + "\"time\": ");

	private static final byte[] CALL_COUNTER = ascii(",\n" + " ".repeat(20) + "\"crono_counter\": ");

	private static final byte[] CALL_NULL_EXTRA_END = ascii(
			",\n" + " ".repeat(20) + "\"extra\": null\n" + " ".repeat(16) + "}");

	private static final byte[] CALL_END = ascii("\n" + " ".repeat(16) + "}");

	private static final int NAME_SLOTS = 64;

	private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final long EIGHT_SPACES = 0x2020202020202020L;

	/**
	 * A de Bruijn sequence: the top six bits of {@code bit * DE_BRUIJN} differ for each
	 * of the 64 single-bit values {@code bit}.
	 */
	private static final long DE_BRUIJN = 0x03f79d71b4ca8b09L;

	/**
	 * For the top six bits of {@code (1L << n) * DE_BRUIJN}, the byte index
	 * {@code n / 8}.
	 */
	private static final byte[] BYTE_OF_LOWEST_BIT = new byte[64];

	static {
		for (int bit = 0; bit < 64; bit++) {
			BYTE_OF_LOWEST_BIT[(int) ((DE_BRUIJN << bit) >>> 58)] = (byte) (bit >>> 3);
		}
	}

	private final FileChannel channel;

	private final ObjectMapper mapper;

	private long filePosition;

	private final long fileEnd;

	private byte[] buffer = new byte[BUFFER_BYTES];

	private int position;

	private int limit;

	private final char[] chars = new char[MAX_NUMBER_CHARS];

	private final CompactIterations shapes = new CompactIterations();

	private final byte[][] nameBytes = new byte[NAME_SLOTS][];

	private final String[] names = new String[NAME_SLOTS];

	// the last host and pid read, which the next iterations share
	private byte[] lastStringBytes;

	private String lastString;

	private Long lastPid;

	private DataFileScanner(FileChannel channel, long from, long to, ObjectMapper mapper) {
		this.channel = channel;
		this.filePosition = from;
		this.fileEnd = to;
		this.mapper = mapper;
	}

	/**
	 * Reads a DATA file's bytes from {@code from} to {@code to}: the whole file, or a
	 * part that starts (unless first) at an iteration's opening brace and ends (unless
	 * last) after an iteration's closing brace.
	 * @param file the DATA file
	 * @param from the first byte
	 * @param to the end, exclusive
	 * @param first whether the part starts the file (with its {@code [})
	 * @param last whether the part ends the file (with its {@code ]})
	 * @param mapper reads {@code extra} values, configured as the parser's
	 * @return the iterations in file order, or {@code null} when the bytes are not what
	 * this scanner reads, for Jackson to read or report
	 */
	static List<SavedIteration> scan(Path file, long from, long to, boolean first, boolean last, ObjectMapper mapper) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			return new DataFileScanner(channel, from, to, mapper).iterations(first, last);
		}
		catch (Unreadable | IOException ex) {
			return null;
		}
		catch (RuntimeException ex) {
			// whatever else went wrong, Jackson's reading says it precisely
			return null;
		}
	}

	private List<SavedIteration> iterations(boolean first, boolean last) throws IOException {
		List<SavedIteration> iterations = new ArrayList<>();
		fill(this.position);
		if (first) {
			skipWhitespace();
			expect('[');
			skipWhitespace();
			if (peek() == ']') {
				this.position++;
				return end(last, iterations);
			}
		}
		while (true) {
			iterations.add(iterationFromBuffer());
			if (!last && atEnd()) {
				return Collections.unmodifiableList(iterations);
			}
			if (this.limit - this.position < AHEAD_BYTES) {
				fill(this.position);
			}
			skipWhitespace();
			byte separator = next();
			if (separator == ']' && last) {
				return end(true, iterations);
			}
			if (separator != ',') {
				throw Unreadable.INSTANCE;
			}
			skipWhitespace();
		}
	}

	private List<SavedIteration> end(boolean last, List<SavedIteration> iterations) throws IOException {
		if (!last) {
			throw Unreadable.INSTANCE;
		}
		while (true) {
			while (this.position < this.limit) {
				if (!isWhitespace(this.buffer[this.position])) {
					throw Unreadable.INSTANCE;
				}
				this.position++;
			}
			if (atEnd()) {
				return Collections.unmodifiableList(iterations);
			}
		}
	}

	/**
	 * One iteration, parsed again from its start with more of the file in the buffer when
	 * the buffer ends inside it.
	 */
	private SavedIteration iterationFromBuffer() throws IOException {
		if (this.limit - this.position < AHEAD_BYTES) {
			fill(this.position);
		}
		while (true) {
			int start = this.position;
			try {
				return iteration();
			}
			catch (NeedMore ex) {
				if (this.filePosition >= this.fileEnd) {
					// truncated
					throw Unreadable.INSTANCE;
				}
				this.position = start;
				fill(start);
			}
		}
	}

	/**
	 * Moves the bytes from {@code keep} on to the buffer's start, growing it when they
	 * fill it, and reads more of the file after them.
	 */
	private void fill(int keep) throws IOException {
		int kept = this.limit - keep;
		if (keep == 0 && kept == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		else {
			System.arraycopy(this.buffer, keep, this.buffer, 0, kept);
		}
		this.position -= keep;
		this.limit = kept;
		ByteBuffer into = ByteBuffer.wrap(this.buffer, this.limit,
				(int) Math.min(this.buffer.length - this.limit, this.fileEnd - this.filePosition));
		while (into.hasRemaining()) {
			int read = this.channel.read(into, this.filePosition);
			if (read < 0) {
				// the file shrank while read
				throw Unreadable.INSTANCE;
			}
			this.filePosition += read;
		}
		this.limit = into.position();
	}

	private boolean atEnd() throws IOException {
		if (this.position < this.limit) {
			return false;
		}
		if (this.filePosition >= this.fileEnd) {
			return true;
		}
		fill(this.position);
		return this.position >= this.limit;
	}

	private SavedIteration iteration() {
		expect('{');
		Map<String, Double> absolutes = null;
		Info info = null;
		Map<String, List<SavedCall>> calls = null;
		Object extra = null;
		skipWhitespace();
		if (peek() != '}') {
			do {
				skipWhitespace();
				int key = key();
				switch (key) {
					case KEY_ABSOLUTES -> absolutes = absolutes();
					case KEY_INFO -> info = info();
					case KEY_CALLS -> calls = calls();
					case KEY_EXTRA -> extra = extra(2);
					default -> throw Unreadable.INSTANCE;
				}
				skipWhitespace();
			}
			while (comma());
		}
		expect('}');
		if (absolutes == null || info == null || calls == null) {
			throw Unreadable.INSTANCE;
		}
		return new SavedIteration(info.stepNumber, info.startTime, info.stopTime, absolutes, calls, info.host, info.pid,
				extra);
	}

	private Map<String, Double> absolutes() {
		this.shapes.startTimes();
		expect('{');
		skipWhitespace();
		if (peek() != '}') {
			do {
				skipWhitespace();
				String topic = name();
				this.shapes.time(topic, number());
				skipWhitespace();
			}
			while (comma());
		}
		expect('}');
		return this.shapes.times();
	}

	private Info info() {
		Info info = new Info();
		boolean stepNumber = false;
		boolean stopTime = false;
		expect('{');
		skipWhitespace();
		if (peek() != '}') {
			do {
				skipWhitespace();
				switch (key()) {
					case KEY_STEP_NUMBER -> {
						info.stepNumber = whole();
						stepNumber = true;
					}
					case KEY_START_TIME -> info.startTime = startTime();
					case KEY_STOP_TIME -> {
						info.stopTime = number();
						stopTime = true;
					}
					case KEY_HOST -> info.host = string();
					case KEY_PID -> info.pid = pid(whole());
					default -> throw Unreadable.INSTANCE;
				}
				skipWhitespace();
			}
			while (comma());
		}
		expect('}');
		if (!stepNumber || !stopTime) {
			throw Unreadable.INSTANCE;
		}
		return info;
	}

	private double startTime() {
		byte b = peek();
		if (b == 'n') {
			literal("null");
			return Double.NaN;
		}
		if (b == '[') {
			// the original writes [] for an iteration opened by start()
			this.position++;
			skipWhitespace();
			expect(']');
			return Double.NaN;
		}
		return number();
	}

	private Map<String, List<SavedCall>> calls() {
		this.shapes.startCalls();
		expect('{');
		skipWhitespace();
		if (peek() != '}') {
			do {
				skipWhitespace();
				String topic = name();
				expect('[');
				skipWhitespace();
				if (peek() != ']') {
					do {
						skipWhitespace();
						call();
						skipWhitespace();
					}
					while (comma());
				}
				expect(']');
				this.shapes.endCallTopic(topic);
				skipWhitespace();
			}
			while (comma());
		}
		expect('}');
		return this.shapes.calls();
	}

	private void call() {
		int start = this.position;
		if (laidOutCall()) {
			return;
		}
		this.position = start;
		double time = 0;
		boolean hasTime = false;
		int cronoCounter = 0;
		boolean hasCounter = false;
		Object extra = null;
		expect('{');
		skipWhitespace();
		if (peek() != '}') {
			do {
				skipWhitespace();
				switch (key()) {
					case KEY_TIME -> {
						time = number();
						hasTime = true;
					}
					case KEY_CRONO_COUNTER -> {
						long counter = whole();
						if (counter < Integer.MIN_VALUE || counter > Integer.MAX_VALUE) {
							throw Unreadable.INSTANCE;
						}
						cronoCounter = (int) counter;
						hasCounter = true;
					}
					case KEY_EXTRA -> extra = extra(6);
					default -> throw Unreadable.INSTANCE;
				}
				skipWhitespace();
			}
			while (comma());
		}
		expect('}');
		if (!hasTime || !hasCounter) {
			throw Unreadable.INSTANCE;
		}
		this.shapes.call(time, cronoCounter, extra);
	}

	/**
	 * A call as both writers lay it out ({@link #CALL_TIME}), read by matching its
	 * separators, indents and keys as whole runs of bytes; false, with the position
	 * anywhere in the call, when it is laid out otherwise, for the general reading to
	 * start again. The numbers are read by the same methods, so both ways give the same
	 * call or the same failure.
	 */
	private boolean laidOutCall() {
		if (!skip(CALL_TIME)) {
			return false;
		}
		double time = number();
		if (!skip(CALL_COUNTER)) {
			return false;
		}
		long counter = whole();
		if (counter < Integer.MIN_VALUE || counter > Integer.MAX_VALUE) {
			throw Unreadable.INSTANCE;
		}
		if (!skip(CALL_NULL_EXTRA_END) && !skip(CALL_END)) {
			return false;
		}
		this.shapes.call(time, (int) counter, null);
		return true;
	}

	/** Moves past these bytes when they come next in the buffer. */
	private boolean skip(byte[] expected) {
		int end = this.position + expected.length;
		if (end > this.limit || !Arrays.equals(this.buffer, this.position, end, expected, 0, expected.length)) {
			return false;
		}
		this.position = end;
		return true;
	}

	/**
	 * An {@code extra} value: {@code null} here, anything else read by Jackson from its
	 * bytes, as the parser does from the stream.
	 * @param depth how deep the value starts in the file, for Jackson's nesting limit
	 */
	private Object extra(int depth) {
		byte b = peek();
		if (b == 'n') {
			literal("null");
			return null;
		}
		int start = this.position;
		skipValue(depth);
		int length = this.position - start;
		checkUtf8(start, length);
		try {
			return this.mapper.readValue(this.buffer, start, length, Object.class);
		}
		catch (RuntimeException ex) {
			throw Unreadable.INSTANCE;
		}
	}

	/** Moves past one JSON value, without decoding it. */
	private void skipValue(int depth) {
		byte b = peek();
		if (b == '{' || b == '[') {
			int nesting = 0;
			do {
				b = next();
				if (b == '{' || b == '[') {
					nesting++;
					if (nesting > MAX_EXTRA_DEPTH - depth) {
						throw Unreadable.INSTANCE;
					}
				}
				else if (b == '}' || b == ']') {
					nesting--;
				}
				else if (b == '"') {
					this.position--;
					skipString();
				}
			}
			while (nesting > 0);
		}
		else if (b == '"') {
			skipString();
		}
		else {
			// a number or a literal: Jackson checks it
			while (!isDelimiter(peek())) {
				this.position++;
			}
		}
	}

	private void skipString() {
		expect('"');
		while (true) {
			byte b = next();
			if (b == '"') {
				return;
			}
			if (b == '\\') {
				next();
			}
		}
	}

	private static boolean isDelimiter(byte b) {
		return b == ',' || b == '}' || b == ']' || isWhitespace(b);
	}

	/** After a member or element: true past a comma, false before the closing bracket. */
	private boolean comma() {
		byte b = peek();
		if (b == ',') {
			this.position++;
			return true;
		}
		return false;
	}

	/** A fixed key of the schema and its colon, as one of the {@code KEY_} codes. */
	private int key() {
		expect('"');
		int start = this.position;
		int end = plainStringEnd();
		if (end < 0) {
			throw Unreadable.INSTANCE;
		}
		int length = end - start;
		this.position = end + 1;
		colon();
		if (length >= KEY_BY_SHAPE.length / 128) {
			return KEY_OTHER;
		}
		int key = KEY_BY_SHAPE[(length << 7) | (this.buffer[start] & 0x7f)];
		return (key != KEY_OTHER && matches(start, KEYS[key])) ? key : KEY_OTHER;
	}

	/**
	 * The one key that could be written with a given length and first byte (no two keys
	 * share both), indexed by {@code length << 7 | firstByte}.
	 */
	private static int[] keysByShape() {
		int longest = Arrays.stream(KEYS).skip(1).mapToInt((key) -> key.length).max().orElseThrow();
		int[] keys = new int[(longest + 1) << 7];
		for (int key = 1; key < KEYS.length; key++) {
			int shape = (KEYS[key].length << 7) | KEYS[key][0];
			if (keys[shape] != KEY_OTHER) {
				throw new IllegalStateException("Two keys of the same length start with the same byte");
			}
			keys[shape] = key;
		}
		return keys;
	}

	private boolean matches(int start, byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			if (this.buffer[start + i] != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A topic name and its colon; the same bytes give the same string within a part, so a
	 * name is decoded once, not once per iteration.
	 */
	private String name() {
		expect('"');
		int start = this.position;
		int hash = 0;
		boolean plain = true;
		byte b;
		while ((b = next()) != '"') {
			if (b < 0x20 || b == '\\') {
				// escapes, control characters (an error) and non-ASCII bytes: Jackson
				plain = false;
				if (b == '\\') {
					hash = 31 * hash + b;
					b = next();
				}
			}
			hash = 31 * hash + b;
		}
		int end = this.position - 1;
		if (end - start > MAX_STRING_BYTES) {
			throw Unreadable.INSTANCE;
		}
		int slot = hash & (NAME_SLOTS - 1);
		byte[] known = this.nameBytes[slot];
		String name;
		if (known != null && known.length == end - start && matches(start, known)) {
			name = this.names[slot];
		}
		else {
			name = plain ? new String(this.buffer, start, end - start, StandardCharsets.US_ASCII)
					: decode(start - 1, end + 1);
			this.nameBytes[slot] = Arrays.copyOfRange(this.buffer, start, end);
			this.names[slot] = name;
		}
		colon();
		return name;
	}

	private void colon() {
		skipWhitespace();
		expect(':');
		skipWhitespace();
	}

	/** A string value; plain ASCII here, anything else decoded by Jackson. */
	private String string() {
		expect('"');
		int start = this.position;
		int end = plainStringEnd();
		if (end >= 0) {
			this.position = end + 1;
			// every iteration of a run names the same host: one string for all of them
			if (this.lastString == null || this.lastStringBytes.length != end - start
					|| !matches(start, this.lastStringBytes)) {
				this.lastStringBytes = Arrays.copyOfRange(this.buffer, start, end);
				this.lastString = new String(this.lastStringBytes, StandardCharsets.US_ASCII);
			}
			return this.lastString;
		}
		this.position = start - 1;
		skipString();
		if (this.position - start > MAX_STRING_BYTES) {
			throw Unreadable.INSTANCE;
		}
		return decode(start - 1, this.position);
	}

	/**
	 * The string token from {@code from} (its opening quote) to {@code to}, by Jackson.
	 */
	private String decode(int from, int to) {
		checkUtf8(from, to - from);
		try {
			return this.mapper.readValue(this.buffer, from, to - from, String.class);
		}
		catch (RuntimeException ex) {
			throw Unreadable.INSTANCE;
		}
	}

	/**
	 * Where the string that starts at the position ends (its closing quote), or -1 when
	 * it holds an escape, a control character or a non-ASCII byte; the position does not
	 * move.
	 */
	private int plainStringEnd() {
		for (int i = this.position;; i++) {
			if (i >= this.limit) {
				throw NeedMore.INSTANCE;
			}
			byte b = this.buffer[i];
			if (b == '"') {
				return i;
			}
			if (b < 0x20 || b == '\\') {
				return -1;
			}
		}
	}

	private void checkUtf8(int start, int length) {
		for (int i = start; i < start + length; i++) {
			if (this.buffer[i] < 0) {
				try (InputStream in = new Utf8CheckingInputStream(
						new ByteArrayInputStream(this.buffer, start, length))) {
					in.readAllBytes();
				}
				catch (IOException ex) {
					throw Unreadable.INSTANCE;
				}
				return;
			}
		}
	}

	/** The pid, boxed once for all the iterations of a process. */
	private Long pid(long pid) {
		if (this.lastPid == null || this.lastPid != pid) {
			this.lastPid = pid;
		}
		return this.lastPid;
	}

	private long whole() {
		int start = this.position;
		boolean negative = peek() == '-';
		if (negative) {
			this.position++;
		}
		long value = 0;
		int digits = 0;
		byte b = next();
		if (b == '0') {
			b = peek();
		}
		else if (b >= '1' && b <= '9') {
			value = b - '0';
			digits = 1;
			while ((b = peek()) >= '0' && b <= '9') {
				if (++digits > 18) {
					throw Unreadable.INSTANCE;
				}
				value = value * 10 + (b - '0');
				this.position++;
			}
		}
		else {
			throw Unreadable.INSTANCE;
		}
		if (b == '.' || b == 'e' || b == 'E') {
			// a float that may be whole, as the parser accepts
			this.position = start;
			double number = number();
			if (number == Math.rint(number) && Math.abs(number) < TWO_TO_THE_63) {
				return (long) number;
			}
			throw Unreadable.INSTANCE;
		}
		return negative ? -value : value;
	}

	/** A number as the parser's {@code getDoubleValue} gives it. */
	private double number() {
		int start = this.position;
		byte b = peek();
		if (b == 'N') {
			literal("NaN");
			return Double.NaN;
		}
		if (b == 'I') {
			literal("Infinity");
			return Double.POSITIVE_INFINITY;
		}
		boolean negative = b == '-';
		if (negative) {
			this.position++;
			if (peek() == 'I') {
				literal("Infinity");
				return Double.NEGATIVE_INFINITY;
			}
		}
		long significand = 0;
		int digits = 0;
		int exponent = 0;
		b = next();
		if (b >= '1' && b <= '9') {
			significand = b - '0';
			digits = 1;
			while ((b = peek()) >= '0' && b <= '9') {
				significand = significand * 10 + (b - '0');
				digits++;
				this.position++;
				if (digits > 18) {
					return slowNumber(start);
				}
			}
		}
		else if (b == '0') {
			b = peek();
		}
		else {
			throw Unreadable.INSTANCE;
		}
		boolean integer = true;
		if (b == '.') {
			integer = false;
			this.position++;
			b = peek();
			if (b < '0' || b > '9') {
				throw Unreadable.INSTANCE;
			}
			do {
				this.position++;
				if (digits > 0 || b != '0') {
					significand = significand * 10 + (b - '0');
					digits++;
					if (digits > 18) {
						return slowNumber(start);
					}
				}
				exponent--;
				b = peek();
			}
			while (b >= '0' && b <= '9');
		}
		if (b == 'e' || b == 'E') {
			integer = false;
			this.position++;
			b = next();
			boolean negativeExponent = b == '-';
			if (b == '-' || b == '+') {
				b = next();
			}
			if (b < '0' || b > '9') {
				throw Unreadable.INSTANCE;
			}
			int written = b - '0';
			while ((b = peek()) >= '0' && b <= '9') {
				written = written * 10 + (b - '0');
				this.position++;
				if (written > 9999) {
					return slowNumber(start);
				}
			}
			exponent += negativeExponent ? -written : written;
		}
		if (integer) {
			// the parser reads an integer token as a long, then converts it
			return (double) (negative ? -significand : significand);
		}
		if (significand < MAX_EXACT_SIGNIFICAND && exponent >= -22 && exponent <= 22) {
			// Clinger's fast path: both operands exact, so one rounding, the correct one
			double value = (exponent < 0) ? significand / POWERS_OF_TEN[-exponent]
					: significand * POWERS_OF_TEN[exponent];
			return negative ? -value : value;
		}
		return slowNumber(start);
	}

	/** A number that needs a general decoder: Jackson's, as the parser uses. */
	private double slowNumber(int start) {
		this.position = start;
		int length = 0;
		byte b;
		while (!isDelimiter(b = peek())) {
			if (length == MAX_NUMBER_CHARS) {
				throw Unreadable.INSTANCE;
			}
			this.chars[length++] = (char) b;
			this.position++;
		}
		validNumber(length);
		boolean integer = true;
		for (int i = 0; i < length; i++) {
			if (this.chars[i] == '.' || this.chars[i] == 'e' || this.chars[i] == 'E') {
				integer = false;
			}
		}
		if (integer) {
			// a big integer: the parser's BigInteger conversion; leave it to the parser
			throw Unreadable.INSTANCE;
		}
		try {
			return NumberInput.parseDouble(this.chars, 0, length, true);
		}
		catch (NumberFormatException ex) {
			throw Unreadable.INSTANCE;
		}
	}

	/** JSON's number grammar, on the copied characters. */
	private void validNumber(int length) {
		int i = 0;
		if (i < length && this.chars[i] == '-') {
			i++;
		}
		if (i >= length) {
			throw Unreadable.INSTANCE;
		}
		if (this.chars[i] == '0') {
			i++;
		}
		else {
			i = digits(i, length);
		}
		if (i < length && this.chars[i] == '.') {
			i = digits(i + 1, length);
		}
		if (i < length && (this.chars[i] == 'e' || this.chars[i] == 'E')) {
			i++;
			if (i < length && (this.chars[i] == '-' || this.chars[i] == '+')) {
				i++;
			}
			i = digits(i, length);
		}
		if (i != length) {
			throw Unreadable.INSTANCE;
		}
	}

	/** Past at least one digit from {@code i}. */
	private int digits(int i, int length) {
		int from = i;
		while (i < length && this.chars[i] >= '0' && this.chars[i] <= '9') {
			i++;
		}
		if (i == from) {
			throw Unreadable.INSTANCE;
		}
		return i;
	}

	private void literal(String literal) {
		for (int i = 0; i < literal.length(); i++) {
			if (next() != literal.charAt(i)) {
				throw Unreadable.INSTANCE;
			}
		}
		if (!isDelimiter(peek())) {
			throw Unreadable.INSTANCE;
		}
	}

	private void skipWhitespace() {
		// The writers indent with a newline and a run of spaces: eight bytes at a time,
		// the first non-space found from the bits that differ from eight spaces.
		while (true) {
			if (this.position + Long.BYTES <= this.limit) {
				long differences = (long) EIGHT_BYTES.get(this.buffer, this.position) ^ EIGHT_SPACES;
				if (differences == 0) {
					this.position += Long.BYTES;
					continue;
				}
				this.position += lowestNonZeroByte(differences);
			}
			else if (this.position >= this.limit) {
				throw NeedMore.INSTANCE;
			}
			if (!isWhitespace(this.buffer[this.position])) {
				return;
			}
			this.position++;
		}
	}

	/**
	 * The index of the lowest byte of a non-zero word that is not zero. Not
	 * {@code Long.numberOfTrailingZeros(word) >>> 3}: that is one instruction in C2's
	 * code but a call of about 15 ns in C1's, where the scanner runs for much of a first
	 * load, and for the whole of one under {@code -XX:TieredStopAtLevel=1}; this is about
	 * 2 ns in both.
	 */
	static int lowestNonZeroByte(long word) {
		return BYTE_OF_LOWEST_BIT[(int) (((word & -word) * DE_BRUIJN) >>> 58)];
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t';
	}

	private void expect(char c) {
		if (next() != c) {
			throw Unreadable.INSTANCE;
		}
	}

	private byte next() {
		if (this.position >= this.limit) {
			throw NeedMore.INSTANCE;
		}
		return this.buffer[this.position++];
	}

	private byte peek() {
		if (this.position >= this.limit) {
			throw NeedMore.INSTANCE;
		}
		return this.buffer[this.position];
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static final class Info {

		long stepNumber;

		double startTime = Double.NaN;

		double stopTime;

		String host;

		Long pid;

	}

	/** The bytes are not what this scanner reads. */
	private static final class Unreadable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		static final Unreadable INSTANCE = new Unreadable();

		private Unreadable() {
			super("not read by the scanner", null, false, false);
		}

	}

	/** The buffer ends before the iteration does. */
	private static final class NeedMore extends RuntimeException {

		private static final long serialVersionUID = 1L;

		static final NeedMore INSTANCE = new NeedMore();

		private NeedMore() {
			super("the buffer ends inside the iteration", null, false, false);
		}

	}

}
