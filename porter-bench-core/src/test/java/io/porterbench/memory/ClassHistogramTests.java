package io.porterbench.memory;

import java.lang.ref.Reference;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassHistogram}.
 */
class ClassHistogramTests {

	private static final String JDK17_HISTOGRAM = """
			 num     #instances         #bytes  class name (module)
			-------------------------------------------------------
			   1:          8541        1003304  [B (java.base@17.0.15)
			   2:          7925         190200  java.lang.String (java.base@17.0.15)
			   3:          1610         193056  java.lang.Class (java.base@17.0.15)
			   4:             3          48072  [[I (java.base@17.0.15)
			   5:           900          28800  [Ljava.lang.Object; (java.base@17.0.15)
			   6:            10            160  io.porterbench.Foo$$Lambda$14/0x0000000800c03000
			Total         18989        1463592
			""";

	@Test
	void manyInstancesOfAClassPutItInTheTopClasses() {
		Ballast[] ballast = new Ballast[500_000];
		for (int i = 0; i < ballast.length; i++) {
			ballast[i] = new Ballast(i);
		}
		List<TopClass> top = new ClassHistogram().top(5);
		Reference.reachabilityFence(ballast);
		assertThat(top).hasSize(5).extracting(TopClass::name).contains(Ballast.class.getName());
		assertThat(top).filteredOn((row) -> row.name().equals(Ballast.class.getName()))
			.singleElement()
			.satisfies((row) -> assertThat(row.bytes()).isGreaterThanOrEqualTo(500_000L * 24));
	}

	@Test
	void noClassesAreAskedForWithZero() {
		assertThat(new ClassHistogram().top(0)).isEmpty();
	}

	@Test
	void parseKeepsTheLargestRowsInSourceForm() {
		assertThat(ClassHistogram.parse(JDK17_HISTOGRAM, 4)).containsExactly(new TopClass("byte[]", 1003304),
				new TopClass("java.lang.Class", 193056), new TopClass("java.lang.String", 190200),
				new TopClass("int[][]", 48072));
	}

	@Test
	void parseReturnsEveryRowWhenFewerThanAskedFor() {
		assertThat(ClassHistogram.parse(JDK17_HISTOGRAM, 100)).hasSize(6)
			.contains(new TopClass("java.lang.Object[]", 28800),
					new TopClass("io.porterbench.Foo$$Lambda$14/0x0000000800c03000", 160));
	}

	@Test
	void sourceNameLeavesUnknownDescriptorsAlone() {
		assertThat(ClassHistogram.sourceName("[Q")).isEqualTo("[Q");
		assertThat(ClassHistogram.sourceName("[[J")).isEqualTo("long[][]");
	}

	static final class Ballast {

		final long value;

		final long other;

		Ballast(long value) {
			this.value = value;
			this.other = value * 2;
		}

	}

}
