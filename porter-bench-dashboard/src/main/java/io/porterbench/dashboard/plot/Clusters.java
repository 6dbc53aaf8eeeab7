package io.porterbench.dashboard.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The original's two helpers for the chronological plots ({@code utils.find_clusters} and
 * {@code utils.filter_no_change}), with the original's off-by-one fixed.
 *
 * <p>
 * <strong>find_clusters.</strong> From each position, for a pattern length of 1 up to
 * {@code maxLength} (shortest first), the pattern of step names starting there is
 * repeated as often as the names match and every value of the repeats stays within
 * {@code (max - min) * filter} of the first value (max and min over the whole sequence).
 * The first length that repeats at least twice wins: the repeats become one point named
 * {@code "a || b xN"} that carries the <em>first</em> element's value, and scanning
 * resumes right after the last repeat.
 *
 * <p>
 * The original instead keeps the element <em>after</em> the start of the last repeat:
 * {@code [a,a,a,b]} gave {@code a x3} with b's value and lost b; {@code [a,b,c,a,b,c,d]}
 * gave {@code a || b || c x2} with the second b's value, then {@code c} again, then
 * {@code d}. Here they give {@code a x3} (a's value), {@code b}; and
 * {@code a || b || c x2} (the first a's value), {@code d}. No element is lost or shown
 * twice.
 */
public final class Clusters {

	/** The original's pattern length for the chronological call plot. */
	public static final int CRONO_MAX_LENGTH = 5;

	/** The original's pattern length for the memory plot ({@code cluster=3}). */
	public static final int MEMORY_MAX_LENGTH = 3;

	/** The original's similarity filter ({@code cluster_filter=0.05}). */
	public static final double DEFAULT_FILTER = 0.05;

	private Clusters() {
	}

	/**
	 * Collapses consecutive repeats of a sequence of named values.
	 * @param <T> the element type
	 * @param elements the elements in chronological order
	 * @param name the step name of an element
	 * @param value the value of an element (a duration or a memory figure)
	 * @param maxLength the longest pattern, at least 1
	 * @param filter the fraction of the value range within which repeats are similar, 0
	 * or more
	 * @return one entry per kept point, in order
	 */
	public static <T> List<Cluster<T>> find(List<T> elements, Function<T, String> name, ToDoubleFunction<T> value,
			int maxLength, double filter) {
		validate(maxLength, filter);
		int size = elements.size();
		String[] names = new String[size];
		double[] values = new double[size];
		for (int i = 0; i < size; i++) {
			names[i] = name.apply(elements.get(i));
			values[i] = value.applyAsDouble(elements.get(i));
		}
		List<Cluster<T>> result = new ArrayList<>();
		find(names, values, size, maxLength, filter, (first, length, repeats) -> result
			.add(new Cluster<>(elements.get(first), label(names, first, length, repeats), repeats, length)));
		return result;
	}

	/**
	 * Collapses consecutive repeats of the first {@code size} named values of arrays the
	 * caller owns and may reuse, allocating nothing: the plots call it once per
	 * iteration, hundreds of thousands of times.
	 * @param names the step names, in chronological order
	 * @param values the values, one per name
	 * @param size how many leading entries of the arrays to use
	 * @param maxLength the longest pattern, at least 1
	 * @param filter the fraction of the value range within which repeats are similar, 0
	 * or more
	 * @param sink told of each kept point, in order
	 */
	static void find(String[] names, double[] values, int size, int maxLength, double filter, ClusterSink sink) {
		validate(maxLength, filter);
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < size; i++) {
			min = Math.min(min, values[i]);
			max = Math.max(max, values[i]);
		}
		double threshold = (max - min) * filter;
		int i = 0;
		while (i < size) {
			int length = 1;
			int repeats = 1;
			// a pattern whose values are not all similar to its first cannot repeat, nor
			// can any longer one: only lengths within the similar run are worth trying
			int candidates = similarRun(values, i, Math.min(size - i, maxLength), threshold);
			for (int candidate = 1; candidate <= candidates && repeats == 1; candidate++) {
				int found = repeats(names, values, size, i, candidate, threshold);
				if (found > 1) {
					length = candidate;
					repeats = found;
				}
			}
			sink.accept(i, length, repeats);
			i += length * repeats;
		}
	}

	private static int similarRun(double[] values, int start, int limit, double threshold) {
		int run = 0;
		while (run < limit && !(Math.abs(values[start + run] - values[start]) > threshold)) {
			run++;
		}
		return run;
	}

	private static void validate(int maxLength, double filter) {
		if (maxLength < 1) {
			throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
		}
		if (!(filter >= 0)) {
			throw new IllegalArgumentException("filter must be 0 or more, was " + filter);
		}
	}

	/**
	 * How often the pattern of {@code length} elements at {@code start} repeats, given
	 * that its own values are similar to its first.
	 */
	private static int repeats(String[] names, double[] values, int size, int start, int length, double threshold) {
		int count = 1;
		int next = start + length;
		while (next + length <= size && samePattern(names, start, next, length)
				&& similar(values, next, next + length, values[start], threshold)) {
			count++;
			next += length;
		}
		return count;
	}

	private static boolean samePattern(String[] names, int first, int other, int length) {
		for (int k = 0; k < length; k++) {
			if (!names[first + k].equals(names[other + k])) {
				return false;
			}
		}
		return true;
	}

	private static boolean similar(double[] values, int from, int to, double reference, double threshold) {
		for (int k = from; k < to; k++) {
			if (Math.abs(values[k] - reference) > threshold) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The label of a kept point: a single element's own name (no new string), else
	 * {@code "a || b xN"}.
	 * @param names the step names
	 * @param start the point's first element
	 * @param length the pattern's number of elements
	 * @param repeats how many times the pattern repeats
	 * @return the label
	 */
	static String label(String[] names, int start, int length, int repeats) {
		if (repeats == 1) {
			return names[start];
		}
		StringBuilder label = new StringBuilder();
		for (int k = 0; k < length; k++) {
			if (k > 0) {
				label.append(" || ");
			}
			label.append(names[start + k]);
		}
		return label.append(" x").append(repeats).toString();
	}

	/**
	 * Thins a sequence to the points where the value changed: the first element is kept,
	 * then an element only when its value differs from the last kept value by more than
	 * {@code (max - min) * threshold}.
	 * @param <T> the element type
	 * @param elements the elements in order
	 * @param value the value of an element
	 * @param threshold a fraction of the value range, 0 or more (the original turned a
	 * non-float into 0.05; here any number is taken as given)
	 * @return the kept and the rejected elements, each in order
	 */
	public static <T> Filtered<T> filterNoChange(List<T> elements, ToDoubleFunction<T> value, double threshold) {
		if (!(threshold >= 0)) {
			throw new IllegalArgumentException("threshold must be 0 or more, was " + threshold);
		}
		List<T> kept = new ArrayList<>();
		List<T> rejected = new ArrayList<>();
		if (elements.isEmpty()) {
			return new Filtered<>(kept, rejected);
		}
		double min = elements.stream().mapToDouble(value).min().getAsDouble();
		double max = elements.stream().mapToDouble(value).max().getAsDouble();
		double limit = (max - min) * threshold;
		T first = elements.get(0);
		kept.add(first);
		double current = value.applyAsDouble(first);
		for (T element : elements.subList(1, elements.size())) {
			double v = value.applyAsDouble(element);
			if (Math.abs(v - current) > limit) {
				kept.add(element);
				current = v;
			}
			else {
				rejected.add(element);
			}
		}
		return new Filtered<>(List.copyOf(kept), List.copyOf(rejected));
	}

	/**
	 * Told of each kept point of the array form of {@link #find}.
	 */
	@FunctionalInterface
	interface ClusterSink {

		/**
		 * Takes one kept point.
		 * @param first the index of the point's first element, whose value it carries
		 * @param length the pattern's number of elements
		 * @param repeats how many times the pattern repeats, 1 for a single element
		 */
		void accept(int first, int length, int repeats);

	}

	/**
	 * One kept point of {@link #find}.
	 *
	 * @param <T> the element type
	 * @param first the first element of the cluster, whose value the point carries
	 * @param label the step name, or {@code "a || b xN"} for repeats
	 * @param repeats how many times the pattern repeats, 1 for a single element
	 * @param length the pattern's number of elements
	 */
	public record Cluster<T>(T first, String label, int repeats, int length) {
	}

	/**
	 * The result of {@link #filterNoChange}.
	 *
	 * @param <T> the element type
	 * @param kept the elements kept
	 * @param rejected the elements dropped
	 */
	public record Filtered<T>(List<T> kept, List<T> rejected) {
	}

}
