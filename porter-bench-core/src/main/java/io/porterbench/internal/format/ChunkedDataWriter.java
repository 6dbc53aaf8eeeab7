package io.porterbench.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.record.RunOrigin;

/**
 * Writes a large DATA file on the caller's thread and a helper thread at once, the same
 * bytes as one {@link DataFileEmitter} writing the whole file.
 *
 * <p>
 * The iterations are cut into chunks of about {@value #CHUNK_CALLS} calls. Each thread
 * takes the lowest chunk nobody has taken and formats it; the caller writes the chunks to
 * the stream in order, the one due next straight into the stream, any other into a buffer
 * first. No thread takes a chunk more than {@value #WINDOW} ahead of the one due next, so
 * a file holds at most that many buffers. The helpers come from a pool of daemon threads,
 * one fewer than the processors and at least none, that end after a few idle seconds;
 * when none is free the caller writes the whole file alone. A failure in a helper's chunk
 * is the write's failure, thrown on the caller's thread, and the caller returns only once
 * the helper has stopped.
 */
final class ChunkedDataWriter implements AutoCloseable {

	/** About 4 MB of DATA for calls without extras. */
	static final int CHUNK_CALLS = 16_384;

	/** How far ahead of the chunk due next a chunk may be taken. */
	static final int WINDOW = 2;

	// a chunk of calls without extras takes 250 to 300 bytes a call: a buffer of this
	// size rarely grows, and growing it copies the chunk
	private static final int BYTES_PER_CALL = 320;

	private static final Executor HELPERS = helpers(Runtime.getRuntime().availableProcessors() - 1);

	private OutputStream out;

	private final IterationData[] iterations;

	// chunk c holds the iterations from bounds[c] to bounds[c + 1]
	private final int[] bounds;

	private final int chunks;

	private final RunFileWriter.ExtraWriter extras;

	private final RunOrigin origin;

	private final Executor helpers;

	private final int window;

	private final int initialBuffer;

	// all the fields below are guarded by this

	private int nextChunk;

	private int written;

	// chunks formatted ahead of the one due next, by chunk
	private final ByteArrayOutputStream[] formatted;

	private final ArrayDeque<ByteArrayOutputStream> freeBuffers = new ArrayDeque<>();

	private boolean helperActive;

	private boolean stopped;

	private Throwable helperFailure;

	private ChunkedDataWriter(IterationData[] iterations, int[] bounds, RunFileWriter.ExtraWriter extras,
			RunOrigin origin, Executor helpers, int chunkCalls, int window) {
		this.iterations = iterations;
		this.bounds = bounds;
		this.chunks = bounds.length - 1;
		this.extras = extras;
		this.origin = origin;
		this.helpers = helpers;
		this.window = window;
		this.initialBuffer = (int) Math.min(64L << 20, Math.max(1024L, (long) chunkCalls * BYTES_PER_CALL));
		this.formatted = new ByteArrayOutputStream[this.chunks];
	}

	/**
	 * Writes a snapshot's DATA file, with a helper thread when the file has more than one
	 * chunk and one is free.
	 * @param out the stream; not closed
	 * @param snapshot the snapshot
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 * @throws IOException if the stream fails or a chunk cannot be formatted
	 */
	static void write(OutputStream out, RunSnapshot snapshot, RunOrigin origin) throws IOException {
		try (ChunkedDataWriter writer = start(snapshot, origin)) {
			writer.writeTo(out);
		}
	}

	/**
	 * Writes a snapshot's DATA file with the given helpers and chunk size.
	 * @param out the stream; not closed
	 * @param snapshot the snapshot
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 * @param helpers runs the helper, or {@code null} to write on the caller's thread
	 * alone
	 * @param chunkCalls the calls per chunk, at least 1
	 * @param window how far ahead of the chunk due next a chunk may be taken, at least 1
	 * @throws IOException if the stream fails or a chunk cannot be formatted
	 */
	static void write(OutputStream out, RunSnapshot snapshot, RunOrigin origin, Executor helpers, int chunkCalls,
			int window) throws IOException {
		try (ChunkedDataWriter writer = start(snapshot, origin, helpers, chunkCalls, window)) {
			writer.writeTo(out);
		}
	}

	/**
	 * Starts formatting a snapshot's DATA file ahead, on a helper when one is free and
	 * the file has more than one chunk, so that the caller can do other work (the SUMMARY
	 * file) before it writes the file with {@link #writeTo}.
	 * @param snapshot the snapshot; its iterations are read by the helper from now on
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 * @return the writer, to close once the file is written or abandoned
	 */
	static ChunkedDataWriter start(RunSnapshot snapshot, RunOrigin origin) {
		return start(snapshot, origin, HELPERS, CHUNK_CALLS, WINDOW);
	}

	static ChunkedDataWriter start(RunSnapshot snapshot, RunOrigin origin, Executor helpers, int chunkCalls,
			int window) {
		IterationData[] iterations = DataFileEmitter.iterations(snapshot);
		int[] bounds = bounds(iterations, chunkCalls);
		RunFileWriter.ExtraWriter extras = new RunFileWriter.ExtraWriter(snapshot.name());
		ChunkedDataWriter writer = new ChunkedDataWriter(iterations, bounds, extras, origin,
				(bounds.length > 2) ? helpers : null, chunkCalls, window);
		writer.startHelper();
		return writer;
	}

	/**
	 * Cuts the iterations into chunks of at least {@code chunkCalls} calls, an iteration
	 * counting one more than its calls, the last chunk taking what is left.
	 * @param iterations the file's iterations
	 * @param chunkCalls the calls per chunk
	 * @return the first iteration of each chunk, then the number of iterations
	 */
	static int[] bounds(IterationData[] iterations, int chunkCalls) {
		int[] bounds = new int[8];
		int count = 1;
		long calls = 0;
		for (int i = 0; i < iterations.length; i++) {
			calls += iterations[i].size() + 1;
			if (calls >= chunkCalls && i + 1 < iterations.length) {
				if (count + 1 >= bounds.length) {
					bounds = Arrays.copyOf(bounds, bounds.length * 2);
				}
				bounds[count++] = i + 1;
				calls = 0;
			}
		}
		bounds[count++] = iterations.length;
		return Arrays.copyOf(bounds, count);
	}

	/**
	 * Writes the file, with the chunks formatted ahead; once.
	 * @param target the stream; not closed
	 * @throws IOException if the stream fails or a chunk cannot be formatted
	 */
	void writeTo(OutputStream target) throws IOException {
		this.out = target;
		DataFileEmitter own = new DataFileEmitter(this.extras, this.origin);
		if (this.helpers == null) {
			own.writeRange(target, this.iterations, 0, this.iterations.length);
			return;
		}
		try {
			while (true) {
				ByteArrayOutputStream ready = null;
				int taken = -1;
				synchronized (this) {
					while (ready == null && taken < 0) {
						rethrowHelperFailure();
						if (this.written == this.chunks) {
							return;
						}
						ready = this.formatted[this.written];
						if (ready != null) {
							this.formatted[this.written] = null;
						}
						else if (mayTake()) {
							taken = this.nextChunk++;
						}
						else {
							// the helper is formatting the chunk due next
							waitForHelper();
						}
					}
				}
				startHelper();
				if (ready != null) {
					ready.writeTo(this.out);
					chunkWritten(ready);
				}
				else if (taken == this.written) {
					own.writeRange(this.out, this.iterations, this.bounds[taken], this.bounds[taken + 1]);
					chunkWritten(null);
				}
				else {
					ByteArrayOutputStream buffer = takeBuffer();
					own.writeRange(buffer, this.iterations, this.bounds[taken], this.bounds[taken + 1]);
					synchronized (this) {
						this.formatted[taken] = buffer;
					}
				}
			}
		}
		finally {
			stopHelper();
		}
	}

	/** The helper's loop: formats chunks into buffers until none may be taken. */
	private void help() {
		DataFileEmitter emitter = null;
		while (true) {
			int taken;
			ByteArrayOutputStream buffer;
			synchronized (this) {
				if (this.stopped || !mayTake()) {
					this.helperActive = false;
					notifyAll();
					return;
				}
				taken = this.nextChunk++;
				buffer = takeBuffer();
			}
			try {
				if (emitter == null) {
					emitter = new DataFileEmitter(this.extras, this.origin);
				}
				emitter.writeRange(buffer, this.iterations, this.bounds[taken], this.bounds[taken + 1]);
			}
			catch (Throwable ex) {
				synchronized (this) {
					this.helperFailure = ex;
					this.stopped = true;
					this.helperActive = false;
					notifyAll();
				}
				return;
			}
			synchronized (this) {
				this.formatted[taken] = buffer;
				notifyAll();
			}
		}
	}

	private boolean mayTake() {
		return this.nextChunk < this.chunks && this.nextChunk <= this.written + this.window;
	}

	private void startHelper() {
		if (this.helpers == null) {
			return;
		}
		synchronized (this) {
			if (this.helperActive || this.stopped || !mayTake()) {
				return;
			}
			this.helperActive = true;
		}
		try {
			this.helpers.execute(this::help);
		}
		catch (RejectedExecutionException ex) {
			// every helper is busy with other files: the caller goes on alone
			synchronized (this) {
				this.helperActive = false;
			}
		}
	}

	private synchronized void chunkWritten(ByteArrayOutputStream buffer) {
		if (buffer != null) {
			this.freeBuffers.add(buffer);
		}
		this.written++;
	}

	private synchronized ByteArrayOutputStream takeBuffer() {
		ByteArrayOutputStream buffer = this.freeBuffers.poll();
		if (buffer == null) {
			return new ByteArrayOutputStream(this.initialBuffer);
		}
		buffer.reset();
		return buffer;
	}

	private void waitForHelper() throws InterruptedIOException {
		try {
			wait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while writing a DATA file");
		}
	}

	private void rethrowHelperFailure() throws IOException {
		Throwable failure = this.helperFailure;
		if (failure == null) {
			return;
		}
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		throw new IOException(failure.getMessage(), failure);
	}

	/**
	 * Stops the helper after its current chunk and waits for it: the file's write failed,
	 * or something before it.
	 */
	@Override
	public void close() {
		stopHelper();
	}

	/** Stops the helper after its current chunk and waits for it, uninterrupted. */
	private synchronized void stopHelper() {
		this.stopped = true;
		boolean interrupted = false;
		while (this.helperActive) {
			try {
				wait();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static Executor helpers(int count) {
		if (count <= 0) {
			return null;
		}
		return new ThreadPoolExecutor(0, count, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), (task) -> {
			Thread thread = new Thread(task, "porterbench-data-formatter");
			thread.setDaemon(true);
			return thread;
		});
	}

}
