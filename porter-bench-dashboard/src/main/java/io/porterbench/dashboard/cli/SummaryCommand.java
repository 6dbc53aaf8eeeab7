package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.porterbench.dashboard.GcPauseOverlap;
import io.porterbench.dashboard.LoadedRun;
import io.porterbench.dashboard.plot.StepRow;
import io.porterbench.dashboard.plot.StepTable;
import io.porterbench.record.BenchRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code summary}: the per-step table of every benchmarker of a run, as text, JSON or
 * CSV. Times are in seconds.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
		description = "Prints the per-step table (seconds) of every benchmarker of the latest or the named run; for a"
				+ " run imported from a JFR recording, how many of the slowest 10% of iterations overlapped a GC pause.")
final class SummaryCommand implements Callable<Integer> {

	static final List<String> COLUMNS = List.of("bench", "step", "count", "mean", "min", "max", "quantile_filtered",
			"std", "p50", "p90", "p99");

	@Spec
	private CommandSpec spec;

	@Mixin
	private RunSelection selection;

	@Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
			description = "text, json or csv (default: ${DEFAULT-VALUE}).")
	private Format format;

	@Override
	public Integer call() {
		LoadedRun loaded = this.selection.load();
		PrintWriter out = this.spec.commandLine().getOut();
		switch (this.format) {
			case TEXT -> text(loaded, out);
			case JSON -> json(loaded, out);
			case CSV -> csv(loaded, out);
		}
		out.flush();
		return 0;
	}

	private static void text(LoadedRun loaded, PrintWriter out) {
		out.println("Run: " + loaded.name() + " (" + loaded.folder() + ")");
		loaded.runProblems().forEach((problem) -> out.println("! " + problem));
		for (String name : loaded.benchNames()) {
			out.println();
			if (!loaded.isServable(name)) {
				out.println(name + ": not readable");
				loaded.problemsOf(name).forEach((problem) -> out.println("! " + problem));
				continue;
			}
			BenchRecord bench = loaded.bench(name);
			out.println(name + " (" + bench.iterations().size() + " iterations in the DATA file)");
			loaded.problemsOf(name).forEach((problem) -> out.println("! " + problem));
			TextTable table = new TextTable(1, "step", "count", "mean", "min", "max", "q-filtered", "std", "p50", "p90",
					"p99");
			for (StepRow row : StepTable.of(bench)) {
				table.row(row.step(), (row.count() != null) ? row.count().toString() : "-",
						TextTable.seconds(row.mean()), TextTable.seconds(row.min()), TextTable.seconds(row.max()),
						TextTable.seconds(row.quantileFiltered()), TextTable.seconds(row.std()),
						TextTable.seconds(row.p50()), TextTable.seconds(row.p90()), TextTable.seconds(row.p99()));
			}
			table.print(out);
			GcPauseOverlap.of(bench).ifPresent((overlap) -> out.println("GC pauses: " + overlap.sentence()));
		}
	}

	private static void json(LoadedRun loaded, PrintWriter out) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("run", loaded.name());
		document.put("problems", loaded.runProblems());
		List<Map<String, Object>> benches = new ArrayList<>();
		for (String name : loaded.benchNames()) {
			Map<String, Object> bench = new LinkedHashMap<>();
			bench.put("name", name);
			bench.put("readable", loaded.isServable(name));
			bench.put("problems", loaded.problemsOf(name));
			List<Map<String, Object>> steps = new ArrayList<>();
			if (loaded.isServable(name)) {
				bench.put("iterations", loaded.bench(name).iterations().size());
				GcPauseOverlap.of(loaded.bench(name)).ifPresent((overlap) -> bench.put("gc_pauses", overlap));
				for (StepRow row : StepTable.of(loaded.bench(name))) {
					Map<String, Object> step = new LinkedHashMap<>();
					List<Object> values = values(name, row);
					for (int i = 1; i < COLUMNS.size(); i++) {
						step.put(COLUMNS.get(i), values.get(i));
					}
					steps.add(step);
				}
			}
			bench.put("steps", steps);
			benches.add(bench);
		}
		document.put("benches", benches);
		out.println(
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(document));
	}

	private static void csv(LoadedRun loaded, PrintWriter out) {
		out.println(String.join(",", COLUMNS));
		for (String name : loaded.benchNames()) {
			if (!loaded.isServable(name)) {
				continue;
			}
			for (StepRow row : StepTable.of(loaded.bench(name))) {
				List<String> cells = new ArrayList<>();
				for (Object value : values(name, row)) {
					cells.add(csvCell(value));
				}
				out.println(String.join(",", cells));
			}
		}
	}

	private static List<Object> values(String bench, StepRow row) {
		List<Object> values = new ArrayList<>();
		values.add(bench);
		values.add(row.step());
		values.add(row.count());
		values.add(row.mean());
		values.add(row.min());
		values.add(row.max());
		values.add(row.quantileFiltered());
		values.add(row.std());
		values.add(row.p50());
		values.add(row.p90());
		values.add(row.p99());
		return values;
	}

	static String csvCell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/**
	 * The output formats.
	 */
	enum Format {

		/** Aligned columns, one table per benchmarker. */
		TEXT,

		/** One document with every benchmarker and its steps. */
		JSON,

		/** One row per benchmarker and step, with a header. */
		CSV

	}

}
