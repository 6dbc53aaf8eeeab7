package io.porterbench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.porterbench.internal.AutoSaver;
import io.porterbench.BenchNames;
import io.porterbench.memory.MemorySource;
import io.porterbench.record.RunFolderNames;
import io.porterbench.record.RunOrigin;

/**
 * The registry of named {@link Benchmarker}s of a run (the original's
 * {@code bench_dict}): one benchmarker per name, created on first use, all saved into one
 * run folder {@code <root>/<run>/}.
 *
 * <pre>{@code
 * Benchmarker bench = BenchDict.global().get("pipeline");
 * bench.gstep();
 * load();    bench.step("load");
 * process(); bench.step("process");
 * bench.gstop();
 * Path run = BenchDict.global().save();
 * }</pre>
 *
 * <p>
 * Thread-safe. {@link #get(String)} returns the same instance for a name under any
 * concurrency.
 */
public final class BenchDict implements AutoCloseable {

	/** The default root folder of saved runs, relative to the working directory. */
	public static final String DEFAULT_ROOT = "TICTOC_PERFORMANCE";

	/** The default number of closed iterations each benchmarker keeps in full. */
	public static final int DEFAULT_RETAINED_ITERATIONS = 10_000;

	private final ConcurrentHashMap<String, Benchmarker> benches = new ConcurrentHashMap<>();

	private final List<Benchmarker> ordered = new CopyOnWriteArrayList<>();

	private final List<BenchDictListener> listeners = new CopyOnWriteArrayList<>();

	private final Object creationLock = new Object();

	private final boolean legacyFolderNames;

	private final AutoSaver autoSaver;

	private final BenchContext context;

	private volatile Path root;

	private volatile Path runDirectory;

	private volatile boolean enabled = true;

	/**
	 * A registry that saves under {@code TICTOC_PERFORMANCE} in the working directory.
	 */
	public BenchDict() {
		this(builder());
	}

	/**
	 * A registry that saves under the given root.
	 * @param root the folder that holds the run folders
	 */
	public BenchDict(Path root) {
		this(builder().root(root));
	}

	private BenchDict(Builder builder) {
		this.legacyFolderNames = builder.legacyFolderNames;
		this.root = builder.root.toAbsolutePath().normalize();
		this.runDirectory = RunFolderNames.claimNewRunFolder(this.root, this.legacyFolderNames);
		this.autoSaver = new AutoSaver();
		this.context = new BenchContext(builder.clock, builder.memorySource, builder.retainedIterations,
				new OpenIterations(), this.autoSaver, builder.origin, builder.jfrEvents);
	}

	/**
	 * The registry of the JVM, created on first use with the defaults.
	 * @return the global registry
	 */
	public static BenchDict global() {
		return GlobalHolder.INSTANCE;
	}

	/**
	 * A builder for a registry with other settings than the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The benchmarker of this name, created on first use.
	 * @param name letters, digits, {@code _}, {@code -} and {@code .} (not leading, never
	 * {@code ..}), at most 128 characters
	 * @return the one benchmarker of this name
	 * @throws IllegalArgumentException if the name is not allowed
	 */
	public Benchmarker get(String name) {
		Benchmarker bench = (name != null) ? this.benches.get(name) : null;
		return (bench != null) ? bench : create(name);
	}

	private Benchmarker create(String name) {
		BenchNames.validateBenchName(name);
		Benchmarker created;
		synchronized (this.creationLock) {
			Benchmarker existing = this.benches.get(name);
			if (existing != null) {
				return existing;
			}
			created = new Benchmarker(this.context, name, this.runDirectory);
			this.benches.put(name, created);
			this.ordered.add(created);
		}
		for (BenchDictListener listener : this.listeners) {
			listener.onAdded(created);
		}
		return created;
	}

	/**
	 * The benchmarker of this name, if it was created.
	 * @param name the name
	 * @return the benchmarker, or empty
	 */
	public Optional<Benchmarker> find(String name) {
		return Optional.ofNullable(this.benches.get(name));
	}

	/**
	 * The names of the benchmarkers, in order of creation.
	 * @return an unmodifiable snapshot
	 */
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>();
		for (Benchmarker bench : this.ordered) {
			names.add(bench.name());
		}
		return Collections.unmodifiableSet(names);
	}

	/**
	 * The benchmarkers, in order of creation.
	 * @return an unmodifiable snapshot
	 */
	public List<Benchmarker> benchmarkers() {
		return Collections.unmodifiableList(new ArrayList<>(this.ordered));
	}

	/**
	 * Follows the benchmarkers: the listener is told of every existing one now and of
	 * every new one later.
	 * @param listener the listener
	 */
	public void addListener(BenchDictListener listener) {
		synchronized (this.creationLock) {
			this.listeners.add(listener);
		}
		for (Benchmarker bench : this.ordered) {
			listener.onAdded(bench);
		}
	}

	/**
	 * Writes the files of every benchmarker now, in the caller's thread. Does nothing
	 * while the registry is disabled.
	 * @return the current run folder
	 * @throws BenchSaveException if a file could not be written; the data stays in memory
	 * for the next save
	 */
	public Path save() {
		if (this.enabled) {
			BenchSaveException failure = null;
			for (Benchmarker bench : this.ordered) {
				try {
					bench.save();
				}
				catch (BenchSaveException ex) {
					if (failure == null) {
						failure = ex;
					}
					else {
						failure.addSuppressed(ex);
					}
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		return this.runDirectory;
	}

	/**
	 * The run folder that new benchmarkers save into.
	 * @return an absolute path under the root
	 */
	public Path runDirectory() {
		return this.runDirectory;
	}

	/**
	 * The folder that holds the run folders.
	 * @return an absolute path
	 */
	public Path root() {
		return this.root;
	}

	/**
	 * Moves later runs under another root: a fresh run folder is chosen there, and
	 * benchmarkers created from now on save into it. Existing benchmarkers keep their
	 * folder, as in the original.
	 * @param root the new root
	 */
	public void setDefaultPath(Path root) {
		synchronized (this.creationLock) {
			this.root = root.toAbsolutePath().normalize();
			this.runDirectory = RunFolderNames.claimNewRunFolder(this.root, this.legacyFolderNames);
		}
	}

	/** Enables this registry and every existing benchmarker. */
	public void enable() {
		this.enabled = true;
		this.ordered.forEach(Benchmarker::enable);
	}

	/**
	 * Disables this registry and every existing benchmarker; benchmarkers created later
	 * start enabled.
	 */
	public void disable() {
		this.enabled = false;
		this.ordered.forEach(Benchmarker::disable);
	}

	/**
	 * Whether {@link #save()} writes anything.
	 * @return the flag
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * The benchmarker whose iteration was opened last on the calling thread and is still
	 * open.
	 * @return the benchmarker, or {@code null} when no iteration of this registry is open
	 * on this thread
	 */
	public Benchmarker current() {
		return this.context.openIterations().current();
	}

	/**
	 * Writes the pending auto-saves and stops the background threads. The registry stays
	 * usable.
	 */
	@Override
	public void close() {
		this.autoSaver.close();
		for (Benchmarker bench : this.ordered) {
			bench.stopBackgroundWork();
		}
	}

	private static final class GlobalHolder {

		static final BenchDict INSTANCE = new BenchDict();

	}

	/**
	 * Settings of a {@link BenchDict}.
	 */
	public static final class Builder {

		private Path root = Paths.get(DEFAULT_ROOT);

		private BenchClock clock = BenchClock.system();

		private MemorySource memorySource = MemorySource.system();

		private int retainedIterations = DEFAULT_RETAINED_ITERATIONS;

		private boolean legacyFolderNames;

		// null: RunOrigin.current(), looked up on the first save rather than when the
		// registry is built
		private RunOrigin origin;

		private boolean jfrEvents = true;

		private Builder() {
		}

		/**
		 * The folder that holds the run folders.
		 * @param root default {@code TICTOC_PERFORMANCE} in the working directory
		 * @return this builder
		 */
		public Builder root(Path root) {
			this.root = root;
			return this;
		}

		/**
		 * The clock; tests use a {@link MockBenchClock}.
		 * @param clock default {@link BenchClock#system()}
		 * @return this builder
		 */
		public Builder clock(BenchClock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Where memory samples come from; tests give fixed figures.
		 * @param memorySource default {@link MemorySource#system()}, the running process
		 * @return this builder
		 */
		public Builder memorySource(MemorySource memorySource) {
			if (memorySource == null) {
				throw new IllegalArgumentException("The memory source must not be null; use MemorySource.system()");
			}
			this.memorySource = memorySource;
			return this;
		}

		/**
		 * How many closed iterations each benchmarker keeps in full for the DATA and
		 * MEMORY files; older ones still count in the summaries.
		 * @param retainedIterations at least 1, default 10,000
		 * @return this builder
		 */
		public Builder retainedIterations(int retainedIterations) {
			if (retainedIterations < 1) {
				throw new IllegalArgumentException("retainedIterations must be at least 1, was " + retainedIterations);
			}
			this.retainedIterations = retainedIterations;
			return this;
		}

		/**
		 * Whether run folders get the original's {@code HH:MM-dd:mm:YYYY} names, for
		 * Python tooling, instead of sortable {@code yyyy-MM-dd_HH-mm-ss} ones.
		 * @param legacyFolderNames default false
		 * @return this builder
		 */
		public Builder legacyFolderNames(boolean legacyFolderNames) {
			this.legacyFolderNames = legacyFolderNames;
			return this;
		}

		/**
		 * The host and process written as {@code HOST} and {@code PID} into the
		 * {@code info} of every saved iteration; tests give fixed ones,
		 * {@link RunOrigin#none()} writes the original's keys only.
		 * @param origin default {@link RunOrigin#current()}, the running process
		 * @return this builder
		 */
		public Builder origin(RunOrigin origin) {
			if (origin == null) {
				throw new IllegalArgumentException(
						"The run origin must not be null; use RunOrigin.none() to write none");
			}
			this.origin = origin;
			return this;
		}

		/**
		 * Whether steps and iterations are JFR events ({@code porterbench.Step} and
		 * {@code porterbench.Iteration}). While no recording enables them they cost a
		 * flag read or two per step and no allocation; off, not even that.
		 * @param jfrEvents default true
		 * @return this builder
		 */
		public Builder jfrEvents(boolean jfrEvents) {
			this.jfrEvents = jfrEvents;
			return this;
		}

		/**
		 * Builds the registry.
		 * @return a new registry
		 */
		public BenchDict build() {
			return new BenchDict(this);
		}

	}

}
