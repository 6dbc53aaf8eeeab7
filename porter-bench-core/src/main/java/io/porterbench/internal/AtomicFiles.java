package io.porterbench.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes a file so that a reader sees the old content or the new, never a part: the bytes
 * go to a hidden temporary file in the same folder, are forced to disk, and the file is
 * then moved over the target atomically.
 */
public final class AtomicFiles {

	/** The prefix of temporary files; loaders skip names that start with a dot. */
	public static final String TEMP_PREFIX = ".";

	/** The suffix of temporary files. */
	public static final String TEMP_SUFFIX = ".tmp";

	private AtomicFiles() {
	}

	/**
	 * Something that writes a file's content.
	 */
	@FunctionalInterface
	public interface ContentWriter {

		/**
		 * Writes the content.
		 * @param out the stream, buffered; closed by the caller
		 * @throws IOException on a write failure
		 */
		void write(OutputStream out) throws IOException;

	}

	/**
	 * Replaces the target with the content, atomically.
	 * @param target the file
	 * @param content writes the content
	 * @throws IOException if the content could not be written or moved; the target is
	 * then unchanged and the temporary file removed
	 */
	public static void write(Path target, ContentWriter content) throws IOException {
		write(target, content, true);
	}

	/**
	 * Replaces the target with the content, atomically, without forcing it to disk: for a
	 * file derived from others, which its readers check and can do without, such as a
	 * DATA file's index. After a crash it may be whole, missing or torn.
	 * @param target the file
	 * @param content writes the content
	 * @throws IOException if the content could not be written or moved; the target is
	 * then unchanged and the temporary file removed
	 */
	public static void writeDerived(Path target, ContentWriter content) throws IOException {
		write(target, content, false);
	}

	private static void write(Path target, ContentWriter content, boolean force) throws IOException {
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temp = folder.resolve(TEMP_PREFIX + target.getFileName() + "."
				+ Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				PipelinedChannelStream out = new PipelinedChannelStream(channel, force);
				boolean written = false;
				try {
					content.write(out);
					out.finish();
					written = true;
				}
				finally {
					if (!written) {
						out.abandon();
					}
				}
				if (force) {
					channel.force(true);
				}
			}
			move(temp, target);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
	}

	/**
	 * Buffers what the content writes in chunks and, once a file outgrows its first
	 * chunk, hands the full chunks to a background thread that writes them to the
	 * channel, so that generating a large file and the kernel copying the bytes already
	 * generated run on two cores at once; every {@value #FLUSH_AHEAD_BYTES} bytes a
	 * second background thread forces what is written so far, so that the disk takes the
	 * beginning of the file while the rest is still being generated and the final force
	 * before the move has little left to do. At most {@value #CHUNKS} chunks exist per
	 * file; the content writer waits for a free one. Small files are written on the
	 * caller's thread, in one write.
	 */
	private static final class PipelinedChannelStream extends OutputStream {

		private static final int CHUNK_SIZE = 1 << 20;

		private static final int CHUNKS = 4;

		private static final long FLUSH_AHEAD_BYTES = 16L << 20;

		private static final Chunk END = new Chunk(new byte[0]);

		private static final ExecutorService WRITERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
				new SynchronousQueue<>(), daemon("porterbench-file-writer"));

		private static final ExecutorService FLUSHER = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), daemon("porterbench-flush-ahead"));

		private final FileChannel channel;

		private final boolean flushAhead;

		private final BlockingQueue<Chunk> full = new LinkedBlockingQueue<>();

		private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);

		private int allocated = 1;

		private Chunk current = new Chunk(new byte[CHUNK_SIZE]);

		private Future<?> writer;

		private volatile IOException failure;

		PipelinedChannelStream(FileChannel channel, boolean flushAhead) {
			this.channel = channel;
			this.flushAhead = flushAhead;
		}

		private static ThreadFactory daemon(String name) {
			return (task) -> {
				Thread thread = new Thread(task, name);
				thread.setDaemon(true);
				return thread;
			};
		}

		@Override
		public void write(int b) throws IOException {
			if (this.current.length == CHUNK_SIZE) {
				handOff();
			}
			this.current.bytes[this.current.length++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			while (length > 0) {
				if (this.current.length == CHUNK_SIZE) {
					handOff();
				}
				int part = Math.min(length, CHUNK_SIZE - this.current.length);
				System.arraycopy(bytes, offset, this.current.bytes, this.current.length, part);
				this.current.length += part;
				offset += part;
				length -= part;
			}
		}

		private void handOff() throws IOException {
			if (this.failure != null) {
				throw new IOException(this.failure.getMessage(), this.failure);
			}
			if (this.writer == null) {
				this.writer = WRITERS.submit(this::drain);
			}
			this.full.add(this.current);
			Chunk next = this.free.poll();
			if (next == null && this.allocated < CHUNKS) {
				this.allocated++;
				next = new Chunk(new byte[CHUNK_SIZE]);
			}
			while (next == null) {
				try {
					next = this.free.take();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("interrupted while writing a file");
				}
			}
			next.length = 0;
			this.current = next;
		}

		/**
		 * Writes the chunks in order; after a failure it keeps taking them, unwritten,
		 * until the end.
		 */
		private Void drain() throws InterruptedException {
			long written = 0;
			long flushRequestedAt = 0;
			Future<?> flush = null;
			for (Chunk chunk = this.full.take(); chunk != END; chunk = this.full.take()) {
				if (this.failure == null) {
					try {
						writeFully(chunk);
						written += chunk.length;
						if (this.flushAhead && written - flushRequestedAt >= FLUSH_AHEAD_BYTES
								&& (flush == null || flush.isDone())) {
							flushRequestedAt = written;
							flush = FLUSHER.submit(() -> {
								this.channel.force(false);
								return null;
							});
						}
					}
					catch (IOException ex) {
						this.failure = ex;
					}
				}
				this.free.add(chunk);
			}
			awaitQuietly(flush);
			return null;
		}

		private void writeFully(Chunk chunk) throws IOException {
			ByteBuffer buffer = ByteBuffer.wrap(chunk.bytes, 0, chunk.length);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}

		/**
		 * Writes what is left and waits until every byte is in the channel.
		 * @throws IOException if a write failed
		 */
		void finish() throws IOException {
			if (this.writer == null) {
				writeFully(this.current);
				return;
			}
			if (this.current.length > 0) {
				this.full.add(this.current);
			}
			this.full.add(END);
			awaitQuietly(this.writer);
			if (this.failure != null) {
				throw new IOException(this.failure.getMessage(), this.failure);
			}
		}

		/**
		 * Stops the background writing after the content writer failed, so that the
		 * channel can be closed.
		 */
		void abandon() {
			if (this.writer != null) {
				this.failure = new IOException("abandoned");
				this.full.add(END);
				awaitQuietly(this.writer);
			}
		}

		private static void awaitQuietly(Future<?> task) {
			if (task == null) {
				return;
			}
			boolean interrupted = false;
			while (true) {
				try {
					task.get();
					break;
				}
				catch (ExecutionException ex) {
					// an early flush's failure: the final force reports a real write
					// failure
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

		/** A buffer and how much of it is filled. */
		private static final class Chunk {

			final byte[] bytes;

			int length;

			Chunk(byte[] bytes) {
				this.bytes = bytes;
			}

		}

	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
