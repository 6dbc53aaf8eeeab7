package io.porterbench.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AutoSaver}.
 */
class AutoSaverTests {

	private final AutoSaver saver = new AutoSaver();

	private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

	private Thread.UncaughtExceptionHandler previousHandler;

	@BeforeEach
	void captureUncaughtThrowables() {
		this.previousHandler = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> this.uncaught.add(ex));
	}

	@AfterEach
	void restoreHandler() {
		this.saver.close();
		Thread.setDefaultUncaughtExceptionHandler(this.previousHandler);
	}

	@Test
	void anExceptionOfATaskIsLoggedAndTheWriterGoesOn() {
		AtomicInteger runs = new AtomicInteger();
		this.saver.request(() -> {
			throw new IllegalStateException("disk full");
		});
		this.saver.request(runs::incrementAndGet);
		await().dontCatchUncaughtExceptions().until(() -> runs.get() == 1);
		this.saver.close();
		assertThat(this.uncaught).isEmpty();
	}

	@Test
	void anErrorOfATaskIsNotSwallowedButReachesTheUncaughtExceptionHandler() {
		StackOverflowError error = new StackOverflowError("deep");
		this.saver.request(() -> {
			throw error;
		});
		await().dontCatchUncaughtExceptions().until(() -> !this.uncaught.isEmpty());
		assertThat(this.uncaught).containsExactly(error);
	}

	@Test
	void tasksQueuedBehindAnErrorStillRun() {
		AtomicInteger runs = new AtomicInteger();
		Runnable counted = runs::incrementAndGet;
		this.saver.request(() -> {
			throw new LinkageError("simulated");
		});
		this.saver.request(counted);
		await().dontCatchUncaughtExceptions().until(() -> runs.get() == 1);
		assertThat(this.uncaught).singleElement().isInstanceOf(LinkageError.class);
		assertThat(this.saver.isPending(counted)).isFalse();
	}

}
