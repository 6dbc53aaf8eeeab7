package io.porterbench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever {@code TICTOC_TOGGLES} holds, reading it never throws: garbage turns every
 * toggle off with exactly one single-line warning, and binary digits with surrounding
 * whitespace parse to their low 8 bits.
 */
class TogglesHostileInputPropertyTests {

	private static final String WHITESPACE = " \t\n\r\u000b\f\u2003\u3000";

	@Provide
	Arbitrary<String> garbage() {
		Arbitrary<String> nearlyBinary = Combinators
			.combine(Arbitraries.strings().withChars("01").ofMinLength(0).ofMaxLength(12),
					Arbitraries.of("0b", "_", "+", "-", "2", " ", "１", "\u0000", "\u202e", "\ud800", "é", "0x",
							"\u0660"),
					Arbitraries.integers().between(0, 12))
			.as((digits, intruder, at) -> {
				int where = Math.min(at, digits.length());
				return digits.substring(0, where) + intruder + digits.substring(where);
			});
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
				Arbitraries.strings().withChars(WHITESPACE + "\u0000\u0007\u001b\u007f\u0085\u2028").ofMaxLength(50),
				Arbitraries.strings().all().ofMinLength(50_000).ofMaxLength(200_000), nearlyBinary,
				Arbitraries.just(""));
	}

	@Property(tries = 300)
	void garbageTurnsEveryToggleOffWithOneSingleLineWarning(@ForAll("garbage") String value) {
		Assume.that(!isBinary(value.strip()));
		Toggles[] read = new Toggles[1];
		String log = captureStandardError(() -> read[0] = Toggles.fromValue(value));
		assertThat(read[0].asList()).containsOnly(false).hasSize(Toggles.SIZE);
		assertThat(log).startsWith("[")
			.contains(" WARN ")
			.contains(Toggles.ENVIRONMENT_VARIABLE)
			.contains("every toggle is off")
			.doesNotContain("\r")
			.hasSizeLessThan(1_000);
		assertThat(log.indexOf('\n')).as("one line").isEqualTo(log.length() - 1);
	}

	@Provide
	Arbitrary<String> paddedBinary() {
		Arbitrary<String> padding = Arbitraries.strings().withChars(" \t\n\r\u000b\f\u2003").ofMaxLength(4);
		return Combinators
			.combine(padding, Arbitraries.strings().withChars("01").ofMinLength(1).ofMaxLength(64), padding)
			.as((before, digits, after) -> before + digits + after);
	}

	@Property(tries = 200)
	void binaryDigitsParseToTheirLowEightBitsWithoutAWarning(@ForAll("paddedBinary") String value) {
		String digits = value.strip();
		String low = digits.substring(Math.max(0, digits.length() - Toggles.SIZE));
		Toggles[] read = new Toggles[1];
		String log = captureStandardError(() -> read[0] = Toggles.fromValue(value));
		assertThat(log).isEmpty();
		for (int i = 0; i < Toggles.SIZE; i++) {
			boolean expected = i < low.length() && low.charAt(low.length() - 1 - i) == '1';
			assertThat(read[0].get(i)).as("toggle %d of '%s'", i, value).isEqualTo(expected);
		}
		assertThat(Toggles.parse(value)).isEqualTo(read[0]);
	}

	private static boolean isBinary(String value) {
		return !value.isEmpty() && value.chars().allMatch((c) -> c == '0' || c == '1');
	}

	private static String captureStandardError(Runnable action) {
		PrintStream previous = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setErr(previous);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

}
