package io.porterbench.internal.format;

import tools.jackson.core.JsonGenerator;

/**
 * Writes a duration of whole nanoseconds in seconds exactly as
 * {@code Double.toString(nanos / 1e9)} does, from the integer, without a floating-point
 * conversion.
 *
 * <p>
 * Below 10^15 ns the division is the double nearest to {@code nanos * 10^-9}, and that
 * decimal, at most fifteen significant digits, is the shortest that rounds to it; so its
 * digits are those of {@code nanos} with trailing zeros removed. Java's layout follows:
 * plain from 10^-3 to 10^7, {@code d.dddE-n} outside, at least one digit after the point.
 * Larger or negative values go through the generator's double formatter.
 *
 * <p>
 * One instance per file being written: it reuses its buffers.
 */
final class SecondsFormat {

	/** Room for the longest result. */
	static final int MAX_LENGTH = 24;

	private static final long LIMIT = 1_000_000_000_000_000L;

	private static final int NANOS_DIGITS = 9;

	private final char[] digits = new char[16];

	private final char[] text = new char[MAX_LENGTH];

	/**
	 * Writes the seconds of a duration as a JSON number.
	 * @param g the generator
	 * @param nanos the duration in nanoseconds
	 */
	void write(JsonGenerator g, long nanos) {
		int length = format(nanos, this.text);
		if (length < 0) {
			g.writeNumber(nanos / 1e9);
		}
		else {
			g.writeNumber(this.text, 0, length);
		}
	}

	/**
	 * Writes the seconds of a duration into a buffer.
	 * @param nanos the duration in nanoseconds
	 * @param buffer at least {@link #MAX_LENGTH} characters
	 * @return the number of characters written, or -1 when the value is negative or 10^15
	 * ns or more
	 */
	int format(long nanos, char[] buffer) {
		if (nanos < 0 || nanos >= LIMIT) {
			return -1;
		}
		if (nanos == 0) {
			buffer[0] = '0';
			buffer[1] = '.';
			buffer[2] = '0';
			return 3;
		}
		char[] digits = this.digits;
		int length = 0;
		for (long rest = nanos; rest > 0; rest /= 10) {
			digits[length++] = (char) ('0' + rest % 10);
		}
		// digits holds the decimal digits least significant first; the leading one has
		// exponent length - 1 - 9
		int exponent = length - 1 - NANOS_DIGITS;
		int low = 0;
		while (digits[low] == '0') {
			low++;
		}
		int significant = length - low;
		int at = 0;
		if (exponent >= -3 && exponent < 7) {
			if (exponent >= 0) {
				for (int i = 0; i <= exponent; i++) {
					buffer[at++] = (i < significant) ? digits[length - 1 - i] : '0';
				}
				buffer[at++] = '.';
				if (significant > exponent + 1) {
					for (int i = exponent + 1; i < significant; i++) {
						buffer[at++] = digits[length - 1 - i];
					}
				}
				else {
					buffer[at++] = '0';
				}
			}
			else {
				buffer[at++] = '0';
				buffer[at++] = '.';
				for (int i = -1; i > exponent; i--) {
					buffer[at++] = '0';
				}
				for (int i = 0; i < significant; i++) {
					buffer[at++] = digits[length - 1 - i];
				}
			}
			return at;
		}
		buffer[at++] = digits[length - 1];
		buffer[at++] = '.';
		if (significant > 1) {
			for (int i = 1; i < significant; i++) {
				buffer[at++] = digits[length - 1 - i];
			}
		}
		else {
			buffer[at++] = '0';
		}
		buffer[at++] = 'E';
		if (exponent < 0) {
			buffer[at++] = '-';
		}
		int magnitude = Math.abs(exponent);
		if (magnitude >= 10) {
			buffer[at++] = (char) ('0' + magnitude / 10);
		}
		buffer[at++] = (char) ('0' + magnitude % 10);
		return at;
	}

	/**
	 * Writes the seconds of a duration as ASCII bytes, the same text as
	 * {@link #format(long, char[])}, straight from the integer and fraction of the
	 * seconds: the DATA file writes one per call.
	 * @param nanos the duration in nanoseconds
	 * @param buffer where the text goes, with room for {@link #MAX_LENGTH} bytes from
	 * {@code at}
	 * @param at where the text starts
	 * @return where the text ends, or -1 when the value is negative or 10^15 ns or more
	 */
	static int formatAscii(long nanos, byte[] buffer, int at) {
		if (nanos < 0 || nanos >= LIMIT) {
			return -1;
		}
		if (nanos >= 1_000_000) {
			// 10^-3 s and more: plain, the integer seconds, a point, the nanoseconds
			// without trailing zeros
			long seconds = nanos / 1_000_000_000;
			int fraction = (int) (nanos - seconds * 1_000_000_000);
			at = writeDigits(seconds, buffer, at);
			buffer[at++] = '.';
			if (fraction == 0) {
				buffer[at++] = '0';
				return at;
			}
			int digits = NANOS_DIGITS;
			while (fraction % 10 == 0) {
				fraction /= 10;
				digits--;
			}
			for (int i = at + digits - 1; i >= at; i--) {
				buffer[i] = (byte) ('0' + fraction % 10);
				fraction /= 10;
			}
			return at + digits;
		}
		if (nanos == 0) {
			buffer[at++] = '0';
			buffer[at++] = '.';
			buffer[at++] = '0';
			return at;
		}
		// below 10^-3 s: d.dddE-n, with n from 4 to 9
		int value = (int) nanos;
		int length = 1;
		for (int rest = value / 10; rest > 0; rest /= 10) {
			length++;
		}
		int exponent = NANOS_DIGITS - (length - 1);
		while (value % 10 == 0) {
			value /= 10;
			length--;
		}
		int end = at + length + 1;
		for (int i = end - 1; i > at + 1; i--) {
			buffer[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		buffer[at] = (byte) ('0' + value);
		buffer[at + 1] = '.';
		if (length == 1) {
			buffer[end++] = '0';
		}
		buffer[end++] = 'E';
		buffer[end++] = '-';
		buffer[end++] = (byte) ('0' + exponent);
		return end;
	}

	private static int writeDigits(long value, byte[] buffer, int at) {
		int length = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			length++;
		}
		for (int i = at + length - 1; i >= at; i--) {
			buffer[i] = (byte) ('0' + (int) (value % 10));
			value /= 10;
		}
		return at + length;
	}

}
