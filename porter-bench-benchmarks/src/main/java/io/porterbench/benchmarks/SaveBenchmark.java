package io.porterbench.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.internal.AtomicFiles;

/**
 * What {@code save()} costs for a large run: 100,000 retained iterations of five steps
 * each.
 *
 * <p>
 * The state is prepared once per trial: a registry with
 * {@code retainedIterations(100_000)} and a benchmarker that recorded 100,000 iterations
 * of the steps {@code load}, {@code parse}, {@code process}, {@code store} and
 * {@code publish} (plus the {@code gstop} step each iteration ends with). The durations
 * come from a seeded random source on a {@link MockBenchClock}, spread over microseconds
 * to tens of milliseconds, so that the numbers in the files have as many digits as real
 * ones.
 *
 * <p>
 * {@link #save()} writes the benchmarker's three files (SUMMARY, DATA of about 1.4 KB an
 * iteration, MEMORY), each to a temporary file that is forced to disk and moved into
 * place. Target: at most 1 s (the Python original takes 4.8 s for 50,000 iterations).
 *
 * <p>
 * {@link #jacksonTreeAnchor()} is the anchor: what a straightforward implementation would
 * do, build the DATA file's structure of the same iterations as {@code Map}s and
 * {@code List}s and hand it to a pretty-printing Jackson {@code ObjectWriter}, through
 * the same atomic, forced write. It writes one file, not three.
 *
 * <p>
 * {@code java -jar porter-bench-benchmarks/target/benchmarks.jar SaveBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SaveBenchmark {

	static final int ITERATIONS = 100_000;

	static final String[] TOPICS = { "load", "parse", "process", "store", "publish" };

	private static final ObjectWriter TREE_WRITER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.build()
		.writer();

	private Scratch scratch;

	private BenchDict dict;

	private Benchmarker bench;

	private long[][] durations;

	private Path anchorFile;

	@Setup
	public void setUp() {
		this.scratch = new Scratch();
		MockBenchClock clock = new MockBenchClock(1_764_000_000.0);
		this.dict = this.scratch.dict(clock, ITERATIONS);
		this.bench = this.dict.get("pipeline");
		this.durations = new long[ITERATIONS][TOPICS.length + 1];
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < ITERATIONS; i++) {
			this.bench.gstep();
			for (int s = 0; s <= TOPICS.length; s++) {
				// log-uniform from 1 us to 30 ms, with odd nanoseconds, like measured
				// durations
				long nanos = (long) Math.exp(random.nextDouble(Math.log(1_000), Math.log(30_000_000)));
				this.durations[i][s] = nanos;
				clock.addNanos(nanos);
				if (s < TOPICS.length) {
					this.bench.step(TOPICS[s]);
				}
			}
			this.bench.gstop();
		}
		this.anchorFile = this.scratch.root().resolve("anchor_STEP_DICT_DATA.json");
	}

	@TearDown
	public void tearDown() {
		this.dict.close();
		this.scratch.close();
	}

	/**
	 * Saves the benchmarker's three files.
	 * @return the run folder
	 */
	@Benchmark
	public Path save() {
		return this.bench.save();
	}

	/**
	 * The anchor: the DATA file's structure built as maps and lists and written by
	 * Jackson databind.
	 * @return the file
	 * @throws Exception if it cannot be written
	 */
	@Benchmark
	public Path jacksonTreeAnchor() throws Exception {
		List<Object> iterations = new ArrayList<>(ITERATIONS);
		double start = 1_764_000_000.0;
		for (int i = 0; i < ITERATIONS; i++) {
			long[] calls = this.durations[i];
			Map<String, Object> absolutes = new LinkedHashMap<>();
			Map<String, Object> individual = new LinkedHashMap<>();
			long global = 0;
			for (int s = 0; s < calls.length; s++) {
				String topic = (s < TOPICS.length) ? TOPICS[s] : Benchmarker.GSTOP;
				double seconds = calls[s] / 1e9;
				absolutes.put(topic, seconds);
				Map<String, Object> call = new LinkedHashMap<>();
				call.put("time", seconds);
				call.put("crono_counter", s);
				call.put("extra", null);
				individual.put(topic, List.of(call));
				global += calls[s];
			}
			absolutes.put("GLOBAL", global / 1e9);
			individual.put("GLOBAL", List.of(Map.of("time", global / 1e9, "crono_counter", calls.length)));
			Map<String, Object> info = new LinkedHashMap<>();
			info.put("STEP_NUMBER", i);
			info.put("START_TIME", start);
			info.put("STOP_TIME", start + global / 1e9);
			start += global / 1e9;
			Map<String, Object> iteration = new LinkedHashMap<>();
			iteration.put("absolutes", absolutes);
			iteration.put("info", info);
			iteration.put("individual_calls", individual);
			iterations.add(iteration);
		}
		AtomicFiles.write(this.anchorFile, (out) -> TREE_WRITER.writeValue(out, iterations));
		return this.anchorFile;
	}

}
