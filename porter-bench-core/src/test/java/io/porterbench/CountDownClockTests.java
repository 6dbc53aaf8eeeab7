package io.porterbench;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link CountDownClock}: exact on a {@link MockBenchClock}; the original's scenarios on
 * the real clock with lower bounds only.
 */
class CountDownClockTests {

	private final MockBenchClock clock = new MockBenchClock();

	@Test
	void isNotCompletedImmediately() {
		CountDownClock countDown = new CountDownClock(10, this.clock);
		assertThat(countDown.completed()).isFalse();
		assertThat(countDown.timeLeft()).isEqualTo(10.0);
	}

	@Test
	void defaultsToTenSeconds() {
		assertThat(new CountDownClock().countDown()).isEqualTo(10.0);
		assertThat(CountDownClock.DEFAULT_SECONDS).isEqualTo(10.0);
	}

	@Test
	void timeLeftDecreasesAndGoesNegative() {
		CountDownClock countDown = new CountDownClock(0.5, this.clock);
		this.clock.add(Duration.ofMillis(200));
		assertThat(countDown.timeLeft()).isEqualTo(0.3, within(1e-12));
		this.clock.add(Duration.ofMillis(500));
		assertThat(countDown.timeLeft()).isEqualTo(-0.2, within(1e-12));
	}

	@Test
	void completesOnlyStrictlyAfterItsLength() {
		CountDownClock countDown = new CountDownClock(0.020, this.clock);
		this.clock.add(Duration.ofMillis(20));
		assertThat(countDown.completed()).isFalse();
		this.clock.addNanos(1);
		assertThat(countDown.completed()).isTrue();
	}

	@Test
	void resetUncompletes() {
		CountDownClock countDown = new CountDownClock(0.5, this.clock);
		this.clock.add(Duration.ofSeconds(1));
		assertThat(countDown.completed()).isTrue();
		countDown.reset();
		assertThat(countDown.completed()).isFalse();
		assertThat(countDown.timeLeft()).isEqualTo(0.5);
	}

	@Test
	void setCountDownRestartsWithTheNewLength() {
		CountDownClock countDown = new CountDownClock(0.02, this.clock);
		this.clock.add(Duration.ofMillis(50));
		assertThat(countDown.completed()).isTrue();
		countDown.setCountDown(10);
		assertThat(countDown.completed()).isFalse();
		assertThat(countDown.timeLeft()).isEqualTo(10.0);
		assertThat(countDown.countDown()).isEqualTo(10.0);
	}

	@Test
	void isAStopwatchToo() {
		CountDownClock countDown = new CountDownClock(1, this.clock);
		this.clock.add(Duration.ofMillis(250));
		assertThat(countDown.toc()).isEqualTo(0.25);
	}

	@Test
	void rejectsANegativeOrNaNLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CountDownClock(-1))
			.withMessageContaining("0 or more")
			.withMessageContaining("-1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new CountDownClock(Double.NaN));
		CountDownClock countDown = new CountDownClock(1, this.clock);
		assertThatIllegalArgumentException().isThrownBy(() -> countDown.setCountDown(-0.5));
		assertThat(countDown.countDown()).isEqualTo(1.0);
	}

	@Test
	void anInfiniteCountDownNeverCompletes() {
		CountDownClock countDown = new CountDownClock(Double.POSITIVE_INFINITY, this.clock);
		this.clock.add(Duration.ofDays(365));
		assertThat(countDown.completed()).isFalse();
	}

	/** The original's countdown scenarios on the real clock: lower bounds only. */
	@Nested
	class OnTheRealClock {

		@Test
		void aOneSecondClockHasAtMostOneSecondLeft() {
			CountDownClock countDown = new CountDownClock(1.0);
			assertThat(countDown.timeLeft()).isLessThanOrEqualTo(1.0);
		}

		@Test
		void timeLeftShrinksByAtLeastTheWait() throws InterruptedException {
			CountDownClock countDown = new CountDownClock(0.5);
			Thread.sleep(200);
			assertThat(countDown.timeLeft()).isLessThanOrEqualTo(0.301);
		}

		@Test
		void completesAfterItsLength() throws InterruptedException {
			CountDownClock countDown = new CountDownClock(0.1);
			Thread.sleep(150);
			assertThat(countDown.completed()).isTrue();
		}

		@Test
		void setCountDownUncompletesARunOutClock() throws InterruptedException {
			CountDownClock countDown = new CountDownClock(0.1);
			Thread.sleep(150);
			assertThat(countDown.completed()).isTrue();
			countDown.setCountDown(3600);
			assertThat(countDown.completed()).isFalse();
			assertThat(countDown.timeLeft()).isLessThanOrEqualTo(3600.0).isGreaterThan(3000.0);
		}

	}

}
