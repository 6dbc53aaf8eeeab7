package io.porterbench.demo.load;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoadPropertiesTests {

	@Test
	void defaultsPostAFewHundredOrdersOverTheFirstSeconds() {
		LoadProperties properties = bind(Map.of());
		assertThat(properties).isEqualTo(new LoadProperties(true, 300, Duration.ofSeconds(10), 4));
	}

	@Test
	void everySettingBinds() {
		LoadProperties properties = bind(Map.of("demo.load.enabled", "false", "demo.load.requests", "30",
				"demo.load.duration", "1s", "demo.load.concurrency", "2"));
		assertThat(properties).isEqualTo(new LoadProperties(false, 30, Duration.ofSeconds(1), 2));
	}

	@Test
	void outOfRangeSettingsNameWhatIsAllowed() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new LoadProperties(true, -1, Duration.ZERO, 1))
			.withMessage("demo.load.requests must be 0 or more; was -1");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new LoadProperties(true, 1, Duration.ofSeconds(-1), 1))
			.withMessageStartingWith("demo.load.duration must be 0 or more");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new LoadProperties(true, 1, Duration.ZERO, 0))
			.withMessage("demo.load.concurrency must be 1 to 64; was 0");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new LoadProperties(true, 1, Duration.ZERO, 65))
			.withMessage("demo.load.concurrency must be 1 to 64; was 65");
	}

	@Test
	void badValueFailsTheBindingWithTheReason() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("demo.load.concurrency", "0")))
			.withRootCauseInstanceOf(IllegalArgumentException.class)
			.satisfies((ex) -> assertThat(ex).rootCause().hasMessageContaining("1 to 64"));
	}

	private static LoadProperties bind(Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		return binder.bindOrCreate("demo.load", Bindable.of(LoadProperties.class));
	}

}
