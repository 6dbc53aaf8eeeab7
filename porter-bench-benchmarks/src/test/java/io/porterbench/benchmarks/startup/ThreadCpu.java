package io.porterbench.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time this process's threads have used, read from Linux's
 * {@code /proc/self/task/<tid>/stat} and summed per thread name with its digits replaced
 * by {@code #}, so that the JIT's compiler threads ({@code C2 CompilerThre0},
 * {@code C1 CompilerThre1}) or the collector's add up: where a start's CPU goes besides
 * the main thread, which the JVM's own beans cannot show because the compiler threads are
 * hidden from them.
 */
final class ThreadCpu {

	/**
	 * Clock ticks per second of the {@code utime} and {@code stime} fields: Linux's
	 * {@code USER_HZ}, which the kernel fixes at 100 for user space.
	 */
	private static final long TICKS_PER_SECOND = 100;

	private static final Path TASKS = Path.of("/proc/self/task");

	private ThreadCpu() {
	}

	/**
	 * This process's threads' CPU time so far, per name; empty where there is no
	 * {@code /proc/self/task} (not Linux). Threads that have ended are not counted.
	 * @return milliseconds of user and system time per thread name, in name order
	 */
	static Map<String, Long> ofThisProcess() {
		List<String> lines = new ArrayList<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
			for (Path task : tasks) {
				try {
					// a byte per char: a thread's name may hold any bytes, the numbers
					// are ASCII
					lines.add(Files.readString(task.resolve("stat"), StandardCharsets.ISO_8859_1));
				}
				catch (NoSuchFileException ended) {
					// the thread ended between the listing and the read
				}
			}
		}
		catch (NoSuchFileException notLinux) {
			return Map.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + TASKS, ex);
		}
		return byName(lines);
	}

	/**
	 * Sums {@code stat} lines per thread name.
	 * @param statLines the threads' {@code stat} lines
	 * @return milliseconds of user and system time per name, digits replaced by
	 * {@code #}, in name order
	 * @throws IllegalArgumentException if a line is not a {@code stat} line
	 */
	static Map<String, Long> byName(List<String> statLines) {
		Map<String, Long> millis = new TreeMap<>();
		for (String line : statLines) {
			int open = line.indexOf('(');
			// the name may itself hold ") ", so the last one ends it
			int close = line.lastIndexOf(')');
			if (open < 0 || close < open) {
				throw new IllegalArgumentException("Not a /proc stat line, no (name): " + line);
			}
			String[] fields = line.substring(close + 1).trim().split(" +");
			// fields[0] is the file's third field, so utime and stime (its 14th and
			// 15th) are fields[11] and fields[12]
			if (fields.length < 13) {
				throw new IllegalArgumentException("Not a /proc stat line, too few fields: " + line);
			}
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			String name = line.substring(open + 1, close).replaceAll("[0-9]+", "#");
			millis.merge(name, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
		}
		return millis;
	}

}
