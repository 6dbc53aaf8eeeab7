package io.porterbench.record;

import java.nio.file.Path;

/**
 * The names of the files of a saved run, as the Python original writes them:
 * {@code <run>/<name>_STEP_DICT_DATA.json}, {@code <name>_STEP_DICT_SUMMARY.json} and
 * {@code <name>_MEMORY.json}.
 */
public final class RunFiles {

	/** The suffix of the per-iteration time file. */
	public static final String DATA_SUFFIX = "_STEP_DICT_DATA";

	/** The suffix of the per-step summary file. */
	public static final String SUMMARY_SUFFIX = "_STEP_DICT_SUMMARY";

	/** The suffix of the per-iteration memory file. */
	public static final String MEMORY_SUFFIX = "_MEMORY";

	/**
	 * The folder that holds the run folders, by default in the working directory (the
	 * original's name).
	 */
	public static final String RUNS_FOLDER = "TICTOC_PERFORMANCE";

	/**
	 * The key of an iteration's total time in the DATA file and of its statistics in the
	 * SUMMARY file.
	 */
	public static final String GLOBAL = "GLOBAL";

	/** The extension of every run file. */
	public static final String EXTENSION = ".json";

	private RunFiles() {
	}

	/**
	 * The DATA file of a benchmarker.
	 * @param runFolder the run folder
	 * @param name the benchmarker's name
	 * @return the path
	 */
	public static Path dataFile(Path runFolder, String name) {
		return runFolder.resolve(name + DATA_SUFFIX + EXTENSION);
	}

	/**
	 * The SUMMARY file of a benchmarker.
	 * @param runFolder the run folder
	 * @param name the benchmarker's name
	 * @return the path
	 */
	public static Path summaryFile(Path runFolder, String name) {
		return runFolder.resolve(name + SUMMARY_SUFFIX + EXTENSION);
	}

	/**
	 * The MEMORY file of a benchmarker.
	 * @param runFolder the run folder
	 * @param name the benchmarker's name
	 * @return the path
	 */
	public static Path memoryFile(Path runFolder, String name) {
		return runFolder.resolve(name + MEMORY_SUFFIX + EXTENSION);
	}

}
