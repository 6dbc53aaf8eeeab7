package io.porterbench.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background writer of a registry: auto-saves requested on the hot path run here,
 * and a save requested again while it is still pending runs once.
 *
 * <p>
 * A task's exceptions are logged; an {@link Error} is not caught: it ends the thread and
 * reaches its uncaught-exception handler, and a fresh thread runs what is still queued.
 *
 * <p>
 * The thread is a daemon, started on the first request, so it never keeps the JVM alive.
 * {@link #close()} runs what is pending and stops it; a later request starts a new one.
 */
public final class AutoSaver implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AutoSaver.class);

	private static final Runnable STOP = () -> {
	};

	private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

	private final Set<Runnable> pending = ConcurrentHashMap.newKeySet();

	private final Object lifecycle = new Object();

	private Thread worker;

	/**
	 * Asks for a task to run on the writer thread; does nothing if it is already pending.
	 * @param task a task that handles its own failures; the same instance each time for
	 * one target
	 */
	public void request(Runnable task) {
		if (this.pending.add(task)) {
			ensureStarted();
			this.queue.add(task);
		}
	}

	/**
	 * Whether a task is waiting to run.
	 * @param task the task
	 * @return true while it is pending
	 */
	public boolean isPending(Runnable task) {
		return this.pending.contains(task);
	}

	private void ensureStarted() {
		synchronized (this.lifecycle) {
			if (this.worker == null || !this.worker.isAlive()) {
				Thread thread = new Thread(this::run, "porterbench-autosave");
				thread.setDaemon(true);
				thread.start();
				this.worker = thread;
			}
		}
	}

	private void run() {
		boolean stopped = false;
		try {
			work();
			stopped = true;
		}
		finally {
			if (!stopped) {
				// an Error ended this thread on its way to the uncaught-exception
				// handler: what is queued still runs
				restartIfQueued();
			}
		}
	}

	private void restartIfQueued() {
		synchronized (this.lifecycle) {
			if (this.worker == Thread.currentThread()) {
				this.worker = null;
				if (!this.queue.isEmpty()) {
					ensureStarted();
				}
			}
		}
	}

	private void work() {
		while (true) {
			Runnable task;
			try {
				task = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (task == STOP) {
				return;
			}
			this.pending.remove(task);
			try {
				task.run();
			}
			catch (Exception ex) {
				// an Error (OutOfMemoryError, StackOverflowError...) is not ours to
				// swallow: it propagates
				logger.warn("porter-bench auto-save failed; the data stays in memory for the next save", ex);
			}
		}
	}

	/** Runs every pending task, then stops the thread; waits at most 60 seconds. */
	@Override
	public void close() {
		Thread thread;
		synchronized (this.lifecycle) {
			thread = this.worker;
			this.worker = null;
			if (thread == null) {
				return;
			}
			this.queue.add(STOP);
		}
		try {
			thread.join(TimeUnit.SECONDS.toMillis(60));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
