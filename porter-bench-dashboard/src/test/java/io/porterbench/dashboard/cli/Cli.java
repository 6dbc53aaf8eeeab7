package io.porterbench.dashboard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * Runs the command line tool in-process and captures what it prints.
 */
final class Cli {

	private Cli() {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = PorterBenchCli.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int status = commandLine.execute(args);
		return new Result(status, out.toString(), err.toString());
	}

	record Result(int status, String out, String err) {
	}

}
