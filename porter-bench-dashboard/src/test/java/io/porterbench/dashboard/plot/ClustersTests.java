package io.porterbench.dashboard.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.porterbench.dashboard.plot.Clusters.Cluster;
import io.porterbench.dashboard.plot.Clusters.Filtered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClustersTests {

	private static List<Cluster<Point>> find(List<Point> points) {
		return Clusters.find(points, Point::name, Point::value, Clusters.CRONO_MAX_LENGTH, Clusters.DEFAULT_FILTER);
	}

	private static List<String> labels(List<Cluster<Point>> clusters) {
		return clusters.stream().map(Cluster::label).toList();
	}

	private static List<Double> values(List<Cluster<Point>> clusters) {
		return clusters.stream().map((cluster) -> cluster.first().value()).toList();
	}

	@Test
	void aRepeatedStepKeepsItsOwnValueAndTheNextStepIsNotLost() {
		// The original gave one point "a x3" carrying b's value, and lost b.
		List<Cluster<Point>> clusters = find(List.of(p("a", 1), p("a", 1), p("a", 1), p("b", 9)));
		assertThat(labels(clusters)).containsExactly("a x3", "b");
		assertThat(values(clusters)).containsExactly(1.0, 9.0);
	}

	@Test
	void aRepeatedPairBecomesOnePoint() {
		List<Cluster<Point>> clusters = find(List.of(p("a", 1), p("b", 1), p("a", 1), p("b", 1), p("c", 9)));
		assertThat(labels(clusters)).containsExactly("a || b x2", "c");
		assertThat(clusters.get(0).repeats()).isEqualTo(2);
		assertThat(clusters.get(0).length()).isEqualTo(2);
	}

	@Test
	void aRepeatedTripleIsFollowedByTheNextStepOnly() {
		// The original gave "a || b || c x2" (with the second b's value), then c again,
		// then d.
		List<Cluster<Point>> clusters = find(
				List.of(p("a", 1), p("b", 1), p("c", 1), p("a", 1), p("b", 1), p("c", 1), p("d", 1)));
		assertThat(labels(clusters)).containsExactly("a || b || c x2", "d");
	}

	@Test
	void aPatternCollapsesOnlyWhenAllItsValuesAreCloseToTheFirst() {
		// As in the original: every value of the repeats is compared with the first one.
		List<Cluster<Point>> clusters = find(List.of(p("a", 1), p("b", 2), p("a", 1), p("b", 2)));
		assertThat(labels(clusters)).containsExactly("a", "b", "a", "b");
	}

	@Test
	void repeatsWhoseValuesDifferBeyondTheFilterStaySeparate() {
		List<Cluster<Point>> clusters = find(List.of(p("a", 1), p("a", 100), p("a", 1), p("b", 50)));
		assertThat(labels(clusters)).containsExactly("a", "a", "a", "b");
	}

	@Test
	void aSequenceWithoutRepeatsIsUnchanged() {
		List<Cluster<Point>> clusters = find(List.of(p("load", 3), p("proc", 5), p("gstop", 0.1)));
		assertThat(labels(clusters)).containsExactly("load", "proc", "gstop");
		assertThat(values(clusters)).containsExactly(3.0, 5.0, 0.1);
	}

	@Test
	void everyElementIsCoveredExactlyOnce() {
		List<Point> points = List.of(p("a", 1), p("a", 1), p("b", 2), p("c", 2), p("b", 2), p("c", 2), p("b", 2),
				p("c", 2), p("a", 9));
		List<Cluster<Point>> clusters = find(points);
		assertThat(clusters.stream().mapToInt((c) -> c.repeats() * c.length()).sum()).isEqualTo(points.size());
		assertThat(labels(clusters)).containsExactly("a x2", "b || c x3", "a");
	}

	@Test
	void anEmptySequenceGivesNoPoints() {
		assertThat(find(List.of())).isEmpty();
	}

	@Test
	void invalidSettingsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Clusters.find(List.of(p("a", 1)), Point::name, Point::value, 0, 0.05))
			.withMessageContaining("maxLength");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Clusters.find(List.of(p("a", 1)), Point::name, Point::value, 3, -1))
			.withMessageContaining("filter");
	}

	@Test
	void theArrayFormFindsWhatTheListFormFoundOnRandomSequences() {
		Random random = new Random(20240611);
		String[] alphabet = { "a", "b", "c", "d" };
		double[] levels = { 1, 1, 1.01, 2, 5, 100, 0, -0.0 };
		for (int round = 0; round < 4000; round++) {
			int size = random.nextInt(40);
			int spare = random.nextInt(8);
			String[] names = new String[size + spare];
			double[] values = new double[size + spare];
			fillWithRepeats(random, names, values, alphabet, levels, round % 50 == 0);
			if (round % 20 == 3 && size > 0) {
				// a NaN makes the threshold NaN, which no difference exceeds
				values[random.nextInt(size)] = Double.NaN;
			}
			int maxLength = 1 + random.nextInt(7);
			double filter = new double[] { 0, 0.05, 0.3, 1, 2 }[random.nextInt(5)];
			List<Integer> indices = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				indices.add(i);
			}
			List<Cluster<Integer>> expected = reference(indices, (i) -> names[i], (i) -> values[i], maxLength, filter);
			List<Cluster<Integer>> fromArrays = new ArrayList<>();
			Clusters.find(names, values, size, maxLength, filter, (first, length, repeats) -> fromArrays
				.add(new Cluster<>(first, Clusters.label(names, first, length, repeats), repeats, length)));
			String context = "names " + Arrays.toString(Arrays.copyOf(names, size)) + ", values "
					+ Arrays.toString(Arrays.copyOf(values, size)) + ", maxLength " + maxLength + ", filter " + filter;
			assertThat(fromArrays).as(context).isEqualTo(expected);
			assertThat(Clusters.find(indices, (i) -> names[i], (i) -> values[i], maxLength, filter)).as(context)
				.isEqualTo(expected);
		}
	}

	@Test
	void theArrayFormIgnoresTheEntriesPastTheSize() {
		// reused buffers hold the previous iteration's calls past the size
		String[] names = { "a", "a", "a", "a", "a" };
		double[] values = { 1, 1, 1, 1, 1 };
		List<String> labels = new ArrayList<>();
		Clusters.find(names, values, 2, 5, 0.05,
				(first, length, repeats) -> labels.add(Clusters.label(names, first, length, repeats)));
		assertThat(labels).containsExactly("a x2");
	}

	@Test
	void theArrayFormRejectsInvalidSettings() {
		Clusters.ClusterSink ignored = (first, length, repeats) -> {
		};
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Clusters.find(new String[0], new double[0], 0, 0, 0.05, ignored))
			.withMessage("maxLength must be at least 1, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Clusters.find(new String[0], new double[0], 0, 3, Double.NaN, ignored))
			.withMessage("filter must be 0 or more, was NaN");
	}

	/**
	 * Fills the arrays with runs of repeated patterns, so that clusters of every length
	 * occur, and the spare entries past the size with more of the same.
	 */
	private static void fillWithRepeats(Random random, String[] names, double[] values, String[] alphabet,
			double[] levels, boolean oneValue) {
		int i = 0;
		while (i < names.length) {
			int length = 1 + random.nextInt(4);
			int repeats = 1 + random.nextInt(4);
			String[] pattern = new String[length];
			double[] patternValues = new double[length];
			for (int k = 0; k < length; k++) {
				pattern[k] = alphabet[random.nextInt(alphabet.length)];
				patternValues[k] = oneValue ? 1 : levels[random.nextInt(levels.length)];
			}
			for (int r = 0; r < repeats; r++) {
				for (int k = 0; k < length && i < names.length; k++, i++) {
					names[i] = pattern[k];
					// now and then a repeat drifts a little or a lot
					double drift = (random.nextInt(6) == 0) ? random.nextInt(3) * 0.02 : 0;
					values[i] = patternValues[k] + drift;
				}
			}
		}
	}

	/**
	 * The list-based algorithm as it was before the array form, kept as the reference the
	 * array form must match.
	 */
	static <T> List<Cluster<T>> reference(List<T> elements, Function<T, String> name, ToDoubleFunction<T> value,
			int maxLength, double filter) {
		int size = elements.size();
		String[] names = new String[size];
		double[] values = new double[size];
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < size; i++) {
			names[i] = name.apply(elements.get(i));
			values[i] = value.applyAsDouble(elements.get(i));
			min = Math.min(min, values[i]);
			max = Math.max(max, values[i]);
		}
		double threshold = (max - min) * filter;
		List<Cluster<T>> result = new ArrayList<>();
		int i = 0;
		while (i < size) {
			int length = 1;
			int repeats = 1;
			for (int candidate = 1; candidate <= maxLength && repeats == 1; candidate++) {
				int found = referenceRepeats(names, values, i, candidate, threshold);
				if (found > 1) {
					length = candidate;
					repeats = found;
				}
			}
			result.add(new Cluster<>(elements.get(i), referenceLabel(names, i, length, repeats), repeats, length));
			i += length * repeats;
		}
		return result;
	}

	private static int referenceRepeats(String[] names, double[] values, int start, int length, double threshold) {
		if (start + length > names.length
				|| !referenceSimilar(values, start, start + length, values[start], threshold)) {
			return 1;
		}
		int count = 1;
		int next = start + length;
		while (next + length <= names.length && Arrays.equals(names, start, start + length, names, next, next + length)
				&& referenceSimilar(values, next, next + length, values[start], threshold)) {
			count++;
			next += length;
		}
		return count;
	}

	private static boolean referenceSimilar(double[] values, int from, int to, double reference, double threshold) {
		for (int k = from; k < to; k++) {
			if (Math.abs(values[k] - reference) > threshold) {
				return false;
			}
		}
		return true;
	}

	private static String referenceLabel(String[] names, int start, int length, int repeats) {
		if (repeats == 1) {
			return names[start];
		}
		List<String> pattern = Arrays.asList(names).subList(start, start + length);
		return String.join(" || ", pattern) + " x" + repeats;
	}

	@Test
	void filterNoChangeKeepsTheFirstAndEveryRealChange() {
		List<Point> points = List.of(p("a", 100), p("b", 101), p("c", 150), p("d", 151), p("e", 200));
		Filtered<Point> filtered = Clusters.filterNoChange(points, Point::value, 0.05);
		assertThat(filtered.kept()).extracting(Point::name).containsExactly("a", "c", "e");
		assertThat(filtered.rejected()).extracting(Point::name).containsExactly("b", "d");
	}

	@Test
	void filterNoChangeTakesAnyThresholdAsGiven() {
		List<Point> points = List.of(p("a", 0), p("b", 5), p("c", 10));
		assertThat(Clusters.filterNoChange(points, Point::value, 0.6).kept()).extracting(Point::name)
			.containsExactly("a", "c");
		assertThat(Clusters.filterNoChange(points, Point::value, 0).kept()).hasSize(3);
		assertThat(Clusters.filterNoChange(List.<Point>of(), Point::value, 0.05).kept()).isEmpty();
	}

	private static Point p(String name, double value) {
		return new Point(name, value);
	}

	record Point(String name, double value) {
	}

}
