package io.porterbench.demo.load;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in load generator ({@code demo.load.*}).
 *
 * @param enabled whether to post orders to the application itself once its web server is
 * up
 * @param requests how many orders to post in all
 * @param duration over how long to spread them, evenly; 0 posts them as fast as the
 * concurrency allows
 * @param concurrency how many requests may be in flight at once, 1 to 64
 */
@ConfigurationProperties("demo.load")
public record LoadProperties(@DefaultValue("true") boolean enabled, @DefaultValue("300") int requests,
		@DefaultValue("10s") Duration duration, @DefaultValue("4") int concurrency) {

	/** The most requests in flight the generator allows. */
	public static final int MAX_CONCURRENCY = 64;

	/**
	 * Checks the settings.
	 * @throws IllegalArgumentException naming what is allowed, when a setting is out of
	 * range
	 */
	public LoadProperties {
		if (requests < 0) {
			throw new IllegalArgumentException("demo.load.requests must be 0 or more; was " + requests);
		}
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException(
					"demo.load.duration must be 0 or more, for example 10s; was " + duration);
		}
		if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new IllegalArgumentException(
					"demo.load.concurrency must be 1 to " + MAX_CONCURRENCY + "; was " + concurrency);
		}
	}

}
