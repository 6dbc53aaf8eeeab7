package io.porterbench.boot.aop;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;

/**
 * Reports the advisor's own failures without flooding the log: the first at WARN with its
 * stack trace, later ones at DEBUG only.
 */
final class FailureLog {

	private final Log logger;

	private final AtomicBoolean warned = new AtomicBoolean();

	FailureLog(Log logger) {
		this.logger = logger;
	}

	void failed(Object subject, RuntimeException ex) {
		if (this.warned.compareAndSet(false, true)) {
			this.logger.warn("porter-bench could not measure " + subject + "; the call itself ran unchanged. "
					+ "Further porter-bench failures are logged at DEBUG level", ex);
		}
		else if (this.logger.isDebugEnabled()) {
			this.logger.debug("porter-bench could not measure " + subject, ex);
		}
	}

}
