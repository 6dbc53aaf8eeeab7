package io.porterbench.boot.observation;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;

/**
 * Reports failures of the Observation handlers without flooding the log: the first at
 * WARN with its stack trace, later ones at DEBUG only.
 */
final class ObservationFailureLog {

	private final Log logger;

	private final AtomicBoolean warned = new AtomicBoolean();

	ObservationFailureLog(Log logger) {
		this.logger = logger;
	}

	void failed(String subject, RuntimeException ex) {
		if (this.warned.compareAndSet(false, true)) {
			this.logger.warn("porter-bench could not observe " + subject + " (an Observation handler failed); the "
					+ "call and its porter-bench step ran unchanged. Further failures are logged at DEBUG level", ex);
		}
		else if (this.logger.isDebugEnabled()) {
			this.logger.debug("porter-bench could not observe " + subject, ex);
		}
	}

}
