package io.porterbench.record;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads a large DATA file in parts on several cores.
 *
 * <p>
 * A DATA file is a list of independent iteration objects, and both writers lay it out
 * with an indent of four spaces, so a line holding exactly {@code "    },"} followed by
 * one holding {@code " {"} can only be the end of one iteration and the start of the next
 * (a JSON string holds no raw line break). The file is cut at such places near equal
 * fractions of its size, each part is parsed as a list of its own ({@code [} and {@code
 * ]} added around it) by its own parser, with the same checks, and the lists are joined
 * (the DATA file of a 100,000-iteration run, 175 MB, parses in about half the time on two
 * cores). A part parses only if its brackets balance, which they do only when the cut is
 * where an iteration ends, so a file laid out otherwise, or damaged, fails a part; it is
 * then read again in one piece by {@link RunFileReader#read}, which reports the problem
 * exactly as before. Files below {@link #MIN_PARALLEL_BYTES} are always read in one
 * piece.
 */
final class ParallelDataReader {

	/**
	 * Smaller files are read in one piece: the parts' threads would cost more than they
	 * save.
	 */
	static final long MIN_PARALLEL_BYTES = 8L << 20;

	private static final int MAX_PARTS = 4;

	private static final int SEARCH_WINDOW = 1 << 20;

	private static final byte[] BOUNDARY = "\n    },\n    {".getBytes(StandardCharsets.US_ASCII);

	// where a part ends: after the closing brace of its last iteration
	private static final int END_OFFSET = "\n    }".length();

	// where the next part starts: at the opening brace of its first iteration
	private static final int START_OFFSET = BOUNDARY.length - 1;

	private static final byte[] PART_START = "[\n    ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PART_END = "\n]".getBytes(StandardCharsets.US_ASCII);

	private static final ExecutorService PARTS = new ThreadPoolExecutor(0, MAX_PARTS, 5, TimeUnit.SECONDS,
			new SynchronousQueue<>(), (task) -> {
				Thread thread = new Thread(task, "porterbench-data-reader");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.CallerRunsPolicy());

	private final RunFileReader reader;

	private final int parts;

	private final long minParallelBytes;

	ParallelDataReader(RunFileReader reader) {
		this(reader, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()), MIN_PARALLEL_BYTES);
	}

	ParallelDataReader(RunFileReader reader, int parts, long minParallelBytes) {
		this.reader = reader;
		this.parts = parts;
		this.minParallelBytes = minParallelBytes;
	}

	/**
	 * Reads a DATA file: from its {@link DataIndex} when it has one that still describes
	 * it, else in parts when it is large and there are several cores.
	 * @param file the file
	 * @param problems where a problem line goes
	 * @return the iterations, in file order, or an empty list when the file cannot be
	 * used
	 */
	List<SavedIteration> read(Path file, List<String> problems) {
		List<SavedIteration> indexed = readIndex(file);
		if (indexed != null) {
			return indexed;
		}
		List<SavedIteration> scanned = scan(file);
		if (scanned != null) {
			return scanned;
		}
		if (this.parts > 1) {
			List<SavedIteration> iterations = readInParts(file);
			if (iterations != null) {
				return iterations;
			}
		}
		return this.reader.read(file, "DATA", RunFileParser::iterations, List.of(), problems);
	}

	/**
	 * The iterations of the file's {@link DataIndex}, decoded in parts when it has
	 * several and there are several cores, or {@code null} when it has no index that
	 * describes it.
	 */
	List<SavedIteration> readIndex(Path file) {
		try {
			DataIndex index = DataIndex.open(file, this.reader.maxFileBytes());
			if (index == null) {
				return null;
			}
			List<SavedIteration> iterations = join(
					readRanges(index.ranges(this.parts), (from, to, first, last) -> index.decode(from, to)));
			return (iterations != null && iterations.size() == index.iterationCount()) ? iterations : null;
		}
		catch (RuntimeException ex) {
			// CompletionException included: a part the index cannot give
			return null;
		}
	}

	/**
	 * The iterations read by {@link DataFileScanner}, in parts when the file is large and
	 * can be cut, or {@code null} when a part is not what the scanner reads.
	 */
	List<SavedIteration> scan(Path file) {
		try {
			long size = Files.size(file);
			if (size > this.reader.maxFileBytes()) {
				return null;
			}
			List<Long> cuts = (this.parts > 1 && size >= this.minParallelBytes) ? cuts(file, size) : List.of();
			return join(readParts(size, cuts, (from, to, first, last) -> DataFileScanner.scan(file, from, to, first,
					last, this.reader.mapper())));
		}
		catch (IOException | RuntimeException ex) {
			// CompletionException included: Jackson's reading reports whatever is wrong
			return null;
		}
	}

	/**
	 * The iterations read in parts, or {@code null} when the file is small, cannot be
	 * cut, or a part fails.
	 */
	List<SavedIteration> readInParts(Path file) {
		try {
			long size = Files.size(file);
			if (size < this.minParallelBytes || size > this.reader.maxFileBytes()) {
				return null;
			}
			List<Long> cuts = cuts(file, size);
			if (cuts.isEmpty()) {
				return null;
			}
			return join(readParts(size, cuts, (from, to, first, last) -> readPart(file, from, to, first, last)));
		}
		catch (IOException | RuntimeException ex) {
			// CompletionException included: reading in one piece reports whatever is
			// wrong
			return null;
		}
	}

	/**
	 * Starts reading every part of a DATA file cut where iterations meet, the last on the
	 * caller's thread, the others on the pool's.
	 */
	private static List<CompletableFuture<List<SavedIteration>>> readParts(long size, List<Long> cuts,
			PartReader reader) {
		List<long[]> ranges = new ArrayList<>();
		long start = 0;
		for (int i = 0; i <= cuts.size(); i++) {
			long to = (i < cuts.size()) ? cuts.get(i) + END_OFFSET : size;
			ranges.add(new long[] { start, to });
			start = (i < cuts.size()) ? cuts.get(i) + START_OFFSET : size;
		}
		return readRanges(ranges, reader);
	}

	/**
	 * Starts reading every range, the last on the caller's thread, the others on the
	 * pool's.
	 */
	private static List<CompletableFuture<List<SavedIteration>>> readRanges(List<long[]> ranges, PartReader reader) {
		List<CompletableFuture<List<SavedIteration>>> reads = new ArrayList<>();
		for (int i = 0; i < ranges.size(); i++) {
			long from = ranges.get(i)[0];
			long to = ranges.get(i)[1];
			boolean first = i == 0;
			if (i == ranges.size() - 1) {
				reads.add(CompletableFuture.completedFuture(reader.read(from, to, first, true)));
			}
			else {
				reads.add(CompletableFuture.supplyAsync(() -> reader.read(from, to, first, false), PARTS));
			}
		}
		return reads;
	}

	/** The parts' iterations in order, or {@code null} when a part failed. */
	private static List<SavedIteration> join(List<CompletableFuture<List<SavedIteration>>> reads) {
		List<SavedIteration> iterations = null;
		for (CompletableFuture<List<SavedIteration>> read : reads) {
			List<SavedIteration> part = read.join();
			if (part == null) {
				return null;
			}
			if (iterations == null && reads.size() == 1) {
				return part;
			}
			if (iterations == null) {
				iterations = new ArrayList<>();
			}
			iterations.addAll(part);
		}
		return (iterations != null) ? Collections.unmodifiableList(iterations) : null;
	}

	/** Reads the iterations of one part of the file. */
	@FunctionalInterface
	private interface PartReader {

		List<SavedIteration> read(long from, long to, boolean first, boolean last);

	}

	private List<SavedIteration> readPart(Path file, long from, long to, boolean first, boolean last) {
		List<String> problems = new ArrayList<>();
		List<SavedIteration> part = this.reader.read(file, () -> open(file, from, to, first, last), "DATA",
				RunFileParser::iterations, null, problems);
		return problems.isEmpty() ? part : null;
	}

	private static InputStream open(Path file, long from, long to, boolean first, boolean last) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
		try {
			channel.position(from);
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
		InputStream in = new Bounded(Channels.newInputStream(channel), to - from);
		if (!first) {
			in = new SequenceInputStream(new ByteArrayInputStream(PART_START), in);
		}
		if (!last) {
			in = new SequenceInputStream(in, new ByteArrayInputStream(PART_END));
		}
		return in;
	}

	/**
	 * The offsets of the boundaries nearest after each fraction of the file, in order,
	 * without repeats; empty when a fraction's window holds none.
	 */
	private List<Long> cuts(Path file, long size) throws IOException {
		List<Long> cuts = new ArrayList<>();
		ByteBuffer window = ByteBuffer.allocate(SEARCH_WINDOW);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			for (int i = 1; i < this.parts; i++) {
				long from = size * i / this.parts;
				if (!cuts.isEmpty() && cuts.get(cuts.size() - 1) >= from) {
					continue;
				}
				window.clear();
				while (window.hasRemaining() && channel.read(window, from + window.position()) > 0) {
					// fill the window
				}
				int at = indexOf(window.array(), window.position());
				if (at < 0) {
					return List.of();
				}
				cuts.add(from + at);
			}
		}
		return cuts;
	}

	private static int indexOf(byte[] bytes, int length) {
		outer: for (int i = 0; i + BOUNDARY.length <= length; i++) {
			for (int k = 0; k < BOUNDARY.length; k++) {
				if (bytes[i + k] != BOUNDARY[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** The first {@code limit} bytes of a stream; closes the stream. */
	private static final class Bounded extends FilterInputStream {

		private long left;

		Bounded(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = super.read();
			if (b >= 0) {
				this.left--;
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = super.read(bytes, offset, (int) Math.min(length, this.left));
			if (n > 0) {
				this.left -= n;
			}
			return n;
		}

	}

}
