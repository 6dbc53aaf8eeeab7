package io.porterbench.boot.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.porterbench.boot.autoconfigure.StepMeterType;

/**
 * Whether the application asks Micrometer, through Spring Boot's
 * {@code management.metrics.distribution.*} properties, for a distribution of
 * {@code porterbench.step}: percentiles, histogram buckets or SLOs, which only a
 * {@link StepMeterType#TIMER} can publish.
 *
 * <p>
 * Each property is looked up as Spring Boot's own meter filter looks it up: the most
 * specific key wins, from {@code porterbench.step} through {@code porterbench} to
 * {@code all}.
 */
final class StepDistributionSettings {

	private static final String PREFIX = "management.metrics.distribution.";

	private static final List<String> KEYS = List.of(BenchMetricNames.STEP, "porterbench", "all");

	private StepDistributionSettings() {
	}

	/**
	 * Reads the settings.
	 * @param environment the application's environment
	 * @return the property that asks for a distribution, or {@code null} when none does
	 */
	static @Nullable String requested(Environment environment) {
		Binder binder = Binder.get(environment);
		String histogram = mostSpecific(binder, "percentiles-histogram", Boolean.class);
		if (histogram != null) {
			return histogram;
		}
		String percentiles = mostSpecific(binder, "percentiles", String[].class);
		return (percentiles != null) ? percentiles : mostSpecific(binder, "slo", String[].class);
	}

	/**
	 * The name of the most specific property of a setting, when its value asks for a
	 * distribution.
	 */
	private static <T> @Nullable String mostSpecific(Binder binder, String setting, Class<T> type) {
		Map<String, T> values = binder.bind(PREFIX + setting, Bindable.mapOf(String.class, type))
			.orElse(Collections.emptyMap());
		for (String key : KEYS) {
			T value = values.get(key);
			if (value != null) {
				return asksForDistribution(value) ? PREFIX + setting + "." + key : null;
			}
		}
		return null;
	}

	/**
	 * Whether a value asks for a distribution: a histogram switched on, or at least one
	 * percentile or SLO. A method rather than a lambda per setting: this runs at every
	 * startup, where each lambda costs a class spun at its first use.
	 */
	private static boolean asksForDistribution(Object value) {
		return (value instanceof Boolean histogram) ? histogram : ((String[]) value).length > 0;
	}

}
