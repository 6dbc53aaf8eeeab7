package io.porterbench.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
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
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temp = folder.resolve(TEMP_PREFIX + target.getFileName() + "."
				+ Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				FlushAheadStream flushAhead = new FlushAheadStream(channel);
				try {
					OutputStream out = new BufferedOutputStream(flushAhead, 1 << 16);
					content.write(out);
					out.flush();
				}
				finally {
					flushAhead.awaitFlush();
				}
				channel.force(true);
			}
			move(temp, target);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
	}

	/**
	 * Writes to the channel and, every {@value #FLUSH_AHEAD_BYTES} bytes, has a
	 * background thread force what is written so far, so that the disk takes the
	 * beginning of a large file while the rest is still being generated; the final force
	 * before the move then has little left to do. Small files never start a flush.
	 */
	private static final class FlushAheadStream extends OutputStream {

		private static final long FLUSH_AHEAD_BYTES = 16L << 20;

		private static final ExecutorService FLUSHER = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "porterbench-flush-ahead");
					thread.setDaemon(true);
					return thread;
				});

		private final FileChannel channel;

		private long written;

		private long flushRequestedAt;

		private Future<?> inFlight;

		FlushAheadStream(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
			this.written += length;
			if (this.written - this.flushRequestedAt >= FLUSH_AHEAD_BYTES
					&& (this.inFlight == null || this.inFlight.isDone())) {
				this.flushRequestedAt = this.written;
				this.inFlight = FLUSHER.submit(() -> {
					this.channel.force(false);
					return null;
				});
			}
		}

		/**
		 * Waits for a flush still running, so that the channel is not closed under it.
		 */
		void awaitFlush() {
			if (this.inFlight == null) {
				return;
			}
			try {
				this.inFlight.get();
			}
			catch (ExecutionException ex) {
				// only an early flush failed; the final force reports a real write
				// failure
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
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
