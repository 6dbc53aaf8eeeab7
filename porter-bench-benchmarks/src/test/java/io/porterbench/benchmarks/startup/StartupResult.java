package io.porterbench.benchmarks.startup;

import java.util.Locale;

/**
 * What one started JVM reports to {@link StartupCheck}, as the single line
 * {@code STARTUP <run ms> <uptime ms> <cpu ms> <loaded classes> <porter-bench beans>}
 * that {@link StartupApp} prints.
 *
 * @param runMillis the wall time of {@code SpringApplication.run}, from {@code main}
 * @param uptimeMillis the JVM's uptime when the application is ready
 * @param cpuMillis the CPU time the JVM's threads used until then (all cores together),
 * less disturbed than wall time when other processes share the cores
 * @param mainCpuMillis the CPU time of the thread that ran {@code SpringApplication.run}:
 * the startup's own work, without the compiler and collector threads beside it
 * @param loadedClasses the classes loaded until then
 * @param porterBenchBeans the beans whose class is porter-bench's
 */
record StartupResult(long runMillis, long uptimeMillis, long cpuMillis, long mainCpuMillis, long loadedClasses,
		long porterBenchBeans) {

	/** The start of the line that carries a result. */
	static final String PREFIX = "STARTUP ";

	private static final int FIELDS = 6;

	/**
	 * The line {@link #parse(String)} reads back.
	 * @return the line
	 */
	String toLine() {
		return String.format(Locale.ROOT, "%s%d %d %d %d %d %d", PREFIX, this.runMillis, this.uptimeMillis,
				this.cpuMillis, this.mainCpuMillis, this.loadedClasses, this.porterBenchBeans);
	}

	/**
	 * Reads a line that {@link #toLine()} wrote.
	 * @param line the line
	 * @return the result
	 * @throws IllegalArgumentException if the line is not such a line
	 */
	static StartupResult parse(String line) {
		if (!line.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a startup result (no '" + PREFIX.trim() + "'): '" + line + "'");
		}
		String[] fields = line.substring(PREFIX.length()).trim().split(" +");
		if (fields.length != FIELDS) {
			throw new IllegalArgumentException(
					"A startup result has " + FIELDS + " numbers, found " + fields.length + ": '" + line + "'");
		}
		long[] values = new long[FIELDS];
		for (int i = 0; i < FIELDS; i++) {
			try {
				values[i] = Long.parseLong(fields[i]);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"Field " + (i + 1) + " of a startup result is not a whole number: '" + line + "'", ex);
			}
		}
		return new StartupResult(values[0], values[1], values[2], values[3], values[4], values[5]);
	}

}
