package io.porterbench.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@link Utf8CheckingInputStream} agrees with the JDK's strict UTF-8 decoder.
 */
class Utf8CheckingInputStreamTests {

	@Property(tries = 2000)
	void passesEveryUtf8EncodedString(@ForAll String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		assertThat(readAll(bytes)).isEqualTo(bytes);
	}

	@Property(tries = 5000)
	void rejectsExactlyWhatTheStrictDecoderRejects(@ForAll @Size(max = 16) byte[] bytes) throws IOException {
		// A trailing ASCII byte turns a sequence cut off at the end into a broken one,
		// which both must reject.
		byte[] input = Arrays.copyOf(bytes, bytes.length + 1);
		input[bytes.length] = 'x';
		boolean valid = decodesStrictly(input);
		if (valid) {
			assertThat(readAll(input)).isEqualTo(input);
		}
		else {
			assertThatIOException().isThrownBy(() -> readAll(input))
				.isInstanceOf(Utf8CheckingInputStream.MalformedUtf8Exception.class)
				.withMessageStartingWith("is not valid UTF-8: ");
		}
	}

	@Property(tries = 200)
	void checksSingleByteReadsToo(@ForAll String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes))) {
			for (byte expected : bytes) {
				assertThat((byte) in.read()).isEqualTo(expected);
			}
			assertThat(in.read()).isEqualTo(-1);
		}
	}

	private static byte[] readAll(byte[] bytes) throws IOException {
		try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

	private static boolean decodesStrictly(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
