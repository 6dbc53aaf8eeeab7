package io.porterbench.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReferenceArrays}.
 */
class ReferenceArraysTests {

	@Test
	void aStoreLeavesTheArrayHoldingTheValueWhetherOrNotItWasThere() {
		String load = "load";
		String sameContent = new String("load".toCharArray());
		Object[] array = { load, null };
		ReferenceArrays.store(array, 0, load);
		ReferenceArrays.store(array, 1, load);
		assertThat(array[0]).isSameAs(load);
		assertThat(array[1]).isSameAs(load);
		ReferenceArrays.store(array, 0, sameContent);
		assertThat(array[0]).isSameAs(sameContent);
		ReferenceArrays.store(array, 1, null);
		assertThat(array[1]).isNull();
	}

	@Test
	void aCopyTakesTheFirstReferencesAndLeavesTheRest() {
		Object[] target = { "a", "old", "kept" };
		ReferenceArrays.copy(new Object[] { "a", "b", "unused" }, target, 2);
		assertThat(target).containsExactly("a", "b", "kept");
	}

}
