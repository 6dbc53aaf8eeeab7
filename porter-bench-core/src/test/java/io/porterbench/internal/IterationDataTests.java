package io.porterbench.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IterationData}, whose objects the store reuses from one closed
 * iteration to the next.
 */
class IterationDataTests {

	@Test
	void aReusedIterationHoldsTheNewCallsWhereverTheyDifferFromTheOld() {
		IterationData iteration = new IterationData();
		iteration.set(0, 1.0, 2.0, new String[] { "a", "b", "c", "d" }, new long[] { 1, 2, 3, 4 }, null, 4, true, 10);
		String sameContent = new String("b".toCharArray());
		iteration.set(1, 2.0, 3.0, new String[] { "a", sameContent, "x" }, new long[] { 5, 6, 7 }, null, 3, true, 18);
		assertThat(iteration.size()).isEqualTo(3);
		assertThat(iteration.topic(0)).isEqualTo("a");
		assertThat(iteration.topic(1)).isSameAs(sameContent);
		assertThat(iteration.topic(2)).isEqualTo("x");
		assertThat(iteration.nanos(2)).isEqualTo(7);
		assertThat(iteration.copy().size()).isEqualTo(3);
	}

	@Test
	void aReusedIterationGrowsForMoreCallsThanItHadRoomFor() {
		IterationData iteration = new IterationData();
		iteration.set(0, 1.0, 2.0, new String[] { "a" }, new long[] { 1 }, null, 1, true, 1);
		String[] topics = new String[20];
		long[] nanos = new long[20];
		for (int i = 0; i < topics.length; i++) {
			topics[i] = "t" + i;
			nanos[i] = i;
		}
		iteration.set(1, 2.0, 3.0, topics, nanos, null, 20, true, 190);
		assertThat(iteration.size()).isEqualTo(20);
		for (int i = 0; i < topics.length; i++) {
			assertThat(iteration.topic(i)).isEqualTo("t" + i);
			assertThat(iteration.nanos(i)).isEqualTo(i);
		}
	}

}
