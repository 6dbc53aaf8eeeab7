package io.porterbench.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TopicSums}: the grouping of an iteration's calls by topic, whose
 * arrays are reused from one iteration to the next.
 */
class TopicSumsTests {

	@Test
	void topicsEqualInContentAreOneTopicWhicheverStringsCarryThem() {
		TopicSums sums = new TopicSums();
		String load = "load";
		String sameContent = new String("load".toCharArray());
		assertThat(sameContent).isNotSameAs(load);
		sums.compute(new String[] { load, "parse", sameContent }, new long[] { 1, 10, 100 }, 3);
		assertThat(sums.count()).isEqualTo(2);
		assertThat(sums.topic(0)).isEqualTo("load");
		assertThat(sums.sum(0)).isEqualTo(101);
		assertThat(sums.topicIndexOfCall(2)).isZero();
		assertThat(sums.sum(1)).isEqualTo(10);
	}

	@Test
	void topicsThatShareAHashAreStillTwoTopics() {
		assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
		TopicSums sums = new TopicSums();
		sums.compute(new String[] { "Aa", "BB", "Aa" }, new long[] { 1, 10, 100 }, 3);
		assertThat(sums.count()).isEqualTo(2);
		assertThat(sums.topic(0)).isEqualTo("Aa");
		assertThat(sums.sum(0)).isEqualTo(101);
		assertThat(sums.topic(1)).isEqualTo("BB");
		assertThat(sums.sum(1)).isEqualTo(10);
	}

	@Test
	void aReusedGroupingHoldsTheNewIterationsTopicsOnly() {
		TopicSums sums = new TopicSums();
		sums.compute(new String[] { "a", "b", "c" }, new long[] { 1, 2, 3 }, 3);
		sums.compute(new String[] { "a", "x", "x" }, new long[] { 5, 6, 7 }, 3);
		assertThat(sums.count()).isEqualTo(2);
		assertThat(sums.topic(0)).isEqualTo("a");
		assertThat(sums.sum(0)).isEqualTo(5);
		assertThat(sums.topic(1)).isEqualTo("x");
		assertThat(sums.sum(1)).isEqualTo(13);
		assertThat(sums.firstCall(1)).isEqualTo(1);
	}

}
