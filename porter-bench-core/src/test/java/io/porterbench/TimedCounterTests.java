package io.porterbench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TimedCounter} on a {@link MockBenchClock}, so frequencies are exact.
 */
class TimedCounterTests {

	private final MockBenchClock clock = new MockBenchClock();

	private final TimedCounter counter = new TimedCounter(true, this.clock);

	private void count(int times) {
		for (int i = 0; i < times; i++) {
			this.counter.count();
		}
	}

	@Test
	void aDisabledCounterHasNoFrequency() {
		TimedCounter disabled = new TimedCounter(false, this.clock);
		disabled.start();
		disabled.count();
		this.clock.add(Duration.ofSeconds(1));
		disabled.stop();
		assertThat(disabled.frequency()).isEmpty();
		assertThat(disabled.getCount()).isZero();
		assertThat(disabled.isEnabled()).isFalse();
	}

	@Test
	void frequencyAfterStopIsTheCountOverTheStoppedTime() {
		this.counter.start();
		count(10);
		this.clock.add(Duration.ofMillis(500));
		this.counter.stop();
		this.clock.add(Duration.ofSeconds(10));
		assertThat(this.counter.frequency()).hasValue(20.0);
	}

	@Test
	void frequencyWithoutStopUsesTheLiveTime() {
		this.counter.start();
		count(5);
		this.clock.add(Duration.ofSeconds(1));
		assertThat(this.counter.frequency()).hasValue(5.0);
		this.clock.add(Duration.ofSeconds(4));
		assertThat(this.counter.frequency()).hasValue(1.0);
	}

	@Test
	void hasNoFrequencyBeforeAnyTimePasses() {
		this.counter.count();
		assertThat(this.counter.frequency()).isEmpty();
		this.counter.stop();
		assertThat(this.counter.frequency()).isEmpty();
	}

	@Test
	void startRestartsTheStopwatchOnlyWhileNothingIsCounted() {
		this.clock.add(Duration.ofSeconds(100));
		this.counter.start();
		this.counter.count();
		this.clock.add(Duration.ofMillis(15));
		this.counter.start();
		this.clock.add(Duration.ofMillis(5));
		this.counter.stop();
		assertThat(this.counter.frequency()).hasValue(50.0);
	}

	@Test
	void disableGivesNoFrequencyAndStopsCounting() {
		this.counter.count();
		this.counter.disable();
		this.counter.count();
		this.clock.add(Duration.ofSeconds(1));
		assertThat(this.counter.isEnabled()).isFalse();
		assertThat(this.counter.frequency()).isEmpty();
		assertThat(this.counter.getCount()).isEqualTo(1);
	}

	@Test
	void enableResumesCounting() {
		this.counter.count();
		this.counter.disable();
		this.counter.enable();
		this.counter.count();
		this.clock.add(Duration.ofSeconds(2));
		assertThat(this.counter.isEnabled()).isTrue();
		assertThat(this.counter.getCount()).isEqualTo(2);
		assertThat(this.counter.frequency()).hasValue(1.0);
	}

	@Test
	void resetSetsTheCountToZero() {
		count(3);
		this.counter.reset();
		assertThat(this.counter.getCount()).isZero();
	}

	@Test
	void resetForgetsTheLastStopUnlikeTheOriginal() {
		count(10);
		this.clock.add(Duration.ofSeconds(1));
		this.counter.stop();
		assertThat(this.counter.frequency()).hasValue(10.0);
		this.counter.reset();
		count(3);
		this.clock.add(Duration.ofSeconds(1));
		assertThat(this.counter.frequency()).as("live frequency after reset, not the stopped 10/s").hasValue(3.0);
	}

	@Test
	void resetRestartsTheStopwatch() {
		this.clock.add(Duration.ofSeconds(9));
		this.counter.reset();
		count(4);
		this.clock.add(Duration.ofSeconds(2));
		assertThat(this.counter.frequency()).hasValue(2.0);
	}

	@Test
	void countsExactlyFromManyThreads() throws InterruptedException {
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> count(10_000));
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(this.counter.getCount()).isEqualTo(40_000);
	}

	@Test
	void measuresOnTheRealClock() throws InterruptedException {
		TimedCounter real = new TimedCounter();
		real.start();
		for (int i = 0; i < 10; i++) {
			real.count();
		}
		Thread.sleep(20);
		real.stop();
		assertThat(real.frequency()).isPresent();
		assertThat(real.frequency().getAsDouble()).isPositive().isLessThanOrEqualTo(501);
	}

}
