package io.porterbench.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One thread's CPU samples from async-profiler's collapsed output ({@code threads} on:
 * each line is {@code [thread tid=N];frame;...;frame count}), summed per frame: how many
 * samples had the frame anywhere on their stack. Hidden classes' and lambdas' addresses
 * are dropped from frame names, since they differ from one JVM to the next.
 */
final class CollapsedStacks {

	private static final Pattern HIDDEN_CLASS = Pattern.compile("\\$\\$Lambda\\$?[0-9]*(\\.0x[0-9a-f]+|/0x[0-9a-f]+)?");

	private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{8,}");

	private final Map<String, Long> inclusive = new HashMap<>();

	private final List<Sample> samples = new ArrayList<>();

	private long total;

	private CollapsedStacks() {
	}

	/**
	 * Reads the samples of one thread from a collapsed file.
	 * @param file the file async-profiler wrote
	 * @param thread the thread's name, as in {@code [main tid=1]}
	 * @return the samples
	 */
	static CollapsedStacks read(Path file, String thread) {
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return of(lines.toList(), thread);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the profile " + file, ex);
		}
	}

	/**
	 * Sums collapsed lines of one thread.
	 * @param lines the lines
	 * @param thread the thread's name
	 * @return the samples
	 */
	static CollapsedStacks of(List<String> lines, String thread) {
		CollapsedStacks stacks = new CollapsedStacks();
		String prefix = "[" + thread + " ";
		for (String line : lines) {
			int space = line.lastIndexOf(' ');
			if (!line.startsWith(prefix) || space < 0) {
				continue;
			}
			long count = parseCount(line.substring(space + 1), line);
			String[] frames = line.substring(0, space).split(";");
			Set<String> seen = new LinkedHashSet<>();
			for (int i = 1; i < frames.length; i++) {
				String frame = normalize(frames[i]);
				if (seen.add(frame)) {
					stacks.inclusive.merge(frame, count, Long::sum);
				}
			}
			stacks.samples.add(new Sample(List.copyOf(seen), count));
			stacks.total += count;
		}
		return stacks;
	}

	private static long parseCount(String text, String line) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a collapsed stack (no sample count at the end): '" + line + "'",
					ex);
		}
	}

	static String normalize(String frame) {
		return ADDRESS.matcher(HIDDEN_CLASS.matcher(frame).replaceAll("\\$\\$Lambda")).replaceAll("0x");
	}

	/**
	 * The thread's samples.
	 * @return the number of samples
	 */
	long total() {
		return this.total;
	}

	/**
	 * The samples with a frame anywhere on their stack.
	 * @param frame the frame, as {@code package/Class.method}
	 * @return the number of samples
	 */
	long inclusive(String frame) {
		return this.inclusive.getOrDefault(frame, 0L);
	}

	/**
	 * The samples with a frame that matches anywhere on their stack.
	 * @param frame which frames count
	 * @return the number of samples
	 */
	long samplesWith(Predicate<String> frame) {
		return this.samples.stream()
			.filter((sample) -> sample.frames().stream().anyMatch(frame))
			.mapToLong(Sample::count)
			.sum();
	}

	/**
	 * Every frame with the samples that had it on their stack.
	 * @return the frames and their inclusive samples
	 */
	Map<String, Long> frames() {
		return Map.copyOf(this.inclusive);
	}

	private record Sample(List<String> frames, long count) {
	}

}
