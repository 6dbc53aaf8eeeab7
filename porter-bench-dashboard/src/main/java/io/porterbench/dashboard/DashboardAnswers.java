package io.porterbench.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.porterbench.dashboard.compare.BenchComparison;
import io.porterbench.dashboard.compare.CompareOptions;
import io.porterbench.dashboard.compare.Comparison;
import io.porterbench.dashboard.compare.RegressionAnalysis;
import io.porterbench.dashboard.compare.ReportFormat;
import io.porterbench.dashboard.plot.BenchCharts;
import io.porterbench.dashboard.plot.CronoChart;
import io.porterbench.dashboard.plot.MemoryChart;
import io.porterbench.dashboard.plot.StepRow;
import io.porterbench.dashboard.plot.StepTable;
import io.porterbench.dashboard.plot.TimesChart;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedIteration;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The work behind {@link DashboardHandler}: the dashboard API's documents, the cached
 * views and comparisons, and the JSON writer.
 *
 * <p>
 * A class of its own so that the handler bean's declared methods name none of the records
 * and charts used here: Spring reads the declared methods of every bean's type at startup
 * (its event listener scan includes lazy beans), which loaded these types before the
 * dashboard's first request.
 */
final class DashboardAnswers {

	private static final int MIN_POINTS = 10;

	private static final int MAX_POINTS = 100_000;

	private static final int CACHED_VIEWS = 16;

	// below this, a run's charts are built on the request's thread alone
	private static final int PARALLEL_CHARTS_ITERATIONS = 10_000;

	/**
	 * Writes every answer: the API's documents keep one shape whatever the application's
	 * own Jackson settings, and a comparison's tens of thousands of chart values are
	 * written by Jackson's fast shortest-digits double writer, several times quicker than
	 * {@code Double.toString} on a first request.
	 */
	private static final JsonMapper ANSWERS = JsonMapper.builder()
		.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
		.build();

	private static final ExecutorService CHARTS = new ThreadPoolExecutor(0, 2, 5, TimeUnit.SECONDS,
			new SynchronousQueue<>(), daemonThreads("porterbench-dashboard-charts-"),
			new ThreadPoolExecutor.CallerRunsPolicy());

	private final RunCatalog catalog;

	private final LiveSummaries live;

	private final int defaultMaxPoints;

	private final LruCache<ViewKey, CachedView> views = new LruCache<>(CACHED_VIEWS);

	private final LruCache<CompareKey, CachedComparison> comparisons = new LruCache<>(CACHED_VIEWS);

	DashboardAnswers(RunCatalog catalog, LiveSummaries live, int defaultMaxPoints) {
		this.catalog = catalog;
		this.live = live;
		this.defaultMaxPoints = defaultMaxPoints;
	}

	ServerResponse runs(ServerRequest request) {
		List<DashboardJson.Run> runs = this.catalog.runs()
			.stream()
			.map((run) -> new DashboardJson.Run(run.name(), (run.time() != null) ? run.time().toString() : null))
			.toList();
		return json(
				new DashboardJson.Runs(this.catalog.root().getFileName().toString(), runs, this.live.isAvailable()));
	}

	ServerResponse run(ServerRequest request) {
		LoadedRun run = this.catalog.load(request.pathVariable("run"));
		List<DashboardJson.BenchItem> benches = run.benchNames().stream().map((name) -> item(run, name)).toList();
		return json(new DashboardJson.RunDetail(run.name(), benches, run.runProblems()));
	}

	private static DashboardJson.BenchItem item(LoadedRun run, String name) {
		if (!run.isServable(name)) {
			return new DashboardJson.BenchItem(name, false, 0, false, run.problemsOf(name));
		}
		BenchRecord bench = run.bench(name);
		boolean memory = bench.memory() != null && !bench.memory().isEmpty();
		return new DashboardJson.BenchItem(name, true, bench.iterations().size(), memory, run.problemsOf(name));
	}

	ServerResponse bench(ServerRequest request) {
		LoadedRun run = this.catalog.load(request.pathVariable("run"));
		return json(view(run, request.pathVariable("bench"), maxPoints(request)));
	}

	ServerResponse compare(ServerRequest request) {
		String benchName = required(request, "bench");
		String baselineName = required(request, "baseline");
		String candidateName = required(request, "candidate");
		// The two runs are read at the same time: reading is most of a first comparison.
		CompletableFuture<LoadedRun> baselineLoad = CompletableFuture.supplyAsync(() -> this.catalog.load(baselineName),
				CHARTS);
		LoadedRun candidate;
		try {
			candidate = this.catalog.load(candidateName);
		}
		catch (RuntimeException ex) {
			// the baseline's problem is reported first, as when they were read in turn
			join(baselineLoad);
			throw ex;
		}
		LoadedRun baseline = join(baselineLoad);
		CompareOptions options = CompareOptions.parse(request.param("alpha").orElse(null),
				request.param("threshold").orElse(null), request.param("minIterations").orElse(null));
		int maxPoints = maxPoints(request);
		BenchRecord before = baseline.bench(benchName);
		BenchRecord after = candidate.bench(benchName);
		CompareKey key = new CompareKey(baseline.name(), candidate.name(), benchName, options, maxPoints);
		CachedComparison cached = this.comparisons.get(key);
		if (cached != null && cached.baseline() == baseline && cached.candidate() == candidate) {
			return json(cached.comparison());
		}
		// The same analysis as the CLI's diff, so that the page and CI never disagree on
		// a verdict; it runs while the request's thread draws the times.
		CompletableFuture<BenchComparison> steps = CompletableFuture
			.supplyAsync(() -> RegressionAnalysis.compareBench(benchName, List.of(before), after, options), CHARTS);
		DashboardJson.Side baselineSide = side(baseline, benchName, maxPoints);
		DashboardJson.Side candidateSide = side(candidate, benchName, maxPoints);
		Comparison comparison = new Comparison(List.of(baseline.name()), candidate.name(), options,
				List.of(join(steps)));
		DashboardJson.Comparison answer = new DashboardJson.Comparison(benchName, baselineSide, candidateSide,
				ReportFormat.toJson(comparison));
		this.comparisons.put(key, new CachedComparison(baseline, candidate, answer));
		return json(answer);
	}

	/**
	 * One side of a comparison: the times and bars of the benchmarker's view, taken from
	 * the view when it is cached, else drawn alone (the call sequence is not shown
	 * there).
	 */
	private DashboardJson.Side side(LoadedRun run, String name, int maxPoints) {
		CachedView cached = this.views.get(new ViewKey(run.name(), name, maxPoints));
		if (cached != null && cached.run() == run) {
			return new DashboardJson.Side(run.name(), cached.view().times(), cached.view().bars());
		}
		BenchRecord bench = run.bench(name);
		return new DashboardJson.Side(run.name(), chart(BenchCharts.times(bench).downsample(maxPoints)),
				DashboardJson.Bars.of(BenchCharts.bars(bench, run.name())));
	}

	private static CustomizableThreadFactory daemonThreads(String namePrefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(namePrefix);
		threads.setDaemon(true);
		return threads;
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	/**
	 * The charts of a benchmarker, computed once per loaded run: a run of 100,000
	 * iterations takes a while to reduce, and the page asks for the same benchmarker
	 * again on every visit and comparison.
	 */
	private DashboardJson.Bench view(LoadedRun run, String name, int maxPoints) {
		ViewKey key = new ViewKey(run.name(), name, maxPoints);
		CachedView cached = this.views.get(key);
		if (cached != null && cached.run() == run) {
			return cached.view();
		}
		BenchRecord bench = run.bench(name);
		// the call sequence takes about as long as the rest together: a second core
		// builds it meanwhile
		CompletableFuture<DashboardJson.Chart> crono = (bench.iterations().size() < PARALLEL_CHARTS_ITERATIONS)
				? CompletableFuture.completedFuture(chart(BenchCharts.crono(bench).downsample(maxPoints)))
				: CompletableFuture.supplyAsync(() -> chart(BenchCharts.crono(bench).downsample(maxPoints)), CHARTS);
		Optional<MemoryChart> memory = BenchCharts.memory(bench);
		int open = (int) bench.iterations().stream().filter(SavedIteration::isOpen).count();
		DashboardJson.Chart times = chart(BenchCharts.times(bench).downsample(maxPoints));
		DashboardJson.Bars bars = DashboardJson.Bars.of(BenchCharts.bars(bench, run.name()));
		DashboardJson.Chart memoryChart = memory.map((chart) -> chart(chart.downsample(maxPoints))).orElse(null);
		List<StepRow> table = StepTable.of(bench);
		DashboardJson.Bench view;
		try {
			view = new DashboardJson.Bench(run.name(), name, bench.iterations().size(), open, run.problemsOf(name),
					times, bars, crono.join(), memoryChart, table, GcPauseOverlap.of(bench).orElse(null));
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
		this.views.put(key, new CachedView(run, view));
		return view;
	}

	ServerResponse live(ServerRequest request) {
		return json(this.live.take());
	}

	private static DashboardJson.Chart chart(TimesChart chart) {
		return new DashboardJson.Chart(chart.title(), chart.series().stream().map(DashboardJson.Series::of).toList());
	}

	private static DashboardJson.Chart chart(CronoChart chart) {
		return new DashboardJson.Chart(chart.title(), List.of(DashboardJson.Series.of(chart.calls())));
	}

	private static DashboardJson.Chart chart(MemoryChart chart) {
		return new DashboardJson.Chart(chart.title(), chart.series().stream().map(DashboardJson.Series::of).toList());
	}

	private int maxPoints(ServerRequest request) {
		Optional<String> value = request.param("maxPoints");
		if (value.isEmpty()) {
			return this.defaultMaxPoints;
		}
		try {
			int points = Integer.parseInt(value.get());
			if (points >= MIN_POINTS && points <= MAX_POINTS) {
				return points;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("maxPoints must be a whole number from " + MIN_POINTS + " to " + MAX_POINTS
				+ ", was '" + value.get() + "'");
	}

	private static String required(ServerRequest request, String name) {
		return request.param(name)
			.filter((value) -> !value.isBlank())
			.orElseThrow(() -> new IllegalArgumentException("The query parameter '" + name + "' is required"));
	}

	static ServerResponse error(HttpStatus status, String message) {
		return ServerResponse.status(status)
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ANSWERS.writeValueAsBytes(new DashboardJson.Error(status.value(), message)));
	}

	private static ServerResponse json(Object body) {
		return ServerResponse.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ANSWERS.writeValueAsBytes(body));
	}

	private record ViewKey(String run, String bench, int maxPoints) {
	}

	private record CachedView(LoadedRun run, DashboardJson.Bench view) {
	}

	private record CompareKey(String baseline, String candidate, String bench, CompareOptions options, int maxPoints) {
	}

	/** A comparison's answer, valid while both runs are the ones loaded. */
	private record CachedComparison(LoadedRun baseline, LoadedRun candidate, DashboardJson.Comparison comparison) {
	}

}
