package io.porterbench.memory;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PeakMemoryPoller}.
 */
class PeakMemoryPollerTests {

	private static final Duration ONE_MS = Duration.ofMillis(1);

	private static final long MIB = 1024 * 1024;

	private final AtomicLong rss = new AtomicLong(100);

	private final String threadName = "porterbench-memory-test-" + System.nanoTime();

	private final PeakMemoryPoller poller = new PeakMemoryPoller(this.threadName, this.rss::get);

	@AfterEach
	void stopPoller() {
		this.poller.stop();
	}

	@Test
	void takePeakReturnsTheLargestReadingOfItsWindowAndStartsANewOne() {
		this.poller.start(ONE_MS);
		setAndAwaitReading(300);
		setAndAwaitReading(200);
		assertThat(this.poller.takePeak()).isEqualTo(300);
		awaitReadings(2);
		assertThat(this.poller.takePeak()).isEqualTo(200);
	}

	@Test
	void takePeakIsZeroWhenNoReadingHappenedSinceThePreviousCall() {
		this.poller.start(Duration.ofHours(1));
		await().until(() -> this.poller.readings() == 1);
		assertThat(this.poller.takePeak()).isEqualTo(100);
		assertThat(this.poller.takePeak()).isZero();
	}

	@Test
	void anUnstartedPollerHasNoPeakAndNoThread() {
		assertThat(this.poller.takePeak()).isZero();
		assertThat(this.poller.isRunning()).isFalse();
		assertThat(pollerThreads()).isZero();
	}

	@Test
	void changingTheIntervalKeepsOneDaemonThread() {
		this.poller.start(Duration.ofHours(1));
		await().until(() -> this.poller.readings() == 1);
		this.poller.start(ONE_MS);
		this.poller.start(Duration.ofMillis(2));
		awaitReadings(3);
		assertThat(pollerThreads()).isEqualTo(1);
		assertThat(pollerThread().isDaemon()).isTrue();
		assertThat(this.poller.interval()).isEqualTo(Duration.ofMillis(2));
	}

	@Test
	void aNewIntervalTakesEffectWithoutWaitingForTheOldOne() {
		this.poller.start(Duration.ofHours(1));
		await().until(() -> this.poller.readings() == 1);
		this.poller.start(ONE_MS);
		awaitReadings(5);
		assertThat(this.poller.readings()).isGreaterThan(5);
	}

	@Test
	void anIntervalGivenToARunningThreadStartsExactlyOneReading() {
		// the poller thread may read the new interval before the new schedule, or after
		// it; either way the interval's first reading is taken once
		for (int attempt = 0; attempt < 100; attempt++) {
			String name = this.threadName + "-" + attempt;
			PeakMemoryPoller fresh = new PeakMemoryPoller(name, this.rss::get);
			try {
				fresh.runPeriodically(() -> {
				}, Duration.ofHours(1));
				fresh.start(Duration.ofHours(1));
				await().until(() -> fresh.readings() >= 1);
				awaitParkedForTheNextHour(fresh, name);
				assertThat(fresh.readings()).as("readings after attempt %d", attempt).isEqualTo(1);
			}
			finally {
				fresh.stop();
			}
		}
	}

	@Test
	void stopEndsTheThreadAndAStartAfterwardsBeginsANewOne() {
		this.poller.start(ONE_MS);
		Thread first = pollerThread();
		this.poller.stop();
		assertThat(this.poller.interval()).isEqualTo(Duration.ZERO);
		await().until(() -> !first.isAlive());
		assertThat(this.poller.isRunning()).isFalse();
		this.poller.start(ONE_MS);
		assertThat(this.poller.isRunning()).isTrue();
		assertThat(pollerThread()).isNotSameAs(first);
		assertThat(pollerThreads()).isEqualTo(1);
	}

	@Test
	void aPeriodicTaskRunsOnThePollerThread() {
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		AtomicInteger runs = new AtomicInteger();
		this.poller.runPeriodically(() -> {
			ranOn.set(Thread.currentThread());
			runs.incrementAndGet();
		}, ONE_MS);
		await().until(() -> runs.get() >= 3);
		assertThat(ranOn.get().getName()).isEqualTo(this.threadName);
		assertThat(this.poller.readings()).isZero();
	}

	@Test
	void severalTasksRunAndACancelledOneStops() {
		AtomicInteger first = new AtomicInteger();
		AtomicInteger second = new AtomicInteger();
		Runnable firstTask = first::incrementAndGet;
		this.poller.runPeriodically(firstTask, ONE_MS);
		this.poller.runPeriodically(second::incrementAndGet, ONE_MS);
		this.poller.runPeriodically(firstTask, Duration.ofMillis(2));
		await().until(() -> first.get() >= 3 && second.get() >= 3);
		this.poller.cancel(firstTask);
		int cancelledAt = first.get();
		int secondAt = second.get();
		await().until(() -> second.get() >= secondAt + 3);
		assertThat(first.get()).isLessThanOrEqualTo(cancelledAt + 1);
		assertThat(pollerThreads()).isEqualTo(1);
	}

	@Test
	void failingReadingsAndTasksDoNotStopThePoller() {
		AtomicInteger calls = new AtomicInteger();
		PeakMemoryPoller failing = new PeakMemoryPoller(this.threadName, () -> {
			calls.incrementAndGet();
			throw new IllegalStateException("no RSS here");
		});
		try {
			failing.start(ONE_MS);
			failing.runPeriodically(() -> {
				throw new IllegalStateException("no GPU here");
			}, ONE_MS);
			await().until(() -> calls.get() >= 3);
			assertThat(failing.isRunning()).isTrue();
			assertThat(failing.takePeak()).isZero();
		}
		finally {
			failing.stop();
		}
	}

	@Test
	void intervalsShorterThanOneMillisecondAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.poller.start(Duration.ofNanos(10)))
			.withMessageContaining("at least 1 ms");
		assertThatIllegalArgumentException().isThrownBy(() -> this.poller.start(null))
			.withMessageContaining("at least 1 ms");
		assertThatIllegalArgumentException().isThrownBy(() -> this.poller.runPeriodically(() -> {
		}, Duration.ZERO)).withMessageContaining("at least 1 ms");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void twoHundredTouchedMegabytesShowInThePeak() {
		RssReader reader = RssReader.create();
		PeakMemoryPoller real = new PeakMemoryPoller(this.threadName, reader::read);
		try {
			RssReaderTests.settle(reader);
			long before = reader.read();
			real.start(ONE_MS);
			ByteBuffer ballast = RssReaderTests.touch(200);
			real.takePeak();
			await().until(() -> real.takePeak() >= before + 190 * MIB);
			Reference.reachabilityFence(ballast);
		}
		finally {
			real.stop();
		}
	}

	private void setAndAwaitReading(long value) {
		this.rss.set(value);
		awaitReadings(2);
	}

	private void awaitReadings(int more) {
		long target = this.poller.readings() + more;
		await().until(() -> this.poller.readings() >= target);
	}

	// parked with its blocker set, twice in a row: past any wake-up still pending
	private static void awaitParkedForTheNextHour(PeakMemoryPoller poller, String name) {
		Thread thread = threadNamed(name);
		await().until(() -> isParkedBy(thread, poller) && isParkedBy(thread, poller));
	}

	private static boolean isParkedBy(Thread thread, PeakMemoryPoller poller) {
		return thread.getState() == Thread.State.TIMED_WAITING && LockSupport.getBlocker(thread) == poller;
	}

	private Thread pollerThread() {
		return threadNamed(this.threadName);
	}

	private static Thread threadNamed(String name) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private long pollerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(this.threadName) && thread.isAlive())
			.count();
	}

}
