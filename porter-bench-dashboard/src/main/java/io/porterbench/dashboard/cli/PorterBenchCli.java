package io.porterbench.dashboard.cli;

import java.io.PrintWriter;

import io.porterbench.dashboard.NoSuchRunException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The porter-bench command line tool, the main class of the executable jar.
 *
 * <p>
 * Exit status: 0 on success (for {@code diff}: no step regressed), 1 when {@code diff}
 * finds a regression, 2 on bad input (unknown option, missing folder, no saved run,
 * unknown benchmarker, runs that cannot be merged, a recording {@code import-jfr} cannot
 * import) or any other failure, so that 1 always means a regression.
 */
@Command(name = "porter-bench-dashboard", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
		description = "Views, plots, summarizes and compares porter-bench runs (ours and the Python original's).",
		subcommands = { ServeCommand.class, PlotsCommand.class, SummaryCommand.class, DiffCommand.class,
				MergeCommand.class, ImportJfrCommand.class, CommandLine.HelpCommand.class })
public final class PorterBenchCli implements Runnable {

	/** The exit status of {@code diff} when a step regressed. */
	public static final int EXIT_REGRESSION = 1;

	/** The exit status for bad input and every other failure. */
	public static final int EXIT_BAD_INPUT = 2;

	@Spec
	private CommandSpec spec;

	/**
	 * Runs the tool and exits with its status, except while {@code serve} keeps the
	 * dashboard running.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		int status = commandLine().execute(args);
		System.exit(status);
	}

	/**
	 * The configured command line, for embedding and tests.
	 * @return a new command line whose failures exit with {@link #EXIT_BAD_INPUT}
	 */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new PorterBenchCli());
		commandLine.setExecutionExceptionHandler(PorterBenchCli::handleFailure);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
		commandLine.setParameterExceptionHandler((ex, args) -> {
			if (!(ex.getCommandLine().getCommand() instanceof DiffCommand)) {
				return usage.handleParseException(ex, args);
			}
			// CI reads diff's standard error: one line naming the problem, no usage page.
			PrintWriter err = ex.getCommandLine().getErr();
			err.println(ex.getMessage() + " (see diff --help)");
			err.flush();
			return EXIT_BAD_INPUT;
		});
		return commandLine;
	}

	private static int handleFailure(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
		PrintWriter err = commandLine.getErr();
		boolean expected = ex instanceof BadInputException || ex instanceof NoSuchRunException
				|| ex instanceof IllegalArgumentException;
		err.println(commandLine.getColorScheme()
			.errorText((expected ? "" : ex.getClass().getSimpleName() + ": ") + ex.getMessage()));
		err.flush();
		return EXIT_BAD_INPUT;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: choose one of serve, plots, summary, diff, merge, import-jfr");
	}

}
