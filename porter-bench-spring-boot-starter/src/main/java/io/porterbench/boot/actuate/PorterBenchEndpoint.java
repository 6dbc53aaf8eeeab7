package io.porterbench.boot.actuate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.BenchSummary.MemoryStats;
import io.porterbench.Benchmarker;
import io.porterbench.summary.StepStats;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@link Endpoint @Endpoint} exposing the benchmarkers of a {@link BenchDict}: their
 * summaries (read), saving the run files (write) and resetting one benchmarker (delete).
 * Durations are in seconds, memory in bytes. Writes are off unless
 * {@code management.endpoint.porterbench.access=unrestricted}.
 */
@Endpoint(id = "porterbench", defaultAccess = Access.READ_ONLY)
public class PorterBenchEndpoint {

	private final BenchDict benchDict;

	/**
	 * An endpoint over the given registry.
	 * @param benchDict the benchmarkers to expose
	 */
	public PorterBenchEndpoint(BenchDict benchDict) {
		this.benchDict = benchDict;
	}

	/**
	 * The summaries of every benchmarker, sorted by name.
	 * @return the run's folders and the benchmarkers' summaries
	 */
	@ReadOperation
	public BenchesDescriptor benches() {
		Map<String, BenchDescriptor> benches = new TreeMap<>();
		for (Benchmarker bench : this.benchDict.benchmarkers()) {
			benches.put(bench.name(), BenchDescriptor.of(bench.summary()));
		}
		return new BenchesDescriptor(this.benchDict.root(), this.benchDict.runDirectory(), benches);
	}

	/**
	 * The summary of one benchmarker.
	 * @param name the benchmarker's name
	 * @return its summary, or {@code null} (404 over HTTP) when no benchmarker has that
	 * name
	 */
	@ReadOperation
	public @Nullable BenchDescriptor bench(@Selector String name) {
		return this.benchDict.find(name).map((bench) -> BenchDescriptor.of(bench.summary())).orElse(null);
	}

	/**
	 * Writes the files of every benchmarker now.
	 * @return the run folder and the files it holds
	 */
	@WriteOperation
	public SaveDescriptor save() {
		Path run = this.benchDict.save();
		List<String> files = new ArrayList<>();
		for (Benchmarker bench : this.benchDict.benchmarkers()) {
			bench.files().stream().filter(Files::isRegularFile).map(Path::toString).forEach(files::add);
		}
		return new SaveDescriptor(run, files);
	}

	/**
	 * Resets one benchmarker: its iterations and statistics start again from nothing.
	 * @param name the benchmarker's name
	 * @return its summary after the reset, or {@code null} when no benchmarker has that
	 * name
	 */
	@DeleteOperation
	public @Nullable BenchDescriptor reset(@Selector String name) {
		return this.benchDict.find(name).map((bench) -> {
			bench.reset();
			return BenchDescriptor.of(bench.summary());
		}).orElse(null);
	}

	/**
	 * The run's folders and the summary of every benchmarker.
	 */
	public static final class BenchesDescriptor implements OperationResponseBody {

		private final String root;

		private final String runDirectory;

		private final Map<String, BenchDescriptor> benches;

		BenchesDescriptor(Path root, Path runDirectory, Map<String, BenchDescriptor> benches) {
			this.root = root.toString();
			this.runDirectory = runDirectory.toString();
			this.benches = Collections.unmodifiableMap(benches);
		}

		public String getRoot() {
			return this.root;
		}

		public String getRunDirectory() {
			return this.runDirectory;
		}

		public Map<String, BenchDescriptor> getBenches() {
			return this.benches;
		}

	}

	/**
	 * The summary of one benchmarker.
	 */
	public static final class BenchDescriptor implements OperationResponseBody {

		private final long iterations;

		private final int openIterations;

		private final Map<String, StepDescriptor> steps;

		private final @Nullable MemoryDescriptor memory;

		private BenchDescriptor(long iterations, int openIterations, Map<String, StepDescriptor> steps,
				@Nullable MemoryDescriptor memory) {
			this.iterations = iterations;
			this.openIterations = openIterations;
			this.steps = Collections.unmodifiableMap(steps);
			this.memory = memory;
		}

		static BenchDescriptor of(BenchSummary summary) {
			Map<String, StepDescriptor> steps = new LinkedHashMap<>();
			summary.steps().forEach((topic, stats) -> steps.put(topic, new StepDescriptor(stats)));
			return new BenchDescriptor(summary.iterations(), summary.openIterations(), steps,
					summary.memory().map(MemoryDescriptor::new).orElse(null));
		}

		public long getIterations() {
			return this.iterations;
		}

		public int getOpenIterations() {
			return this.openIterations;
		}

		public Map<String, StepDescriptor> getSteps() {
			return this.steps;
		}

		public @Nullable MemoryDescriptor getMemory() {
			return this.memory;
		}

	}

	/**
	 * The statistics of one step, in seconds.
	 */
	public static final class StepDescriptor {

		private final StepStats stats;

		StepDescriptor(StepStats stats) {
			this.stats = stats;
		}

		public long getCount() {
			return this.stats.count();
		}

		public double getMean() {
			return this.stats.mean();
		}

		public double getMin() {
			return this.stats.min();
		}

		public double getMax() {
			return this.stats.max();
		}

		public double getQuantileFiltered() {
			return this.stats.quantileFiltered();
		}

		public double getStd() {
			return this.stats.std();
		}

		public double getP50() {
			return this.stats.p50();
		}

		public double getP90() {
			return this.stats.p90();
		}

		public double getP99() {
			return this.stats.p99();
		}

		public double getTotal() {
			return this.stats.total();
		}

	}

	/**
	 * The memory figures of one benchmarker, in bytes.
	 */
	public static final class MemoryDescriptor {

		private final MemoryStats stats;

		MemoryDescriptor(MemoryStats stats) {
			this.stats = stats;
		}

		public long getSamples() {
			return this.stats.samples();
		}

		public long getLastRss() {
			return this.stats.lastRss();
		}

		public long getPeakRss() {
			return this.stats.peakRss();
		}

		public long getPeakHeapUsed() {
			return this.stats.peakHeapUsed();
		}

	}

	/**
	 * The outcome of a save: the run folder and the files written into it.
	 */
	public static final class SaveDescriptor implements OperationResponseBody {

		private final String runDirectory;

		private final List<String> files;

		SaveDescriptor(Path runDirectory, List<String> files) {
			this.runDirectory = runDirectory.toString();
			this.files = List.copyOf(files);
		}

		public String getRunDirectory() {
			return this.runDirectory;
		}

		public List<String> getFiles() {
			return this.files;
		}

	}

}
