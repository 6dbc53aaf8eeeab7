package io.porterbench.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for the source behind {@link MemorySource#system()}.
 */
class SystemMemorySourceTests {

	private static final Logger logger = LoggerFactory.getLogger(SystemMemorySourceTests.class);

	private final MemorySource source = MemorySource.system();

	@Test
	void heapUsedFitsInHeapCommitted() {
		long used = this.source.heapUsed();
		assertThat(used).isPositive();
		assertThat(this.source.heapCommitted()).isGreaterThanOrEqualTo(used);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void rssAgreesWithVmRssWithinFivePercent() {
		long before = ProcStatus.vmRssBytes();
		long rss = this.source.rss();
		long after = ProcStatus.vmRssBytes();
		double expected = (before + after) / 2.0;
		assertThat((double) rss).isCloseTo(expected, within(expected * 0.05));
	}

	@Test
	void theSystemSourceIsShared() {
		assertThat(MemorySource.system()).isSameAs(this.source);
	}

	@Test
	void topClassesAreEmptyForZero() {
		assertThat(this.source.topClasses(0)).isEmpty();
	}

	@Test
	void costOfTheCheapFiguresIsLogged() {
		int samples = 20_000;
		long sum = 0;
		for (int i = 0; i < samples; i++) {
			sum += this.source.rss() + this.source.heapUsed() + this.source.heapCommitted();
		}
		long start = System.nanoTime();
		for (int i = 0; i < samples; i++) {
			sum += this.source.rss() + this.source.heapUsed() + this.source.heapCommitted();
		}
		long nanosPerSample = (System.nanoTime() - start) / samples;
		logger.info("Memory sample cost (RSS + heap used + heap committed): {} ns/sample", nanosPerSample);
		assertThat(sum).isPositive();
		assertThat(nanosPerSample).isPositive();
	}

}
