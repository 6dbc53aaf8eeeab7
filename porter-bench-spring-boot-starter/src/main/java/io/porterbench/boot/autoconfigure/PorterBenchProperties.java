package io.porterbench.boot.autoconfigure;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import io.porterbench.BenchDict;
import io.porterbench.BenchNames;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of porter-bench, under the prefix {@code porterbench}.
 */
@ConfigurationProperties("porterbench")
public class PorterBenchProperties {

	/**
	 * Whether porter-bench is enabled. When false, no porter-bench bean is created and
	 * annotated methods run without instrumentation.
	 */
	private boolean enabled = true;

	/**
	 * Folder that holds the run folders, relative to the working directory unless
	 * absolute.
	 */
	private Path root = Paths.get(BenchDict.DEFAULT_ROOT);

	/**
	 * Number of closed iterations after which each benchmarker saves its files in the
	 * background. 0 turns auto-save off.
	 */
	private int saveOnGstop;

	/**
	 * Whether a graceful shutdown (closing the application context) saves the files of
	 * every benchmarker.
	 */
	private boolean saveOnShutdown = true;

	/**
	 * Number of closed iterations each benchmarker keeps in full for its DATA and MEMORY
	 * files. Older iterations still count in the summaries.
	 */
	private int retainedIterations = BenchDict.DEFAULT_RETAINED_ITERATIONS;

	/**
	 * Benchmarker that receives @BenchStep calls that name no benchmarker and run outside
	 * any iteration.
	 */
	private String defaultBench = "default";

	/**
	 * Whether run folders get the Python original's 'HH:MM-dd:mm:YYYY' names instead of
	 * sortable 'yyyy-MM-dd_HH-mm-ss' ones.
	 */
	private boolean legacyFolderNames;

	private final Memory memory = new Memory();

	private final Metrics metrics = new Metrics();

	private final Observation observation = new Observation();

	private final Web web = new Web();

	private final Jfr jfr = new Jfr();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Path getRoot() {
		return this.root;
	}

	public void setRoot(Path root) {
		this.root = root;
	}

	public int getSaveOnGstop() {
		return this.saveOnGstop;
	}

	public void setSaveOnGstop(int saveOnGstop) {
		if (saveOnGstop < 0) {
			throw new IllegalArgumentException(
					"save-on-gstop must be 0 (off) or a positive number of iterations, was " + saveOnGstop);
		}
		this.saveOnGstop = saveOnGstop;
	}

	public boolean isSaveOnShutdown() {
		return this.saveOnShutdown;
	}

	public void setSaveOnShutdown(boolean saveOnShutdown) {
		this.saveOnShutdown = saveOnShutdown;
	}

	public int getRetainedIterations() {
		return this.retainedIterations;
	}

	public void setRetainedIterations(int retainedIterations) {
		if (retainedIterations < 1) {
			throw new IllegalArgumentException("retained-iterations must be at least 1, was " + retainedIterations);
		}
		this.retainedIterations = retainedIterations;
	}

	public String getDefaultBench() {
		return this.defaultBench;
	}

	public void setDefaultBench(String defaultBench) {
		BenchNames.validateBenchName(defaultBench);
		this.defaultBench = defaultBench;
	}

	public boolean isLegacyFolderNames() {
		return this.legacyFolderNames;
	}

	public void setLegacyFolderNames(boolean legacyFolderNames) {
		this.legacyFolderNames = legacyFolderNames;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Observation getObservation() {
		return this.observation;
	}

	public Web getWeb() {
		return this.web;
	}

	public Jfr getJfr() {
		return this.jfr;
	}

	/**
	 * Java Flight Recorder events of the benchmarkers.
	 */
	public static class Jfr {

		/**
		 * Whether steps and iterations are the JFR events porterbench.Step and
		 * porterbench.Iteration, recorded while a recording enables them. They cost a
		 * flag read or two per step while no recording does.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Micrometer Observations of annotated calls.
	 */
	public static class Observation {

		/**
		 * Whether each synchronous @BenchIteration and @BenchStep call is a Micrometer
		 * Observation ('porterbench.observation.iteration',
		 * 'porterbench.observation.step'), a span under the request's with a tracer. Off,
		 * the advice is not installed and costs nothing.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Servlet web applications.
	 */
	public static class Web {

		private final ServerTiming serverTiming = new ServerTiming();

		public ServerTiming getServerTiming() {
			return this.serverTiming;
		}

		/**
		 * The Server-Timing response header.
		 */
		public static class ServerTiming {

			/**
			 * Whether a response to a request handled in a @BenchIteration carries a
			 * Server-Timing header with the duration of each step of the iteration and
			 * its total. Off by default: it tells every client how long the application's
			 * internal steps took.
			 */
			private boolean enabled;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/**
	 * Publication of the benchmarkers to Micrometer.
	 */
	public static class Metrics {

		/**
		 * Kind of meter each step topic is published as: 'timer' (max, and the
		 * percentiles, histogram buckets and SLOs of management.metrics.distribution.*)
		 * or 'function-timer' (count and total only, at a fraction of the cost per step).
		 * Unset: 'timer' when management.metrics.distribution.* asks for percentiles,
		 * histogram buckets or SLOs of porterbench.step, 'function-timer' otherwise.
		 */
		private @Nullable StepMeterType stepMeterType;

		public @Nullable StepMeterType getStepMeterType() {
			return this.stepMeterType;
		}

		public void setStepMeterType(@Nullable StepMeterType stepMeterType) {
			this.stepMeterType = stepMeterType;
		}

	}

	/**
	 * Memory tracking of every benchmarker.
	 */
	public static class Memory {

		/**
		 * Whether every benchmarker samples process and heap memory at each iteration
		 * boundary.
		 */
		private boolean enabled;

		/**
		 * Whether memory is also sampled at every step, not only at iteration boundaries.
		 * Sampling costs time on the measured thread.
		 */
		private boolean perStep;

		/**
		 * Interval at which a background thread polls the process RSS to catch the peak
		 * between samples. Unset: no polling.
		 */
		private @Nullable Duration pollInterval;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isPerStep() {
			return this.perStep;
		}

		public void setPerStep(boolean perStep) {
			this.perStep = perStep;
		}

		public @Nullable Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(@Nullable Duration pollInterval) {
			if (pollInterval != null && (pollInterval.isZero() || pollInterval.isNegative())) {
				throw new IllegalArgumentException("memory.poll-interval must be positive, was " + pollInterval);
			}
			this.pollInterval = pollInterval;
		}

	}

}
