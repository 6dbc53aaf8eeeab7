package io.porterbench;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives every Awaitility wait of this module's tests a minute instead of Awaitility's 10
 * seconds: the waits are for background threads (the memory poller, the auto-saver),
 * which a loaded or shared build machine can hold up for seconds. A condition that never
 * holds still fails the test. Registered for every test class through JUnit's extension
 * auto-detection.
 */
public final class PatientAwaitility implements BeforeAllCallback {

	private static final Duration PATIENCE = Duration.ofMinutes(1);

	@Override
	public void beforeAll(ExtensionContext context) {
		Awaitility.setDefaultTimeout(PATIENCE);
	}

}
