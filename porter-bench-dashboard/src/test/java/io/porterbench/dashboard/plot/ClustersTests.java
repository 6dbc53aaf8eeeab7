package io.porterbench.dashboard.plot;

import java.util.List;

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
