package io.porterbench.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
 * The index is derived data, so it is not forced to disk: after a crash it is either
 * whole or fails its checksum.
 */
public final class DataIndex {

	/** The extension that replaces the DATA file's {@code .json}. */
	public static final String EXTENSION = ".index";

	/** "PBINDEX" and the format version. */
	private static final long MAGIC = 0x5042494E44455801L;

	/** Bytes of each end of the DATA file whose checksum the index keeps. */
	private static final int SAMPLED_BYTES = 4096;

	private static final int HEADER_BYTES = Long.BYTES * 5;

	private static final int TRAILER_BYTES = Integer.BYTES * 2;

	/** A string reference that is followed by a new string. */
	private static final int NEW_STRING = -1;

	/** A string reference to no string. */
	private static final int NO_STRING = -2;

	private static final double NANOS_PER_SECOND = 1e9;

	private DataIndex() {
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
	 * Reads the iterations of a DATA file from its index.
	 * @param dataFile the DATA file
	 * @param maxBytes the largest DATA file to read
	 * @return the iterations, or {@code null} when there is no index that describes the
	 * file as it is now
	 */
	static List<SavedIteration> read(Path dataFile, long maxBytes) {
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
			return new Decoder(bytes).iterations();
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
			if (size < HEADER_BYTES + TRAILER_BYTES || size > dataSize) {
				return null;
			}
			ByteBuffer bytes = ByteBuffer.allocate((int) size);
			while (bytes.hasRemaining()) {
				if (channel.read(bytes) < 0) {
					return null;
				}
			}
			CRC32C crc = new CRC32C();
			crc.update(bytes.array(), 0, bytes.capacity() - Integer.BYTES);
			if ((int) crc.getValue() != bytes.getInt(bytes.capacity() - Integer.BYTES)) {
				return null;
			}
			return bytes.flip();
		}
	}

	private static boolean describes(ByteBuffer index, Path dataFile, BasicFileAttributes data) throws IOException {
		Instant modified = data.lastModifiedTime().toInstant();
		return index.getLong() == MAGIC && index.getLong() == data.size()
				&& index.getLong() == modified.getEpochSecond() && index.getLong() == modified.getNano()
				&& index.getLong() == endsChecksum(dataFile, data.size());
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
	 * Writes the index of a DATA file that has just been written. Give each iteration in
	 * file order: {@link #iteration}, its {@code absolutes} with {@link #absolute}, then
	 * each topic of its {@code individual_calls} with {@link #callTopic} followed by that
	 * topic's {@link #call}s; then {@link #commit()}. Closing an uncommitted writer
	 * removes what it wrote. Not thread-safe.
	 */
	public static final class Writer implements Closeable {

		private static final int BUFFER_BYTES = 1 << 16;

		private final Path target;

		private final Path temp;

		private final FileChannel channel;

		private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

		private final CRC32C crc = new CRC32C();

		private final Map<String, Integer> strings = new HashMap<>();

		private int iterations;

		private boolean committed;

		private Writer(Path dataFile) throws IOException {
			this.target = fileOf(dataFile);
			this.temp = this.target.resolveSibling("." + this.target.getFileName() + "."
					+ Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
			BasicFileAttributes data = Files.readAttributes(dataFile, BasicFileAttributes.class);
			long endsChecksum = endsChecksum(dataFile, data.size());
			this.channel = FileChannel.open(this.temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			Instant modified = data.lastModifiedTime().toInstant();
			this.buffer.putLong(MAGIC)
				.putLong(data.size())
				.putLong(modified.getEpochSecond())
				.putLong(modified.getNano())
				.putLong(endsChecksum);
		}

		/**
		 * Starts the index of a DATA file, which must be complete: its size, time and
		 * ends are recorded now.
		 * @param dataFile the DATA file
		 * @return the writer
		 * @throws IOException if the DATA file cannot be read or the index not created
		 */
		public static Writer start(Path dataFile) throws IOException {
			return new Writer(dataFile);
		}

		/**
		 * Starts an iteration.
		 * @param stepNumber its {@code STEP_NUMBER}
		 * @param startTime its {@code START_TIME}
		 * @param stopTime its {@code STOP_TIME}
		 * @param host its {@code HOST}, or {@code null} when the file has none
		 * @param pid its {@code PID}, or a negative number when the file has none
		 * @param absolutes the number of its {@code absolutes}
		 * @param callTopics the number of topics of its {@code individual_calls}
		 * @throws IOException if the index cannot be written
		 */
		public void iteration(long stepNumber, double startTime, double stopTime, String host, long pid, int absolutes,
				int callTopics) throws IOException {
			room(Long.BYTES * 4 + Integer.BYTES * 2);
			this.buffer.putLong(stepNumber).putDouble(startTime).putDouble(stopTime).putLong(pid);
			this.buffer.putInt(absolutes).putInt(callTopics);
			string(host);
			this.iterations++;
		}

		/**
		 * Adds a member of the iteration's {@code absolutes}.
		 * @param topic the key
		 * @param nanos the value, in nanoseconds
		 * @throws IOException if the index cannot be written
		 */
		public void absolute(String topic, long nanos) throws IOException {
			string(topic);
			room(Long.BYTES);
			this.buffer.putLong(nanos);
		}

		/**
		 * Starts a topic of the iteration's {@code individual_calls}.
		 * @param topic the key
		 * @param calls the number of its calls
		 * @throws IOException if the index cannot be written
		 */
		public void callTopic(String topic, int calls) throws IOException {
			string(topic);
			room(Integer.BYTES);
			this.buffer.putInt(calls);
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
		 * Finishes the index and puts it in place of any index before.
		 * @throws IOException if it cannot be written or moved
		 */
		public void commit() throws IOException {
			room(TRAILER_BYTES);
			this.buffer.putInt(this.iterations);
			this.crc.update(this.buffer.array(), 0, this.buffer.position());
			this.buffer.putInt((int) this.crc.getValue());
			flush();
			this.channel.close();
			try {
				Files.move(this.temp, this.target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(this.temp, this.target, StandardCopyOption.REPLACE_EXISTING);
			}
			this.committed = true;
		}

		@Override
		public void close() throws IOException {
			if (!this.committed) {
				this.channel.close();
				Files.deleteIfExists(this.temp);
			}
		}

		/**
		 * Writes a string as a reference to one written before, or in full the first
		 * time.
		 */
		private void string(String value) throws IOException {
			if (value == null) {
				room(Integer.BYTES);
				this.buffer.putInt(NO_STRING);
				return;
			}
			Integer known = this.strings.get(value);
			if (known != null) {
				room(Integer.BYTES);
				this.buffer.putInt(known);
				return;
			}
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			room(Integer.BYTES * 2);
			this.buffer.putInt(NEW_STRING).putInt(utf8.length);
			for (int from = 0; from < utf8.length;) {
				room(1);
				int length = Math.min(this.buffer.remaining(), utf8.length - from);
				this.buffer.put(utf8, from, length);
				from += length;
			}
			this.strings.put(value, this.strings.size());
		}

		private void room(int bytes) throws IOException {
			if (this.buffer.remaining() < bytes) {
				this.crc.update(this.buffer.array(), 0, this.buffer.position());
				flush();
			}
		}

		private void flush() throws IOException {
			this.buffer.flip();
			while (this.buffer.hasRemaining()) {
				this.channel.write(this.buffer);
			}
			this.buffer.clear();
		}

	}

	/** Rebuilds the iterations as the DATA file's parser gives them. */
	private static final class Decoder {

		private final ByteBuffer bytes;

		private final List<String> strings = new ArrayList<>();

		private final CompactIterations shapes = new CompactIterations();

		private Long lastPid;

		Decoder(ByteBuffer bytes) {
			this.bytes = bytes;
		}

		List<SavedIteration> iterations() {
			int count = this.bytes.getInt(this.bytes.limit() - TRAILER_BYTES);
			this.bytes.limit(this.bytes.limit() - TRAILER_BYTES);
			if (count < 0) {
				return null;
			}
			List<SavedIteration> iterations = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				iterations.add(iteration());
			}
			return this.bytes.hasRemaining() ? null : Collections.unmodifiableList(iterations);
		}

		private SavedIteration iteration() {
			long stepNumber = this.bytes.getLong();
			double startTime = this.bytes.getDouble();
			double stopTime = this.bytes.getDouble();
			long pid = this.bytes.getLong();
			int absolutes = count();
			int callTopics = count();
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
				int calls = count();
				for (int c = 0; c < calls; c++) {
					this.shapes.call(this.bytes.getLong() / NANOS_PER_SECOND, this.bytes.getInt(), null);
				}
				this.shapes.endCallTopic(topic);
			}
			return new SavedIteration(stepNumber, startTime, stopTime, times, this.shapes.calls(), host, pid(pid),
					null);
		}

		private int count() {
			int count = this.bytes.getInt();
			if (count < 0 || count > this.bytes.remaining()) {
				throw new IllegalStateException("Not an index: a count of " + count);
			}
			return count;
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
			if (reference == NO_STRING) {
				return null;
			}
			if (reference == NEW_STRING) {
				byte[] utf8 = new byte[count()];
				this.bytes.get(utf8);
				String value = new String(utf8, StandardCharsets.UTF_8);
				this.strings.add(value);
				return value;
			}
			return this.strings.get(reference);
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
