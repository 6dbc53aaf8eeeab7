package io.porterbench.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The index of a DATA file: the same iterations in binary, written beside it by
 * porter-bench's save ({@code <name>_STEP_DICT_DATA.index}) and read instead of the DATA
 * file while it still describes that file, so that a run of 100,000 iterations loads
 * without parsing 175 MB of JSON.
 *
 * <p>
 * The DATA file stays the record: the Python original and every other tool read only the
 * JSON files (the index's name does not end in {@code .json}), and an index is used only
 * when the DATA file has the size, modification time and first and last bytes the index
 * was written for, and the index itself is whole (its CRC-32C matches). Anything else (no
 * index, an edited, copied or re-saved DATA file, a torn or foreign index, a symbolic
 * link) makes the reader parse the DATA file as before, so an index can only make a read
 * faster, never change what it gives. An index holds the values exactly as the DATA file
 * gives them once parsed: durations as whole nanoseconds (the file holds
 * {@code nanos / 1e9}, which parses back to that double), times as the doubles written.
 * Iterations with an {@code extra} are not indexed: a save that has one writes no index.
 *
 * <p>
 * This class holds the format, both ways; the save puts the file in place atomically and,
 * as derived data, does not force it to disk: after a crash it is whole, missing, or
 * fails its checksum.
 */
public final class DataIndex {

	/** The extension that replaces the DATA file's {@code .json}. */
	public static final String EXTENSION = ".index";

	/** "PBINDEX" and the format version. */
	private static final long MAGIC = 0x5042494E44455802L;

	/** Bytes of each end of the DATA file whose checksum the index keeps. */
	private static final int SAMPLED_BYTES = 4096;

	private static final int HEADER_BYTES = Long.BYTES * 5;

	/** The trailer's offset and the checksum. */
	private static final int END_BYTES = Long.BYTES + Integer.BYTES;

	/** The iterations between two offsets in the trailer, where a reader may cut. */
	static final int BLOCK_ITERATIONS = 4096;

	/** A string reference to no string. */
	private static final int NO_STRING = -1;

	private static final double NANOS_PER_SECOND = 1e9;

	private final ByteBuffer bytes;

	private final String[] strings;

	private final int iterationCount;

	private final long[] blockOffsets;

	private final long end;

	private DataIndex(ByteBuffer bytes, String[] strings, int iterationCount, long[] blockOffsets, long end) {
		this.bytes = bytes;
		this.strings = strings;
		this.iterationCount = iterationCount;
		this.blockOffsets = blockOffsets;
		this.end = end;
	}

	/**
	 * The index file of a DATA file.
	 * @param dataFile the DATA file
	 * @return the path beside it
	 */
	public static Path fileOf(Path dataFile) {
		String name = dataFile.getFileName().toString();
		String stem = name.endsWith(RunFiles.EXTENSION) ? name.substring(0, name.length() - RunFiles.EXTENSION.length())
				: name;
		return dataFile.resolveSibling(stem + EXTENSION);
	}

	/**
	 * Opens the index of a DATA file, checked whole and describing the file as it is now.
	 * @param dataFile the DATA file
	 * @param maxBytes the largest DATA file to read
	 * @return the index, or {@code null} when there is none that can be used
	 */
	static DataIndex open(Path dataFile, long maxBytes) {
		try {
			Path index = fileOf(dataFile);
			if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
				return null;
			}
			BasicFileAttributes data = Files.readAttributes(dataFile, BasicFileAttributes.class);
			if (data.size() > maxBytes) {
				return null;
			}
			ByteBuffer bytes = readWhole(index, data.size());
			if (bytes == null || !describes(bytes, dataFile, data)) {
				return null;
			}
			return withTrailer(bytes);
		}
		catch (IOException | RuntimeException ex) {
			// any index that cannot be used is passed over: the DATA file is parsed
			return null;
		}
	}

	/** The whole index when it is no larger than its DATA file and its checksum holds. */
	private static ByteBuffer readWhole(Path index, long dataSize) throws IOException {
		try (SeekableByteChannel channel = Files.newByteChannel(index,
				Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
			long size = channel.size();
			if (size < HEADER_BYTES + END_BYTES || size > dataSize) {
				return null;
			}
			ByteBuffer bytes = allocateOutsideTheHeap((int) size);
			if (bytes == null) {
				return null;
			}
			while (bytes.hasRemaining()) {
				if (channel.read(bytes) < 0) {
					return null;
				}
			}
			bytes.flip();
			CRC32C crc = new CRC32C();
			crc.update(bytes.duplicate().limit(bytes.limit() - Integer.BYTES));
			if ((int) crc.getValue() != bytes.getInt(bytes.limit() - Integer.BYTES)) {
				return null;
			}
			return bytes;
		}
	}

	/**
	 * A buffer outside the heap, where one large array would be a humongous object that
	 * makes G1 start a marking cycle in the middle of the read; {@code null} when the
	 * JVM's limit on such memory ({@code -XX:MaxDirectMemorySize}) leaves no room, and
	 * the DATA file is then parsed.
	 */
	private static ByteBuffer allocateOutsideTheHeap(int size) {
		try {
			return ByteBuffer.allocateDirect(size);
		}
		catch (OutOfMemoryError ex) {
			// only the direct memory limit, after the JVM has collected and retried: the
			// heap is untouched and the parser needs none of this memory
			return null;
		}
	}

	private static boolean describes(ByteBuffer index, Path dataFile, BasicFileAttributes data) throws IOException {
		Instant modified = data.lastModifiedTime().toInstant();
		return index.getLong(0) == MAGIC && index.getLong(Long.BYTES) == data.size()
				&& index.getLong(Long.BYTES * 2) == modified.getEpochSecond()
				&& index.getLong(Long.BYTES * 3) == modified.getNano()
				&& index.getLong(Long.BYTES * 4) == endsChecksum(dataFile, data.size());
	}

	/** Reads the trailer: the strings, the number of iterations and the block offsets. */
	private static DataIndex withTrailer(ByteBuffer bytes) {
		long end = bytes.getLong(bytes.limit() - END_BYTES);
		if (end < HEADER_BYTES || end > bytes.limit() - END_BYTES) {
			return null;
		}
		ByteBuffer trailer = bytes.duplicate().position((int) end).limit(bytes.limit() - END_BYTES);
		String[] strings = new String[count(trailer)];
		for (int i = 0; i < strings.length; i++) {
			byte[] utf8 = new byte[count(trailer)];
			trailer.get(utf8);
			strings[i] = new String(utf8, StandardCharsets.UTF_8);
		}
		// not a length in bytes, unlike the other counts: only its sign is checked here
		int iterationCount = trailer.getInt();
		long[] blockOffsets = new long[count(trailer)];
		if (iterationCount < 0 || blockOffsets.length != (iterationCount + BLOCK_ITERATIONS - 1) / BLOCK_ITERATIONS) {
			return null;
		}
		for (int i = 0; i < blockOffsets.length; i++) {
			blockOffsets[i] = trailer.getLong();
			if (blockOffsets[i] < HEADER_BYTES || blockOffsets[i] >= end
					|| (i > 0 && blockOffsets[i] <= blockOffsets[i - 1])) {
				return null;
			}
		}
		return trailer.hasRemaining() ? null : new DataIndex(bytes, strings, iterationCount, blockOffsets, end);
	}

	private static int count(ByteBuffer bytes) {
		int count = bytes.getInt();
		if (count < 0 || count > bytes.remaining()) {
			throw new IllegalStateException("Not an index: a count of " + count);
		}
		return count;
	}

	/** The CRC-32C of the first and last {@value #SAMPLED_BYTES} bytes of a file. */
	private static long endsChecksum(Path file, long size) throws IOException {
		CRC32C crc = new CRC32C();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer head = ByteBuffer.allocate((int) Math.min(SAMPLED_BYTES, size));
			channel.read(head, 0);
			crc.update(head.flip());
			if (size > SAMPLED_BYTES) {
				long from = Math.max(SAMPLED_BYTES, size - SAMPLED_BYTES);
				ByteBuffer tail = ByteBuffer.allocate((int) (size - from));
				channel.read(tail, from);
				crc.update(tail.flip());
			}
		}
		return crc.getValue();
	}

	/**
	 * The number of iterations the index holds.
	 * @return the count
	 */
	int iterationCount() {
		return this.iterationCount;
	}

	/**
	 * Byte ranges of the iterations, cut at block offsets near equal shares of the
	 * iterations, for decoding on several threads.
	 * @param parts the most ranges
	 * @return the {@code [from, to)} ranges in order, covering every iteration
	 */
	List<long[]> ranges(int parts) {
		int blocks = this.blockOffsets.length;
		int count = Math.max(1, Math.min(parts, blocks));
		List<long[]> ranges = new ArrayList<>(count);
		long from = HEADER_BYTES;
		for (int i = 1; i <= count; i++) {
			long to = (i == count) ? this.end : this.blockOffsets[(int) ((long) blocks * i / count)];
			if (to > from) {
				ranges.add(new long[] { from, to });
				from = to;
			}
		}
		if (ranges.isEmpty()) {
			ranges.add(new long[] { HEADER_BYTES, this.end });
		}
		return ranges;
	}

	/**
	 * Decodes the iterations whose bytes lie in a range from {@link #ranges}.
	 * @param from the offset of the range's first iteration
	 * @param to the offset after its last iteration
	 * @return the iterations
	 * @throws RuntimeException when the range does not hold whole iterations, which
	 * {@link ParallelDataReader#readIndex} takes as an index it cannot use
	 */
	List<SavedIteration> decode(long from, long to) {
		ByteBuffer range = this.bytes.duplicate().position((int) from).limit((int) to);
		Decoder decoder = new Decoder(range, this.strings);
		List<SavedIteration> iterations = new ArrayList<>();
		while (range.hasRemaining()) {
			iterations.add(decoder.iteration());
		}
		return iterations;
	}

	/**
	 * Writes the index of a DATA file that has just been written. Names are given as
	 * their {@link #reference}s. Give each iteration in file order: {@link #iteration},
	 * its {@code absolutes} with {@link #absolute}, then each topic of its
	 * {@code individual_calls} with {@link #callTopic} followed by that topic's
	 * {@link #call}s; then {@link #finish()}. Not thread-safe.
	 */
	public static final class Writer {

		private static final int BUFFER_BYTES = 1 << 16;

		private final OutputStream out;

		private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

		private final CRC32C crc = new CRC32C();

		private final Map<String, Integer> references = new HashMap<>();

		private final List<String> strings = new ArrayList<>();

		private final List<Long> blockOffsets = new ArrayList<>();

		private long flushed;

		private int iterations;

		private Writer(Path dataFile, OutputStream out) throws IOException {
			this.out = out;
			BasicFileAttributes data = Files.readAttributes(dataFile, BasicFileAttributes.class);
			Instant modified = data.lastModifiedTime().toInstant();
			this.buffer.putLong(MAGIC)
				.putLong(data.size())
				.putLong(modified.getEpochSecond())
				.putLong(modified.getNano())
				.putLong(endsChecksum(dataFile, data.size()));
		}

		/**
		 * Starts the index of a DATA file, which must be complete: its size, time and
		 * ends are recorded now.
		 * @param dataFile the DATA file
		 * @param out where the index goes, the content of {@link #fileOf} the DATA file
		 * @return the writer
		 * @throws IOException if the DATA file cannot be read
		 */
		public static Writer start(Path dataFile, OutputStream out) throws IOException {
			return new Writer(dataFile, out);
		}

		/**
		 * Starts an iteration.
		 * @param stepNumber its {@code STEP_NUMBER}
		 * @param startTime its {@code START_TIME}
		 * @param stopTime its {@code STOP_TIME}
		 * @param host the {@link #reference} of its {@code HOST}, which may be
		 * {@code null} when the file has none
		 * @param pid its {@code PID}, or a negative number when the file has none
		 * @param absolutes the number of its {@code absolutes}
		 * @param callTopics the number of topics of its {@code individual_calls}
		 * @throws IOException if the index cannot be written
		 */
		public void iteration(long stepNumber, double startTime, double stopTime, int host, long pid, int absolutes,
				int callTopics) throws IOException {
			room(Long.BYTES * 4 + Integer.BYTES * 3);
			if (this.iterations % BLOCK_ITERATIONS == 0) {
				this.blockOffsets.add(this.flushed + this.buffer.position());
			}
			this.buffer.putLong(stepNumber).putDouble(startTime).putDouble(stopTime).putLong(pid);
			this.buffer.putInt(absolutes).putInt(callTopics).putInt(host);
			this.iterations++;
		}

		/**
		 * Adds a member of the iteration's {@code absolutes}.
		 * @param topic the {@link #reference} of the key
		 * @param nanos the value, in nanoseconds
		 * @throws IOException if the index cannot be written
		 */
		public void absolute(int topic, long nanos) throws IOException {
			room(Integer.BYTES + Long.BYTES);
			this.buffer.putInt(topic).putLong(nanos);
		}

		/**
		 * Starts a topic of the iteration's {@code individual_calls}.
		 * @param topic the {@link #reference} of the key
		 * @param calls the number of its calls
		 * @throws IOException if the index cannot be written
		 */
		public void callTopic(int topic, int calls) throws IOException {
			room(Integer.BYTES * 2);
			this.buffer.putInt(topic).putInt(calls);
		}

		/**
		 * Adds a call, with no {@code extra}, of the topic started last.
		 * @param nanos its duration
		 * @param cronoCounter its position
		 * @throws IOException if the index cannot be written
		 */
		public void call(long nanos, int cronoCounter) throws IOException {
			room(Long.BYTES + Integer.BYTES);
			this.buffer.putLong(nanos).putInt(cronoCounter);
		}

		/**
		 * Writes the trailer and everything still buffered; the stream is left open.
		 * @throws IOException if the stream fails
		 */
		public void finish() throws IOException {
			long trailer = this.flushed + this.buffer.position();
			room(Integer.BYTES);
			this.buffer.putInt(this.strings.size());
			for (String value : this.strings) {
				byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
				room(Integer.BYTES);
				this.buffer.putInt(utf8.length);
				for (int from = 0; from < utf8.length;) {
					room(1);
					int length = Math.min(this.buffer.remaining(), utf8.length - from);
					this.buffer.put(utf8, from, length);
					from += length;
				}
			}
			room(Integer.BYTES * 2);
			this.buffer.putInt(this.iterations).putInt(this.blockOffsets.size());
			for (long offset : this.blockOffsets) {
				room(Long.BYTES);
				this.buffer.putLong(offset);
			}
			room(END_BYTES);
			this.buffer.putLong(trailer);
			this.crc.update(this.buffer.array(), 0, this.buffer.position());
			this.buffer.putInt((int) this.crc.getValue());
			flush();
		}

		/**
		 * The place of a topic or host name in the index's table of names, given at its
		 * first use.
		 * @param value the name, or {@code null} for none
		 * @return the reference to pass to the other methods
		 */
		public int reference(String value) {
			if (value == null) {
				return NO_STRING;
			}
			Integer known = this.references.get(value);
			if (known != null) {
				return known;
			}
			int reference = this.strings.size();
			this.strings.add(value);
			this.references.put(value, reference);
			return reference;
		}

		private void room(int bytes) throws IOException {
			if (this.buffer.remaining() < bytes) {
				this.crc.update(this.buffer.array(), 0, this.buffer.position());
				flush();
			}
		}

		private void flush() throws IOException {
			this.out.write(this.buffer.array(), 0, this.buffer.position());
			this.flushed += this.buffer.position();
			this.buffer.clear();
		}

	}

	/** Rebuilds iterations as the DATA file's parser gives them, one range at a time. */
	private static final class Decoder {

		private final ByteBuffer bytes;

		private final String[] strings;

		private final CompactIterations shapes = new CompactIterations();

		private Long lastPid;

		Decoder(ByteBuffer bytes, String[] strings) {
			this.bytes = bytes;
			this.strings = strings;
		}

		SavedIteration iteration() {
			long stepNumber = this.bytes.getLong();
			double startTime = this.bytes.getDouble();
			double stopTime = this.bytes.getDouble();
			long pid = this.bytes.getLong();
			int absolutes = count(this.bytes);
			int callTopics = count(this.bytes);
			String host = string();
			this.shapes.startTimes();
			for (int a = 0; a < absolutes; a++) {
				String topic = requiredString();
				this.shapes.time(topic, this.bytes.getLong() / NANOS_PER_SECOND);
			}
			Map<String, Double> times = this.shapes.times();
			this.shapes.startCalls();
			for (int t = 0; t < callTopics; t++) {
				String topic = requiredString();
				int calls = count(this.bytes);
				for (int c = 0; c < calls; c++) {
					this.shapes.call(this.bytes.getLong() / NANOS_PER_SECOND, this.bytes.getInt(), null);
				}
				this.shapes.endCallTopic(topic);
			}
			return new SavedIteration(stepNumber, startTime, stopTime, times, this.shapes.calls(), host, pid(pid),
					null);
		}

		private String requiredString() {
			String value = string();
			if (value == null) {
				throw new IllegalStateException("Not an index: a topic with no name");
			}
			return value;
		}

		private String string() {
			int reference = this.bytes.getInt();
			return (reference == NO_STRING) ? null : this.strings[reference];
		}

		/**
		 * The pid, boxed once for all the iterations of a process, as the parser does.
		 */
		private Long pid(long pid) {
			if (pid < 0) {
				return null;
			}
			if (this.lastPid == null || this.lastPid != pid) {
				this.lastPid = pid;
			}
			return this.lastPid;
		}

	}

}
