package io.porterbench.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LruCache}.
 */
class LruCacheTests {

	@Test
	void aFullCacheEvictsTheLeastRecentlyUsedEntry() {
		LruCache<String, Integer> cache = new LruCache<>(2);
		cache.put("a", 1);
		cache.put("b", 2);
		assertThat(cache.get("a")).isEqualTo(1);
		cache.put("c", 3);
		assertThat(cache.get("b")).isNull();
		assertThat(cache.get("a")).isEqualTo(1);
		assertThat(cache.get("c")).isEqualTo(3);
		assertThat(cache.size()).isEqualTo(2);
	}

	@Test
	void aCacheHoldsAtLeastOneEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LruCache<>(0)).withMessageContaining("at least 1");
	}

}
