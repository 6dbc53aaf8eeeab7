package io.porterbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.porterbench.BenchNames;
import io.porterbench.internal.AutoSaver;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.format.RunFileWriter;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunOrigin;
import io.porterbench.internal.SummaryCalculator;
import io.porterbench.summary.StepStats;

/**
 * Times the iterations of one pipeline and their named steps (the original's
 * {@code Benchmarker}).
 *
 * <p>
 * A step marks the <em>end</em> of a section: {@link #step(String)} records the time
 * since the previous step of the iteration, or since the iteration began.
 * {@link #gstep()} closes the open iteration and opens a new one; {@link #gstop()} closes
 * it, adding a {@code gstop} step and the iteration's {@code GLOBAL} total.
 *
 * <p>
 * Each thread has its own open iteration, so concurrent requests never mix their steps;
 * closed iterations go to one ordered store that keeps the last
 * {@code retainedIterations} in full and every iteration in the summaries. A step on a
 * thread with no open iteration opens one (see {@link #step(String)}).
 *
 * <p>
 * The recording methods take no lock across calls, do no I/O and, once the thread's
 * arrays have grown to the iteration's size, allocate nothing. Auto-saves run on the
 * registry's background writer.
 */
public final class Benchmarker {

	/**
	 * The step gstop adds for the time from the last step to the end of the iteration.
	 */
	public static final String GSTOP = "gstop";

	private static final Logger logger = LoggerFactory.getLogger(Benchmarker.class);

	private static final StepListener[] NO_LISTENERS = new StepListener[0];

	private final String name;

	private final Path runDirectory;

	private final BenchClock clock;

	private final IterationStore store;

	private final OpenIterations openIterations;

	private final AutoSaver autoSaver;

	// for the origin of the files a save writes, resolved on the first save
	private final BenchContext context;

	private final WeakHashMap<Thread, ThreadIteration> threads = new WeakHashMap<>();

	private final ThreadLocal<ThreadIteration> threadIteration = ThreadLocal.withInitial(this::registerThread);

	/**
	 * The open detached iterations, held weakly: an abandoned one goes with its last
	 * reference.
	 */
	private final WeakHashMap<DetachedIteration, ThreadIteration> detached = new WeakHashMap<>();

	private final Runnable autoSaveTask = this::autoSave;

	private final Iteration iterationHandle = this::gstop;

	private final Object saveLock = new Object();

	private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();

	private final MemoryBenchmarker memory;

	private final MemoryTracker memoryTracker;

	private final JfrEvents jfr;

	private volatile StepListener[] listeners = NO_LISTENERS;

	private volatile boolean enabled = true;

	private volatile int saveOnGstop;

	private volatile boolean saveOnStep;

	private volatile boolean autoSaveFailing;

	private volatile boolean implicitOpenLogged;

	Benchmarker(BenchContext context, String name, Path runDirectory) {
		this.name = name;
		this.runDirectory = runDirectory;
		this.clock = context.clock();
		this.store = new IterationStore(context.retainedIterations());
		this.openIterations = context.openIterations();
		this.autoSaver = context.autoSaver();
		this.context = context;
		this.memory = new MemoryBenchmarker(name, context.memorySource());
		this.memoryTracker = new MemoryTracker(this.memory, this.clock, this::addTimedEntry);
		this.jfr = JfrEvents.create(name, this.clock, context.jfrEvents());
	}

	private ThreadIteration registerThread() {
		ThreadIteration iteration = new ThreadIteration();
		iteration.stripe = this.store.assignStripe();
		iteration.openStack = this.openIterations.ofCurrentThread();
		synchronized (this.threads) {
			this.threads.put(Thread.currentThread(), iteration);
		}
		return iteration;
	}

	/**
	 * The name, unique in its registry.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The run folder this benchmarker saves into.
	 * @return an absolute path
	 */
	public Path runDirectory() {
		return this.runDirectory;
	}

	/**
	 * The run files {@link #save()} writes: SUMMARY, DATA and MEMORY. The DATA file's
	 * {@link io.porterbench.record.DataIndex index}, derived from it, lies beside it.
	 * @return the three paths
	 */
	public List<Path> files() {
		return List.of(RunFiles.summaryFile(this.runDirectory, this.name),
				RunFiles.dataFile(this.runDirectory, this.name), RunFiles.memoryFile(this.runDirectory, this.name));
	}

	/**
	 * Opens an iteration on this thread without closing one; when one is already open,
	 * restarts its step and global timers instead (the original's {@code start()},
	 * without its aliasing bug).
	 */
	public void start() {
		if (!this.enabled) {
			return;
		}
		ThreadIteration thread = this.threadIteration.get();
		long now = this.clock.nanoTime();
		if (thread.open) {
			thread.startNanos = now;
			thread.lastNanos = now;
		}
		else {
			open(thread, now, this.clock.epochSecondsAt(now));
		}
	}

	/**
	 * Closes this thread's open iteration, as {@link #gstop()}, and opens a new one. The
	 * first call only opens.
	 */
	public void gstep() {
		if (!this.enabled) {
			return;
		}
		ThreadIteration thread = this.threadIteration.get();
		// one clock read ends the old iteration and begins the new one, so no time falls
		// between them
		long now = this.clock.nanoTime();
		if (thread.open) {
			// with memory tracking the close ends after its sample, and the next
			// iteration begins there, at the same wall time
			now = close(thread, now, true);
			open(thread, now, thread.closedAtEpochSeconds);
		}
		else {
			open(thread, now, this.clock.epochSecondsAt(now));
		}
		this.memoryTracker.opened(thread);
	}

	/**
	 * Records a step: the time since the previous step of this thread's iteration, or
	 * since it began.
	 *
	 * <p>
	 * With no iteration open on this thread, the step opens one first. That iteration
	 * starts where this thread's previous iteration of this benchmarker ended, so the
	 * step measures the time since that {@code gstop}, as the original measures a step
	 * after {@code gstop}; on a thread that never used this benchmarker it starts at the
	 * step, which then measures 0.
	 * @param topic any name but {@code GLOBAL}, {@code START_TIME} and {@code STOP_TIME},
	 * at most 256 characters, no control characters; the empty topic is allowed
	 * @throws IllegalArgumentException if the topic is not allowed
	 */
	public void step(String topic) {
		step(topic, null);
	}

	/**
	 * Records a step with a value saved beside it in the DATA file (the original's
	 * {@code time_extra}).
	 * @param topic the step's topic, as for {@link #step(String)}
	 * @param extra a value Jackson can write, or {@code null}
	 * @throws IllegalArgumentException if the topic is not allowed
	 */
	public void step(String topic, Object extra) {
		if (!this.enabled) {
			return;
		}
		ThreadIteration thread = this.threadIteration.get();
		validate(thread, topic);
		long now = this.clock.nanoTime();
		if (!thread.open) {
			openImplicitly(thread, thread.hasMark ? thread.lastNanos : now);
		}
		addStep(thread, topic, now - thread.lastNanos, extra, now);
	}

	/**
	 * Records a step whose duration was measured elsewhere, as the Spring aspect does,
	 * and moves this thread's step clock to now. With no iteration open on this thread,
	 * opens one that began {@code nanos} ago.
	 * @param topic the step's topic, as for {@link #step(String)}
	 * @param nanos the duration, not negative
	 * @throws IllegalArgumentException if the topic is not allowed or the duration
	 * negative
	 */
	public void record(String topic, long nanos) {
		if (!this.enabled) {
			return;
		}
		if (nanos < 0) {
			throw new IllegalArgumentException("A step's duration cannot be negative; was " + nanos + " ns");
		}
		ThreadIteration thread = this.threadIteration.get();
		validate(thread, topic);
		recordEndingAt(thread, topic, nanos, this.clock.nanoTime());
	}

	/**
	 * Records a step that began at {@code startNanos}, a reading of {@link #clock()}, and
	 * ends now. It does what {@link #record(String, long)} does with the duration
	 * {@code now - startNanos}, but with a single clock read for both the step's end and
	 * this thread's step clock, which is what a caller timing a section itself (the
	 * Spring advice) needs.
	 * @param topic the step's topic, as for {@link #step(String)}
	 * @param startNanos when the step began, a value {@code clock().nanoTime()} returned
	 * @throws IllegalArgumentException if the topic is not allowed or {@code startNanos}
	 * is later than now
	 */
	public void recordSince(String topic, long startNanos) {
		if (!this.enabled) {
			return;
		}
		ThreadIteration thread = this.threadIteration.get();
		validate(thread, topic);
		long now = this.clock.nanoTime();
		long nanos = now - startNanos;
		if (nanos < 0) {
			throw new IllegalArgumentException("A step cannot begin after it ends; it began " + (-nanos)
					+ " ns from now. Pass a reading of this benchmarker's clock()");
		}
		recordEndingAt(thread, topic, nanos, now);
	}

	/**
	 * The rule for a step that comes without an iteration, as the Spring advice records
	 * them: such a step is an iteration of its own. Opens one on this thread, as
	 * {@link #gstep()} does, unless one is open; the caller that got {@code true} records
	 * its step and then closes the iteration with {@link #gstop()}.
	 * @return whether this call opened an iteration
	 */
	public boolean openIterationIfNone() {
		if (!this.enabled || this.threadIteration.get().open) {
			return false;
		}
		gstep();
		return true;
	}

	/**
	 * The rule of {@link #openIterationIfNone()} for a step whose start is already past
	 * (an asynchronous call that completed): unless an iteration is open on this thread,
	 * opens one that began at {@code startNanos}, without a memory sample, as a step on a
	 * thread with no open iteration does.
	 * @param startNanos when the step began, a value {@code clock().nanoTime()} returned
	 * @return whether this call opened an iteration
	 */
	public boolean openIterationIfNone(long startNanos) {
		if (!this.enabled) {
			return false;
		}
		ThreadIteration thread = this.threadIteration.get();
		if (thread.open) {
			return false;
		}
		openImplicitly(thread, startNanos);
		return true;
	}

	/**
	 * The clock this benchmarker reads, its registry's.
	 * @return the clock
	 */
	public BenchClock clock() {
		return this.clock;
	}

	/**
	 * Closes this thread's open iteration: adds the {@code gstop} step and the
	 * {@code GLOBAL} total and stores it. Does nothing when no iteration is open on this
	 * thread.
	 */
	public void gstop() {
		if (!this.enabled) {
			return;
		}
		ThreadIteration thread = this.threadIteration.get();
		if (thread.open) {
			close(thread, this.clock.nanoTime(), false);
		}
	}

	/**
	 * Opens an iteration that closes with try-with-resources.
	 * @return the iteration; closing it is {@link #gstop()}
	 */
	public Iteration iteration() {
		gstep();
		return this.iterationHandle;
	}

	/**
	 * Opens an iteration that belongs to no thread, for work that moves between threads
	 * (reactive pipelines). Its steps and its close may come from any thread; see
	 * {@link DetachedIteration}. The thread's own iteration, if any, is left alone.
	 * @return the open iteration; while this benchmarker is disabled, one already closed
	 * that records nothing
	 */
	public DetachedIteration openDetached() {
		ThreadIteration iteration = new ThreadIteration();
		iteration.stripe = this.store.assignStripe();
		DetachedIteration handle = new DetachedIteration(this, iteration);
		if (!this.enabled) {
			return handle;
		}
		long now = this.clock.nanoTime();
		iteration.open(now, this.clock.epochSecondsAt(now));
		synchronized (this.detached) {
			this.detached.put(handle, iteration);
		}
		return handle;
	}

	/** Called by the handle, under its lock. */
	void recordDetached(ThreadIteration iteration, String topic, long startNanos) {
		if (!this.enabled || !iteration.open) {
			return;
		}
		validate(iteration, topic);
		long now = this.clock.nanoTime();
		long nanos = now - startNanos;
		if (nanos < 0) {
			throw new IllegalArgumentException("A step cannot begin after it ends; it began " + (-nanos)
					+ " ns from now. Pass a reading of this benchmarker's clock()");
		}
		iteration.lastNanos = now;
		iteration.add(topic, nanos, null);
		publishStep(iteration, topic, nanos);
		if (this.saveOnStep) {
			requestAutoSave();
		}
	}

	/** Called by the handle, under its lock. */
	void closeDetached(DetachedIteration handle, ThreadIteration iteration) {
		if (!iteration.open) {
			return;
		}
		long now = this.clock.nanoTime();
		// another thread may close it, with a reading that comes before its last step's
		addGstop(iteration, now, Math.max(0, now - iteration.lastNanos));
		long globalNanos = now - iteration.startNanos;
		int period = this.saveOnGstop;
		long closed = store(iteration, now, globalNanos, period);
		synchronized (this.detached) {
			this.detached.remove(handle);
		}
		announce(globalNanos, closed, period);
	}

	/**
	 * Whether an iteration is open on the calling thread.
	 * @return true between gstep and gstop
	 */
	public boolean isIterationOpen() {
		return this.threadIteration.get().open;
	}

	/**
	 * The number of iterations open now, over all threads, detached ones included.
	 * @return the count
	 */
	public int openIterations() {
		int open = 0;
		synchronized (this.threads) {
			for (ThreadIteration thread : this.threads.values()) {
				if (thread.open) {
					open++;
				}
			}
		}
		synchronized (this.detached) {
			open += this.detached.size();
		}
		return open;
	}

	/**
	 * The number of closed iterations since creation or the last {@link #reset()}.
	 * @return the count
	 */
	public long iterationCount() {
		return this.store.closedCount();
	}

	/**
	 * The statistics of every step over every iteration, closed and open.
	 * @return an immutable snapshot
	 */
	public BenchSummary summary() {
		RunSnapshot snapshot = snapshot();
		return new BenchSummary(this.name, snapshot.closedCount(), snapshot.open().size(),
				SummaryCalculator.steps(snapshot), this.memory.stats());
	}

	/**
	 * Writes this benchmarker's three files now, in the caller's thread; the open
	 * iterations are written last, with {@code STOP_TIME} 0. Does nothing while disabled.
	 * @return the run folder
	 * @throws BenchSaveException if a file could not be written; the data stays in memory
	 * for the next save
	 */
	public Path save() {
		if (!this.enabled) {
			return this.runDirectory;
		}
		synchronized (this.saveLock) {
			RunSnapshot snapshot = snapshot();
			try {
				RunOrigin origin = this.context.runOrigin();
				// the statistics are computed while a helper starts on the DATA file
				RunFileWriter.writeTimeFiles(this.runDirectory, snapshot, () -> SummaryCalculator.steps(snapshot),
						origin);
				RunFileWriter.writeMemoryFile(this.runDirectory, snapshot, origin);
			}
			catch (IOException | RuntimeException ex) {
				throw new BenchSaveException(this.runDirectory, ex);
			}
		}
		return this.runDirectory;
	}

	/**
	 * Forgets every closed iteration and the statistics; iterations open on threads stay
	 * open.
	 */
	public void reset() {
		this.store.reset();
		this.memory.resetStats();
	}

	/**
	 * Saves on the background writer every {@code n} closed iterations (the original's
	 * {@code set_save_on_gstop}).
	 * @param n the period; 0 or less turns it off
	 * @return this benchmarker
	 */
	public Benchmarker setSaveOnGstop(int n) {
		this.saveOnGstop = n;
		return this;
	}

	/**
	 * Saves on the background writer after every step; pending saves coalesce.
	 * @param saveOnStep whether to
	 * @return this benchmarker
	 */
	public Benchmarker setSaveOnStep(boolean saveOnStep) {
		this.saveOnStep = saveOnStep;
		return this;
	}

	/** Turns recording and saving on. */
	public void enable() {
		this.enabled = true;
	}

	/**
	 * Turns every operation into a no-op until {@link #enable()}; an open iteration stays
	 * open.
	 */
	public void disable() {
		this.enabled = false;
	}

	/**
	 * Whether recording is on.
	 * @return the flag
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turns on memory tracking: a sample at every gstep and gstop, and at every step when
	 * {@code perStep}. The time entries {@code gstep_memory}, {@code gstop_memory} and
	 * {@code <topic>_MEMORY_STEP} show what the samples cost; {@code GLOBAL} leaves out
	 * {@code gstep_memory}, as in the original. Samples go to the MEMORY file.
	 * @param perStep whether every step takes a sample too
	 * @return the memory tracking settings, for the peak poller, GPU memory and top
	 * classes
	 */
	public MemoryBenchmarker enableMemoryTracking(boolean perStep) {
		this.memory.enable(perStep);
		return this.memory;
	}

	/**
	 * The memory tracking settings.
	 * @return the memory benchmarker
	 */
	public MemoryBenchmarker memory() {
		return this.memory;
	}

	/**
	 * Adds a listener for steps and iterations, for example a metrics binder.
	 * @param listener the listener
	 */
	public synchronized void addStepListener(StepListener listener) {
		StepListener[] current = this.listeners;
		StepListener[] updated = Arrays.copyOf(current, current.length + 1);
		updated[current.length] = listener;
		this.listeners = updated;
	}

	/**
	 * Removes a listener added before.
	 * @param listener the listener
	 */
	public synchronized void removeStepListener(StepListener listener) {
		List<StepListener> remaining = new ArrayList<>(Arrays.asList(this.listeners));
		remaining.remove(listener);
		this.listeners = remaining.toArray(NO_LISTENERS);
	}

	void stopBackgroundWork() {
		this.memory.stopBackgroundWork();
	}

	@Override
	public String toString() {
		return "Benchmarker[" + this.name + "]";
	}

	private void recordEndingAt(ThreadIteration thread, String topic, long nanos, long now) {
		if (!thread.open) {
			openImplicitly(thread, now - nanos);
		}
		addStep(thread, topic, nanos, null, now);
	}

	/**
	 * Adds a step to the thread's open iteration, ending at {@code now}, which becomes
	 * the step clock.
	 */
	private void addStep(ThreadIteration thread, String topic, long nanos, Object extra, long now) {
		thread.lastNanos = now;
		thread.add(topic, nanos, extra);
		publishStep(thread, topic, nanos);
		this.memoryTracker.stepped(thread, topic, extra);
		if (this.saveOnStep) {
			requestAutoSave();
		}
	}

	private void validate(ThreadIteration thread, String topic) {
		if (!thread.isValidated(topic)) {
			BenchNames.validateTopic(topic);
			thread.rememberValidated(topic);
		}
	}

	private void open(ThreadIteration thread, long startNanos, double startEpochSeconds) {
		thread.open(startNanos, startEpochSeconds);
		thread.openStack.push(this);
	}

	private void openImplicitly(ThreadIteration thread, long startNanos) {
		if (!this.implicitOpenLogged) {
			this.implicitOpenLogged = true;
			logger.debug("porter-bench: a step of '{}' on a thread with no open iteration opened one", this.name);
		}
		double startEpochSeconds = this.clock.epochSecondsAt(startNanos);
		open(thread, startNanos, startEpochSeconds);
		this.memoryTracker.openedByStep(thread);
	}

	/**
	 * Closes the thread's iteration at {@code now}, or at the end of its memory sample.
	 * @param reopening whether the caller opens the next iteration at once, which puts
	 * this benchmarker back on top of the thread's open ones
	 * @return when the iteration ended; its wall time is left in
	 * {@link ThreadIteration#closedAtEpochSeconds}
	 */
	private long close(ThreadIteration thread, long now, boolean reopening) {
		addGstop(thread, now, now - thread.lastNanos);
		now = this.memoryTracker.closing(thread, now);
		long globalNanos = now - thread.startNanos;
		int period = this.saveOnGstop;
		long closed = store(thread, now, globalNanos, period);
		if (!reopening) {
			thread.openStack.remove(this);
		}
		announce(globalNanos, closed, period);
		return now;
	}

	/** Adds the {@code gstop} entry of a closing iteration. */
	private void addGstop(ThreadIteration iteration, long now, long gstopNanos) {
		iteration.add(GSTOP, gstopNanos, null);
		iteration.lastNanos = now;
		publishStep(iteration, GSTOP, gstopNanos);
	}

	/**
	 * Writes a closing iteration's event and sums and appends it to the store.
	 * @return how many iterations the store has closed, or 0 when not counted
	 */
	private long store(ThreadIteration iteration, long now, long globalNanos, int savePeriod) {
		this.jfr.iteration(iteration, globalNanos, now);
		iteration.computeTopicSums();
		double stopEpochSeconds = this.clock.epochSecondsAt(now);
		iteration.closedAtEpochSeconds = stopEpochSeconds;
		return this.store.append(iteration, stopEpochSeconds, now, globalNanos, savePeriod > 0);
	}

	/**
	 * Tells the listeners an iteration closed and asks for the periodic save when due.
	 */
	private void announce(long globalNanos, long closed, int savePeriod) {
		publishIteration(globalNanos);
		if (savePeriod > 0 && closed > 0 && closed % savePeriod == 0) {
			requestAutoSave();
		}
	}

	/** Records an entry of the library's own: the time since the previous entry. */
	private void addTimedEntry(ThreadIteration thread, String topic) {
		long now = this.clock.nanoTime();
		long duration = now - thread.lastNanos;
		thread.lastNanos = now;
		thread.add(topic, duration, null);
		publishStep(thread, topic, duration);
	}

	/** Publishes a step that has just been added, ending at the thread's step clock. */
	private void publishStep(ThreadIteration thread, String topic, long nanos) {
		this.jfr.step(topic, thread, nanos, thread.lastNanos);
		StepListener[] current = this.listeners;
		for (StepListener listener : current) {
			try {
				listener.onStep(this, topic, nanos);
			}
			catch (RuntimeException ex) {
				listenerFailed(listener, ex);
			}
		}
	}

	private void publishIteration(long nanos) {
		StepListener[] current = this.listeners;
		for (StepListener listener : current) {
			try {
				listener.onIteration(this, nanos);
			}
			catch (RuntimeException ex) {
				listenerFailed(listener, ex);
			}
		}
	}

	private void listenerFailed(StepListener listener, RuntimeException ex) {
		if (this.listenerFailureLogged.compareAndSet(false, true)) {
			logger.warn("porter-bench: step listener {} of '{}' failed; the measurement is kept and later failures "
					+ "are not logged", listener, this.name, ex);
		}
	}

	private void requestAutoSave() {
		this.autoSaver.request(this.autoSaveTask);
	}

	private void autoSave() {
		try {
			save();
			if (this.autoSaveFailing) {
				this.autoSaveFailing = false;
				logger.info("porter-bench: auto-save of '{}' works again", this.name);
			}
		}
		catch (BenchSaveException ex) {
			if (!this.autoSaveFailing) {
				this.autoSaveFailing = true;
				logger.warn("porter-bench: auto-save of '{}' failed; the data stays in memory and the next save "
						+ "retries. Further failures are not logged until a save succeeds", this.name, ex);
			}
		}
	}

	RunSnapshot snapshot() {
		List<ThreadIteration> current;
		synchronized (this.threads) {
			current = new ArrayList<>(this.threads.values());
		}
		synchronized (this.detached) {
			current.addAll(this.detached.values());
		}
		return this.store.snapshot(this.name, current);
	}

	Map<String, StepStats> steps() {
		return SummaryCalculator.steps(snapshot());
	}

}
