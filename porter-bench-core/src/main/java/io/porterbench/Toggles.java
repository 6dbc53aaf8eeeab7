package io.porterbench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eight on/off flags given as a binary string, by default from the {@code TICTOC_TOGGLES}
 * environment variable. The library never reads them itself; they are for the user's
 * code, e.g. to switch optional measurements on.
 *
 * <pre>{@code
 * // TICTOC_TOGGLES=101
 * Toggles toggles = Toggles.fromEnvironment();
 * toggles.get(0); // true: index 0 is the rightmost character
 * toggles.get(1); // false
 * toggles.get(2); // true
 * }</pre>
 *
 * <p>
 * Rules: surrounding whitespace is ignored; a shorter value is padded with zeros on the
 * left; a longer one keeps its low 8 bits (the rightmost 8 characters). Only the digits
 * {@code 0} and {@code 1} are accepted: the forms Python's {@code int(value, 2)} also
 * took ({@code 0b} prefix, underscores, a sign) and an empty value are refused.
 * Immutable.
 */
public final class Toggles {

	/** The environment variable read by {@link #fromEnvironment()}. */
	public static final String ENVIRONMENT_VARIABLE = "TICTOC_TOGGLES";

	/** The number of toggles. */
	public static final int SIZE = 8;

	private static final Logger logger = LoggerFactory.getLogger(Toggles.class);

	private static final Toggles NONE = new Toggles(0);

	private final int bits;

	private Toggles(int bits) {
		this.bits = bits;
	}

	/**
	 * Parses a binary string.
	 * @param value the digits, e.g. {@code "00000101"}
	 * @return the toggles
	 * @throws IllegalArgumentException if the value is null, empty, or holds anything but
	 * {@code 0} and {@code 1} (once surrounding whitespace is removed)
	 */
	public static Toggles parse(String value) {
		if (value == null) {
			throw new IllegalArgumentException("Toggles must be a binary string such as 00000101, got null");
		}
		String digits = value.strip();
		if (digits.isEmpty() || !digits.chars().allMatch((c) -> c == '0' || c == '1')) {
			throw new IllegalArgumentException("Toggles value '" + printable(value)
					+ "' is not allowed: only the digits 0 and 1 are, such as 00000101 (no 0b prefix, sign or '_')");
		}
		int bits = 0;
		int low = Math.max(0, digits.length() - SIZE);
		for (int i = low; i < digits.length(); i++) {
			bits = (bits << 1) | (digits.charAt(i) - '0');
		}
		return new Toggles(bits);
	}

	/**
	 * The toggles of the {@code TICTOC_TOGGLES} environment variable, read once per JVM
	 * (the environment cannot change) and logged once as {@code Active toggles: [...]}.
	 * Never throws: when the variable is unset every toggle is off, and when it is not
	 * binary a warning is logged and every toggle is off.
	 * @return the toggles
	 */
	public static Toggles fromEnvironment() {
		return EnvironmentHolder.TOGGLES;
	}

	/**
	 * Reads a value as {@link #fromEnvironment()} does.
	 * @param value the variable's value, or {@code null} when unset
	 * @return the toggles, all off when unset or invalid
	 */
	static Toggles fromValue(String value) {
		if (value == null) {
			return NONE;
		}
		try {
			return parse(value);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Ignoring {}: {}; every toggle is off", ENVIRONMENT_VARIABLE, ex.getMessage());
			return NONE;
		}
	}

	/**
	 * One toggle.
	 * @param index 0 to 7; 0 is the rightmost character of the value
	 * @return whether it is on
	 * @throws IllegalArgumentException if the index is outside 0 to 7
	 */
	public boolean get(int index) {
		if (index < 0 || index >= SIZE) {
			throw new IllegalArgumentException("A toggle index is 0 to " + (SIZE - 1) + ", got " + index);
		}
		return ((this.bits >> index) & 1) == 1;
	}

	/**
	 * All toggles.
	 * @return 8 values, element {@code i} being {@link #get(int) get(i)}; unmodifiable
	 */
	public List<Boolean> asList() {
		List<Boolean> list = new ArrayList<>(SIZE);
		for (int i = 0; i < SIZE; i++) {
			list.add(get(i));
		}
		return Collections.unmodifiableList(list);
	}

	/**
	 * The toggles as 8 binary digits, toggle 0 rightmost, as they would be written in
	 * {@code TICTOC_TOGGLES}.
	 * @return e.g. {@code "00000101"}
	 */
	public String toBinaryString() {
		String digits = Integer.toBinaryString(this.bits);
		return "0".repeat(SIZE - digits.length()) + digits;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Toggles toggles) && toggles.bits == this.bits;
	}

	@Override
	public int hashCode() {
		return this.bits;
	}

	@Override
	public String toString() {
		return "Toggles[" + toBinaryString() + "]";
	}

	private static String printable(String value) {
		String shown = value.replaceAll("\\p{Cntrl}", "?");
		return (shown.length() <= 40) ? shown : shown.substring(0, 40) + "...";
	}

	/**
	 * Reads the environment on first use only, so a bad value costs one warning, never a
	 * failed class load.
	 */
	private static final class EnvironmentHolder {

		static final Toggles TOGGLES = load();

		private static Toggles load() {
			Toggles toggles;
			try {
				toggles = fromValue(System.getenv(ENVIRONMENT_VARIABLE));
			}
			catch (SecurityException ex) {
				logger.warn("Cannot read {}: {}; every toggle is off", ENVIRONMENT_VARIABLE, ex.getMessage());
				toggles = NONE;
			}
			logger.info("Active toggles: {}", toggles.asList());
			return toggles;
		}

	}

}
