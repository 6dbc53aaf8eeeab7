package io.porterbench.benchmarks.startup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Where the startup that porter-bench adds goes: starts {@link StartupApp} in fresh JVMs
 * with porter-bench and without it (or with a baseline class path), in pairs of
 * alternating order like {@link StartupCheck}, each with async-profiler sampling CPU
 * time, and prints the main thread's samples per start of each kind, their difference,
 * the difference in three groups (class lookups through the class path, porter-bench's
 * own frames, Boot's bean conditions) and the frames whose samples differ most. The wall
 * time of a start varies too much on a shared machine to show a change of tens of
 * milliseconds; where the extra samples fall repeats from run to run.
 *
 * <p>
 * Run it with {@code porter-bench-benchmarks/startup-profile.sh [pairs]}, which gets
 * async-profiler from Maven Central (a development tool, not a dependency) and passes its
 * library as {@code -Dstartup.profiler}. The starts with porter-bench take their class
 * path as {@link StartupCheck}'s do (the application's, from
 * {@code -Dstartup.application}). With {@code -Dstartup.baseline=FILE}, the second kind
 * of start uses the class path written in that file (another build's, for a before and
 * after) instead of the class path without porter-bench.
 */
public final class StartupProfile {

	/** The sampling interval, in microseconds of CPU time. */
	static final int INTERVAL_MICROS = 250;

	static final String PROFILER_PROPERTY = "startup.profiler";

	static final String BASELINE_PROPERTY = "startup.baseline";

	private static final int TOP_FRAMES = 40;

	private static final int DEFAULT_PAIRS = 10;

	private StartupProfile() {
	}

	/**
	 * Runs the profiled starts and prints the report.
	 * @param args the number of pairs, {@value #DEFAULT_PAIRS} by default
	 * @throws Exception if a start fails
	 */
	public static void main(String[] args) throws Exception {
		int pairs = StartupCheck.pairs(args, DEFAULT_PAIRS);
		String profiler = System.getProperty(PROFILER_PROPERTY);
		if (profiler == null || !Files.isRegularFile(Path.of(profiler))) {
			throw new IllegalArgumentException("-D" + PROFILER_PROPERTY
					+ " must name async-profiler's libasyncProfiler.so; startup-profile.sh sets it, was " + profiler);
		}
		String classPath = StartupCheck.classPathWithPorterBench();
		String baselineFile = System.getProperty(BASELINE_PROPERTY);
		String baseline = (baselineFile != null)
				? StartupCheck.readClassPath(Path.of(baselineFile), "The baseline class path")
				: StartupCheck.withoutPorterBench(classPath);
		Path root = Files.createTempDirectory("porter-bench-startup-profile-");
		Path profiles = Files.createDirectories(root.resolve("profiles"));
		List<CollapsedStacks> first = new ArrayList<>();
		List<CollapsedStacks> second = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			boolean firstFirst = StartupCheck.withFirst(i);
			for (boolean isFirst : new boolean[] { firstFirst, !firstFirst }) {
				Path file = profiles.resolve((isFirst ? "first-" : "second-") + i + ".txt");
				String agent = "-agentpath:" + profiler + "=start,event=cpu,interval=" + INTERVAL_MICROS
						+ "us,threads,collapsed,file=" + file;
				StartupCheck.start(isFirst ? classPath : baseline, root, List.of(agent));
				(isFirst ? first : second).add(CollapsedStacks.read(file, "main"));
			}
			System.out.printf(Locale.ROOT, "pair %d of %d profiled%n", i + 1, pairs);
		}
		String secondName = (baselineFile != null) ? "the baseline (" + baselineFile + ")" : "without porter-bench";
		report("this class path", first, secondName, second).forEach(System.out::println);
		System.out.println("Profiles in " + profiles + File.separator);
	}

	/**
	 * The report of two kinds of starts.
	 * @param firstName what the first kind is
	 * @param first its starts' main-thread samples
	 * @param secondName what the second kind is
	 * @param second its starts' main-thread samples
	 * @return the report's lines
	 */
	static List<String> report(String firstName, List<CollapsedStacks> first, String secondName,
			List<CollapsedStacks> second) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT,
				"main thread, samples of %d us of CPU per start (mean of %d and %d starts): %s %.1f, %s %.1f,"
						+ " difference %+.1f (%+.1f ms)",
				INTERVAL_MICROS, first.size(), second.size(), firstName, mean(first, CollapsedStacks::total),
				secondName, mean(second, CollapsedStacks::total), difference(first, second, CollapsedStacks::total),
				millis(difference(first, second, CollapsedStacks::total))));
		lines.add(group("class lookups through the class path (URLClassPath.getResource)", first, second,
				(stacks) -> stacks.inclusive("jdk/internal/loader/URLClassPath.getResource")));
		lines.add(group("porter-bench's own frames (io/porterbench/, not the startup application's)", first, second,
				(stacks) -> stacks.samplesWith(StartupProfile::isPorterBenchFrame)));
		lines.add(group("Boot's bean conditions (OnBeanCondition.getMatchOutcome)", first, second, (stacks) -> stacks
			.inclusive("org/springframework/boot/autoconfigure/condition/OnBeanCondition.getMatchOutcome")));
		lines.add("frames whose samples per start differ most (difference, " + firstName + ", " + secondName + "):");
		Set<String> frames = new HashSet<>();
		first.forEach((stacks) -> frames.addAll(stacks.frames().keySet()));
		second.forEach((stacks) -> frames.addAll(stacks.frames().keySet()));
		frames.stream()
			.sorted(Comparator
				.comparingDouble(
						(String frame) -> -Math.abs(difference(first, second, (stacks) -> stacks.inclusive(frame))))
				.thenComparing(Comparator.naturalOrder()))
			.limit(TOP_FRAMES)
			.forEach((frame) -> lines.add(String.format(Locale.ROOT, "%+9.1f %9.1f %9.1f  %s",
					difference(first, second, (stacks) -> stacks.inclusive(frame)),
					mean(first, (stacks) -> stacks.inclusive(frame)), mean(second, (stacks) -> stacks.inclusive(frame)),
					frame)));
		return lines;
	}

	static boolean isPorterBenchFrame(String frame) {
		return frame.startsWith("io/porterbench/") && !frame.startsWith("io/porterbench/benchmarks/");
	}

	private static String group(String name, List<CollapsedStacks> first, List<CollapsedStacks> second,
			ToLongFunction<CollapsedStacks> samples) {
		double difference = difference(first, second, samples);
		return String.format(Locale.ROOT, "  %s: %.1f against %.1f, %+.1f (%+.1f ms)", name, mean(first, samples),
				mean(second, samples), difference, millis(difference));
	}

	private static double difference(List<CollapsedStacks> first, List<CollapsedStacks> second,
			ToLongFunction<CollapsedStacks> samples) {
		return mean(first, samples) - mean(second, samples);
	}

	static double mean(List<CollapsedStacks> starts, ToLongFunction<CollapsedStacks> samples) {
		if (starts.isEmpty()) {
			throw new IllegalArgumentException("No profiled starts");
		}
		return starts.stream().mapToLong(samples).average().orElseThrow();
	}

	private static double millis(double samples) {
		return samples * INTERVAL_MICROS / 1000.0;
	}

}
