package io.porterbench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Toggles}: the edge cases the original was measured with (spec section 1.1), and
 * where we are stricter.
 */
class TogglesTests {

	@Test
	void indexZeroIsTheRightmostCharacter() {
		Toggles toggles = Toggles.parse("00000101");
		assertThat(toggles.get(0)).isTrue();
		assertThat(toggles.get(1)).isFalse();
		assertThat(toggles.get(2)).isTrue();
		assertThat(toggles.asList()).containsExactly(true, false, true, false, false, false, false, false);
	}

	@Test
	void aShorterValueIsPaddedWithZeros() {
		assertThat(Toggles.parse("1").asList()).containsExactly(true, false, false, false, false, false, false, false);
		assertThat(Toggles.parse("10")).isEqualTo(Toggles.parse("00000010"));
	}

	@Test
	void aLongerValueKeepsItsLowEightBits() {
		assertThat(Toggles.parse("111111111").asList()).containsOnly(true).hasSize(8);
		assertThat(Toggles.parse("100000000").asList()).containsOnly(false).hasSize(8);
		assertThat(Toggles.parse("1010000000001")).isEqualTo(Toggles.parse("00000001"));
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		assertThat(Toggles.parse(" 101 ")).isEqualTo(Toggles.parse("101"));
		assertThat(Toggles.parse("\t11\n")).isEqualTo(Toggles.parse("11"));
	}

	@Test
	void allZerosIsAllOff() {
		assertThat(Toggles.parse("00000000").asList()).containsExactly(false, false, false, false, false, false, false,
				false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "abc", "", "   ", "0b101", "1_0", "+11", "-1", "1 0", "１０", "0x1" })
	void refusesAnythingButBinaryDigits(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> Toggles.parse(value))
			.withMessageContaining("'" + value + "'")
			.withMessageContaining("only the digits 0 and 1");
	}

	@Test
	void refusesNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> Toggles.parse(null)).withMessageContaining("null");
	}

	@Test
	void shortensAHugeValueInItsMessage() {
		String huge = "x".repeat(10_000);
		assertThatIllegalArgumentException().isThrownBy(() -> Toggles.parse(huge))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200));
	}

	@Test
	void refusesAnIndexOutsideZeroToSeven() {
		Toggles toggles = Toggles.parse("1");
		assertThatIllegalArgumentException().isThrownBy(() -> toggles.get(8)).withMessageContaining("0 to 7");
		assertThatIllegalArgumentException().isThrownBy(() -> toggles.get(-1)).withMessageContaining("0 to 7");
	}

	@Test
	void anUnsetVariableTurnsEverythingOff() {
		assertThat(Toggles.fromValue(null).asList()).containsOnly(false).hasSize(8);
	}

	@Test
	void anInvalidVariableTurnsEverythingOffInsteadOfFailing() {
		assertThat(Toggles.fromValue("0b101")).isEqualTo(Toggles.parse("0"));
		assertThat(Toggles.fromValue("")).isEqualTo(Toggles.parse("0"));
	}

	@Test
	void anInvalidVariableIsLoggedAsAWarningThatQuotesIt() {
		PrintStream previous = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			Toggles.fromValue("0b101");
		}
		finally {
			System.setErr(previous);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN")
			.contains("TICTOC_TOGGLES")
			.contains("'0b101'")
			.contains("every toggle is off");
	}

	@Test
	void aValidVariableIsParsed() {
		assertThat(Toggles.fromValue(" 110 ")).isEqualTo(Toggles.parse("110"));
	}

	@Test
	void fromEnvironmentReadsTicTocToggles() {
		assertThat(System.getenv(Toggles.ENVIRONMENT_VARIABLE)).as("set for the tests in porter-bench-core/pom.xml")
			.isEqualTo("00000101");
		assertThat(Toggles.fromEnvironment().asList()).containsExactly(true, false, true, false, false, false, false,
				false);
		assertThat(Toggles.fromEnvironment()).isSameAs(Toggles.fromEnvironment());
	}

	@Test
	void printsAsBinary() {
		assertThat(Toggles.parse("101")).hasToString("Toggles[00000101]");
		assertThat(Toggles.parse("11111111").toBinaryString()).isEqualTo("11111111");
	}

	@Test
	void theListIsUnmodifiable() {
		List<Boolean> list = Toggles.parse("1").asList();
		assertThat(list).isUnmodifiable();
	}

}
