package io.porterbench;

import java.util.Locale;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The default locales the golden-file tests write under: none, one with a decimal point
 * and one with a decimal comma, which the run files must not follow. Use it with
 * {@code @EnumSource(GoldenLocale.class)} and
 * {@code @ExtendWith(GoldenLocale.Restore.class)}.
 */
public enum GoldenLocale {

	/** {@link Locale#ROOT}. */
	ROOT(Locale.ROOT),

	/** {@link Locale#US}: a decimal point. */
	US(Locale.US),

	/** {@link Locale#GERMANY}: a decimal comma. */
	GERMANY(Locale.GERMANY);

	private final Locale locale;

	GoldenLocale(Locale locale) {
		this.locale = locale;
	}

	/**
	 * Makes this the JVM's default locale; {@link Restore} puts the previous one back
	 * after the test.
	 */
	public void setAsDefault() {
		Locale.setDefault(this.locale);
	}

	/**
	 * Puts back, after each test, the default locale that was set before it.
	 */
	public static final class Restore implements BeforeEachCallback, AfterEachCallback {

		private static final Namespace NAMESPACE = Namespace.create(Restore.class);

		@Override
		public void beforeEach(ExtensionContext context) {
			context.getStore(NAMESPACE).put(Locale.class, Locale.getDefault());
		}

		@Override
		public void afterEach(ExtensionContext context) {
			Locale.setDefault(context.getStore(NAMESPACE).get(Locale.class, Locale.class));
		}

	}

}
