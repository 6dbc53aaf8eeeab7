package io.porterbench.memory;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the RSS on one background thread and keeps the peak between two
 * {@link #takePeak()} calls; the same thread also refreshes slow figures (GPU memory,
 * class histograms) now and then, so they never run on the hot path. A slow task delays
 * the readings while it runs.
 *
 * <p>
 * One poller, so one thread, per benchmarker: started by the first
 * {@link #start(Duration)}, kept across iterations, given a new interval by later calls.
 * The thread is a daemon and is never joined: {@link #stop()} only tells it to end, so
 * neither the hot path nor JVM shutdown ever waits for it.
 */
public final class PeakMemoryPoller {

	private static final Logger logger = LoggerFactory.getLogger(PeakMemoryPoller.class);

	private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final String threadName;

	private final LongSupplier rss;

	private final AtomicLong peak = new AtomicLong();

	private final AtomicLong readings = new AtomicLong();

	private volatile long intervalNanos;

	private volatile PeriodicTask[] tasks = new PeriodicTask[0];

	private volatile Thread thread;

	private volatile boolean failureLogged;

	/**
	 * A poller that has not started yet.
	 * @param threadName the name of its thread
	 * @param rss reads the resident set size, in bytes
	 */
	public PeakMemoryPoller(String threadName, LongSupplier rss) {
		this.threadName = threadName;
		this.rss = rss;
	}

	/**
	 * Polls the RSS every {@code interval}, starting the thread if it is not running; a
	 * running thread takes the new interval at once.
	 * @param interval the time between two readings, at least 1 ms
	 * @throws IllegalArgumentException if the interval is shorter than 1 ms
	 */
	public synchronized void start(Duration interval) {
		long nanos = positiveNanos(interval, "poll interval");
		if (nanos == this.intervalNanos && isRunning()) {
			return;
		}
		this.intervalNanos = nanos;
		wake();
	}

	/**
	 * Also runs {@code task} on the poller's thread every {@code period}, starting the
	 * thread if needed; a task given again gets the new period. The task's exceptions are
	 * logged at debug level and do not stop the poller.
	 * @param task the work, such as refreshing a cached GPU figure
	 * @param period the time between two runs, at least 1 ms
	 * @throws IllegalArgumentException if the period is shorter than 1 ms
	 */
	public synchronized void runPeriodically(Runnable task, Duration period) {
		long periodNanos = positiveNanos(period, "task period");
		PeriodicTask[] current = this.tasks;
		for (PeriodicTask existing : current) {
			if (existing.task == task && existing.periodNanos == periodNanos && isRunning()) {
				return;
			}
		}
		PeriodicTask[] updated = new PeriodicTask[current.length + 1];
		int count = 0;
		for (PeriodicTask existing : current) {
			if (existing.task != task) {
				updated[count++] = existing;
			}
		}
		updated[count++] = new PeriodicTask(task, periodNanos);
		this.tasks = Arrays.copyOf(updated, count);
		wake();
	}

	/**
	 * Stops running a task given to {@link #runPeriodically(Runnable, Duration)}; the
	 * thread keeps running.
	 * @param task the task
	 */
	public synchronized void cancel(Runnable task) {
		// the thread reads the tasks on every round, so it needs no wake-up to drop one
		this.tasks = Arrays.stream(this.tasks).filter((existing) -> existing.task != task).toArray(PeriodicTask[]::new);
	}

	private static long positiveNanos(Duration duration, String what) {
		if (duration == null || duration.compareTo(Duration.ofMillis(1)) < 0) {
			throw new IllegalArgumentException("The " + what + " must be at least 1 ms, was " + duration);
		}
		return duration.toNanos();
	}

	/** Starts the thread, or makes it look at its schedule again. */
	private void wake() {
		Thread current = this.thread;
		if (current == null) {
			current = new Thread(null, this::run, this.threadName, 0, false);
			current.setDaemon(true);
			current.setContextClassLoader(PeakMemoryPoller.class.getClassLoader());
			this.thread = current;
			current.start();
		}
		else {
			LockSupport.unpark(current);
		}
	}

	/**
	 * The largest RSS read since the previous call, and a fresh start for the next
	 * window.
	 * @return bytes, or 0 when the poller took no reading since the previous call
	 */
	public long takePeak() {
		return this.peak.getAndSet(0);
	}

	/**
	 * The number of readings since the poller was created.
	 * @return how many times the RSS was read
	 */
	public long readings() {
		return this.readings.get();
	}

	/**
	 * The interval between two readings.
	 * @return the interval, or {@link Duration#ZERO} when the RSS is not polled
	 */
	public Duration interval() {
		return Duration.ofNanos(this.intervalNanos);
	}

	/**
	 * Whether the thread is running.
	 * @return whether a poller thread is alive
	 */
	public boolean isRunning() {
		Thread current = this.thread;
		return current != null && current.isAlive();
	}

	/**
	 * Tells the thread to end, without waiting for it. A later {@link #start(Duration)}
	 * starts a new thread.
	 */
	public synchronized void stop() {
		Thread current = this.thread;
		this.thread = null;
		this.intervalNanos = 0;
		this.tasks = new PeriodicTask[0];
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

	private void run() {
		Thread self = Thread.currentThread();
		long seenInterval = -1;
		long nextReading = 0;
		while (this.thread == self) {
			long now = System.nanoTime();
			PeriodicTask[] currentTasks = this.tasks;
			// one volatile read per round: a new interval restarts the schedule exactly
			// once, however its write interleaves with this loop
			long interval = this.intervalNanos;
			if (interval != seenInterval) {
				seenInterval = interval;
				nextReading = now;
			}
			if (interval > 0 && now - nextReading >= 0) {
				read();
				nextReading = now + interval;
			}
			long wake = (interval > 0) ? nextReading : now + IDLE_NANOS;
			for (PeriodicTask task : currentTasks) {
				if (now - task.next >= 0) {
					runTask(task.task);
					task.next = System.nanoTime() + task.periodNanos;
				}
				if (task.next - wake < 0) {
					wake = task.next;
				}
			}
			park(self, wake);
		}
	}

	// an unpark from wake() or stop() that comes before this park makes it return at once
	private void park(Thread self, long wake) {
		long wait = wake - System.nanoTime();
		if (this.thread == self && wait > 0) {
			LockSupport.parkNanos(this, wait);
		}
	}

	private void read() {
		try {
			long bytes = this.rss.getAsLong();
			this.peak.accumulateAndGet(bytes, Math::max);
			this.readings.incrementAndGet();
		}
		catch (RuntimeException ex) {
			logFailure("Reading the resident set size failed", ex);
		}
	}

	private void runTask(Runnable currentTask) {
		try {
			currentTask.run();
		}
		catch (RuntimeException ex) {
			logFailure("A periodic memory task failed", ex);
		}
	}

	private void logFailure(String message, RuntimeException ex) {
		if (!this.failureLogged) {
			this.failureLogged = true;
			logger.debug(message, ex);
		}
	}

	private static final class PeriodicTask {

		final Runnable task;

		final long periodNanos;

		// written by the poller thread only, after construction
		long next = System.nanoTime();

		PeriodicTask(Runnable task, long periodNanos) {
			this.task = task;
			this.periodNanos = periodNanos;
		}

	}

}
