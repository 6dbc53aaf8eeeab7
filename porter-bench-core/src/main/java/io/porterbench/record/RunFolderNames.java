package io.porterbench.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of run folders: ours, sortable and safe on every OS ({@code 2026-11-26_15-12-03},
 * with {@code -2}, {@code -3}... when a name is taken), and the original's
 * {@code HH:MM-dd:mm:YYYY}, both read back as a time.
 */
public final class RunFolderNames {

	private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd_HH-mm-ss");

	private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("HH:mm-dd:MM:uuuu");

	private static final Pattern SORTABLE_NAME = Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2})(?:-(\\d+))?");

	private static final Pattern LEGACY_NAME = Pattern.compile("(\\d{2}:\\d{2}-\\d{2}:\\d{2}:\\d{4})(?:-(\\d+))?");

	private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

	private RunFolderNames() {
	}

	/**
	 * Chooses a run folder under the root named after the current local time, unique in
	 * this JVM and not yet present on disk. The folder itself is created by the first
	 * save.
	 * @param root the folder that holds the runs
	 * @param legacy whether to use the original's {@code HH:MM-dd:mm:YYYY} form
	 * @return the absolute path of the new run folder
	 */
	public static Path claimNewRunFolder(Path root, boolean legacy) {
		String base = (legacy ? LEGACY : SORTABLE).format(LocalDateTime.now());
		Path absoluteRoot = root.toAbsolutePath().normalize();
		for (int n = 1;; n++) {
			Path candidate = absoluteRoot.resolve((n == 1) ? base : base + "-" + n);
			if (!Files.exists(candidate) && CLAIMED.add(candidate)) {
				return candidate;
			}
		}
	}

	/**
	 * Reads the time of a run folder's name, in either form.
	 * @param folderName the folder's file name
	 * @return the time and sequence number, or empty for a foreign name
	 */
	public static Optional<RunTime> parse(String folderName) {
		Optional<RunTime> sortable = parse(folderName, SORTABLE_NAME, SORTABLE);
		return sortable.isPresent() ? sortable : parse(folderName, LEGACY_NAME, LEGACY);
	}

	private static Optional<RunTime> parse(String name, Pattern pattern, DateTimeFormatter formatter) {
		Matcher matcher = pattern.matcher(name);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			LocalDateTime time = LocalDateTime.parse(matcher.group(1), formatter);
			int sequence = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 1;
			return Optional.of(new RunTime(time, sequence));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * When a run started, as its folder name says, and its place among runs of the same
	 * second.
	 *
	 * @param time the local time
	 * @param sequence 1 for the first run of that time, 2 for the next...
	 */
	public record RunTime(LocalDateTime time, int sequence) implements Comparable<RunTime> {

		@Override
		public int compareTo(RunTime other) {
			int byTime = this.time.compareTo(other.time);
			return (byTime != 0) ? byTime : Integer.compare(this.sequence, other.sequence);
		}

	}

}
