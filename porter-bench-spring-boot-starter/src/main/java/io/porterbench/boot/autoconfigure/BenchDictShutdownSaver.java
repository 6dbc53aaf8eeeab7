package io.porterbench.boot.autoconfigure;

import java.nio.file.Path;

import io.porterbench.BenchDict;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Saves every benchmarker of a {@link BenchDict} when the application context closes (a
 * graceful shutdown). It depends on the {@code BenchDict} bean, so it runs before that
 * bean is closed.
 */
public final class BenchDictShutdownSaver implements DisposableBean {

	private static final Log logger = LogFactory.getLog(BenchDictShutdownSaver.class);

	private final BenchDict benchDict;

	/**
	 * A saver for the given registry.
	 * @param benchDict the registry to save on shutdown
	 */
	public BenchDictShutdownSaver(BenchDict benchDict) {
		this.benchDict = benchDict;
	}

	@Override
	public void destroy() {
		// A failed save must not stop the rest of the shutdown: the data is reported,
		// never thrown.
		try {
			int count = this.benchDict.names().size();
			Path run = this.benchDict.save();
			if (count > 0) {
				logger.info("porter-bench saved " + count + " benchmarker(s) to " + run);
			}
		}
		catch (RuntimeException ex) {
			logger.error("porter-bench could not save its run files on shutdown", ex);
		}
	}

}
