package io.porterbench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link TicToc}: exact readings on a {@link MockBenchClock}, and the original's timer
 * tests and scenarios on the real clock with lower bounds only.
 */
class TicTocTests {

	private final MockBenchClock clock = new MockBenchClock();

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final TicToc timer = new TicToc(this.clock, new PrintStream(this.printed, true, StandardCharsets.UTF_8));

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

	@Test
	void tocReadsTheSecondsSinceConstruction() {
		this.clock.add(Duration.ofMillis(10));
		assertThat(this.timer.toc()).isEqualTo(0.010);
		this.clock.add(Duration.ofMillis(5));
		assertThat(this.timer.toc()).isEqualTo(0.015);
	}

	@Test
	void ticRestarts() {
		this.clock.add(Duration.ofSeconds(3));
		this.timer.tic();
		this.clock.add(Duration.ofMillis(250));
		assertThat(this.timer.toc()).isEqualTo(0.25);
	}

	@Test
	void ttocReadsAndRestarts() {
		this.clock.add(Duration.ofMillis(30));
		assertThat(this.timer.ttoc()).isEqualTo(0.030);
		this.clock.add(Duration.ofMillis(7));
		assertThat(this.timer.ttoc()).isEqualTo(0.007);
		assertThat(this.timer.toc()).isZero();
	}

	@Test
	void ptocPrintsTheMessageAndTheTimeWithoutRestarting() {
		this.clock.add(Duration.ofMillis(125));
		assertThat(this.timer.ptoc("hello")).isEqualTo(0.125);
		assertThat(printed()).isEqualTo("hello 0.125" + System.lineSeparator());
		this.clock.add(Duration.ofMillis(125));
		assertThat(this.timer.toc()).isEqualTo(0.25);
	}

	@Test
	void pttocPrintsAndRestarts() {
		this.clock.add(Duration.ofMillis(500));
		this.timer.pttoc("step");
		assertThat(printed()).isEqualTo("step 0.5" + System.lineSeparator());
		assertThat(this.timer.toc()).isZero();
	}

	@Test
	void ptocWithoutMessagePrintsTheTimeAlone() {
		this.clock.add(Duration.ofSeconds(2));
		this.timer.ptoc(null);
		assertThat(printed()).isEqualTo("2.0" + System.lineSeparator());
	}

	@Test
	void printsTheSameInEveryLocale() {
		Locale previous = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
		try {
			this.clock.add(Duration.ofMillis(1500));
			this.timer.ptoc("de");
		}
		finally {
			Locale.setDefault(previous);
		}
		assertThat(printed()).isEqualTo("de 1.5" + System.lineSeparator());
	}

	@Test
	void printsToSystemOutByDefault() {
		PrintStream previous = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			new TicToc(this.clock).ptoc("to stdout");
		}
		finally {
			System.setOut(previous);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("to stdout 0.0");
	}

	@Test
	void requiresAClock() {
		assertThatNullPointerException().isThrownBy(() -> new TicToc(null));
	}

	/**
	 * The original's timer tests and BDD scenarios, on the real clock: lower bounds only.
	 */
	@Nested
	class OnTheRealClock {

		@Test
		void tocAfterASleepIsAtLeastTheSleep() throws InterruptedException {
			TicToc real = new TicToc();
			Thread.sleep(10);
			assertThat(real.toc()).isGreaterThanOrEqualTo(0.009);
		}

		@Test
		void twoMeasurementsAreEachAtLeastTheirSleep() throws InterruptedException {
			TicToc real = new TicToc();
			real.tic();
			Thread.sleep(50);
			double first = real.ttoc();
			Thread.sleep(100);
			double second = real.ttoc();
			assertThat(first).isGreaterThanOrEqualTo(0.049);
			assertThat(second).isGreaterThanOrEqualTo(0.099);
		}

		@Test
		void readingsNeverGoBackwards() {
			TicToc real = new TicToc();
			double previous = 0;
			for (int i = 0; i < 10_000; i++) {
				double now = real.toc();
				assertThat(now).isGreaterThanOrEqualTo(previous);
				previous = now;
			}
		}

	}

}
