package io.porterbench.dashboard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;

import io.porterbench.dashboard.compare.CompareOptions;
import io.porterbench.dashboard.compare.Comparison;
import io.porterbench.dashboard.compare.ReportFormat;
import io.porterbench.dashboard.compare.SavedRunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff BASE NEW}: compares every benchmarker the runs share, step by step, on the
 * per-iteration times (a Mann-Whitney U test and a minimum change of the median), and
 * exits with 1 when a step regressed.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Compares a new run with a baseline, step by step, on the per-iteration times of the DATA files.",
				"A step regressed when the Mann-Whitney U p-value is below --alpha and its median grew by"
						+ " --threshold or more (improved: shrank by as much); with fewer than --min-iterations"
						+ " iterations on a side it is insufficient.",
				"Exit status: 0 no step regressed, 1 at least one regressed, 2 bad input (one line on standard"
						+ " error; nothing is written to --output)." })
final class DiffCommand implements Callable<Integer> {

	/** The environment variable GitHub Actions sets to the file of the job's summary. */
	static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "0..*", paramLabel = "RUN",
			description = { "BASE: a run folder, or a root of runs (pooled with --baseline-runs).",
					"NEW: a run folder, or a root whose newest run is taken." })
	private List<String> runs;

	@Option(names = "--baseline-runs", paramLabel = "N", defaultValue = "1",
			description = "With a root as BASE, pool its N newest runs (older than NEW when NEW is under the same"
					+ " root) (default: ${DEFAULT-VALUE}).")
	private String baselineRuns;

	@Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
			description = "Significance level of the rank test (default: ${DEFAULT-VALUE}).")
	private String alpha;

	@Option(names = "--threshold", paramLabel = "CHANGE", defaultValue = "5%",
			description = "Smallest change of the median that counts: 0.05 or 5% (default: ${DEFAULT-VALUE}).")
	private String threshold;

	@Option(names = "--min-iterations", paramLabel = "N", defaultValue = "5",
			description = "Fewest iterations of a step on each side for a verdict (default: ${DEFAULT-VALUE}).")
	private String minIterations;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text, markdown, json or junit (default: ${DEFAULT-VALUE}).")
	private String format;

	@Option(names = "--output", paramLabel = "FILE",
			description = "Write the report to FILE instead of standard output.")
	private Path output;

	@Option(names = "--bench", paramLabel = "NAME",
			description = "Only these benchmarkers (repeatable; default: every one both sides have).")
	private List<String> benches;

	@Override
	public Integer call() {
		if (this.runs == null || this.runs.size() != 2) {
			throw new BadInputException("diff needs two runs, BASE and NEW; got "
					+ ((this.runs == null) ? 0 : this.runs.size()) + " (see diff --help)");
		}
		CompareOptions options = CompareOptions.parse(this.alpha, this.threshold, this.minIterations);
		int pooled = baselineRuns();
		ReportFormat reportFormat = ReportFormat.of(this.format);
		SavedRunComparison.Selection selection = SavedRunComparison.select(Path.of(this.runs.get(0)), pooled,
				Path.of(this.runs.get(1)));
		Comparison comparison = SavedRunComparison.compare(selection, this.benches, options);
		String report = reportFormat.render(comparison);
		if (this.output != null) {
			write(this.output, report);
		}
		else {
			PrintWriter out = this.spec.commandLine().getOut();
			out.print(report);
			out.flush();
		}
		appendStepSummary(comparison);
		return (comparison.regressions() > 0) ? PorterBenchCli.EXIT_REGRESSION : 0;
	}

	private int baselineRuns() {
		try {
			int value = Integer.parseInt(this.baselineRuns.trim());
			if (value >= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new BadInputException(
				"--baseline-runs must be a whole number of 1 or more; was '" + this.baselineRuns + "'");
	}

	/**
	 * Writes through a temporary file, so that a failed write leaves no half report
	 * behind.
	 */
	private static void write(Path file, String report) {
		Path target = file.toAbsolutePath().normalize();
		Path temporary = null;
		try {
			Path folder = target.getParent();
			Files.createDirectories(folder);
			temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
			Files.writeString(temporary, report, StandardCharsets.UTF_8);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(temporary);
			throw new BadInputException("Could not write --output " + target + ": " + ex.getClass().getSimpleName()
					+ " " + ex.getMessage());
		}
	}

	private void appendStepSummary(Comparison comparison) {
		String summary = System.getenv(GITHUB_STEP_SUMMARY);
		if (summary == null || summary.isBlank()) {
			return;
		}
		try {
			Files.writeString(Path.of(summary), ReportFormat.MARKDOWN.render(comparison) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException | RuntimeException ex) {
			// The verdict stands without the summary; say why the summary is missing.
			PrintWriter err = this.spec.commandLine().getErr();
			err.println("Could not append to " + GITHUB_STEP_SUMMARY + " (" + summary + "): " + ex.getMessage());
			err.flush();
		}
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Nothing more to do: the report was not written.
		}
	}

}
