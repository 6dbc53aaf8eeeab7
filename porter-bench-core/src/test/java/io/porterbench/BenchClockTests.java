package io.porterbench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchClockTests {

	@Test
	void systemClockStampsAReadingWithTheWallTimeOfThatReading() {
		BenchClock clock = BenchClock.system();
		long reading = clock.nanoTime();
		double stamp = clock.epochSecondsAt(reading);
		assertThat(clock.epochSecondsAt(reading + 2_500_000_000L) - stamp).isCloseTo(2.5, within(1e-6));
		assertThat(clock.epochSeconds()).isGreaterThanOrEqualTo(stamp);
		assertThat(stamp).isCloseTo(System.currentTimeMillis() / 1e3, within(5.0));
	}

	@Test
	void anyClockStampsAnEarlierReadingByGoingBackFromNow() {
		MockBenchClock clock = new MockBenchClock(1_000.0);
		long reading = clock.nanoTime();
		clock.addNanos(3_000_000_000L);
		assertThat(clock.epochSecondsAt(reading)).isCloseTo(1_000.0, within(1e-9));
		assertThat(clock.epochSecondsAt(clock.nanoTime())).isCloseTo(1_003.0, within(1e-9));
	}

}
