package io.porterbench.record;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Passes bytes through and fails at the first one that breaks UTF-8 (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF). Jackson alone reports such
 * bytes inconsistently, sometimes as an unexpected end of input, so the loader checks the
 * encoding as the parser reads.
 */
final class Utf8CheckingInputStream extends FilterInputStream {

	private long offset;

	private int pending;

	private int lowerBound = 0x80;

	private int upperBound = 0xBF;

	private int lead;

	private long leadOffset;

	Utf8CheckingInputStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			check((byte) b, this.offset);
			this.offset++;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int from, int length) throws IOException {
		int count = super.read(buffer, from, length);
		int end = from + count;
		int i = from;
		while (i < end) {
			if (this.pending == 0) {
				// JSON is mostly ASCII: skip runs of it without the state machine.
				while (i < end && buffer[i] >= 0) {
					i++;
				}
				if (i == end) {
					break;
				}
			}
			check(buffer[i], this.offset + (i - from));
			i++;
		}
		this.offset += Math.max(count, 0);
		return count;
	}

	@Override
	public long skip(long n) throws IOException {
		// Skipped bytes must be checked too, so skipping reads.
		byte[] buffer = new byte[(int) Math.min(n, 8192)];
		int count = read(buffer, 0, buffer.length);
		return Math.max(count, 0);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void check(byte value, long position) throws MalformedUtf8Exception {
		int b = value & 0xFF;
		if (this.pending == 0) {
			if (b >= 0x80) {
				lead(b, position);
			}
		}
		else if (b < this.lowerBound || b > this.upperBound) {
			throw new MalformedUtf8Exception(String.format(Locale.ROOT,
					"is not valid UTF-8: the character starting with byte 0x%02X at offset %d is broken by byte 0x%02X",
					this.lead, this.leadOffset, b));
		}
		else {
			this.pending--;
			this.lowerBound = 0x80;
			this.upperBound = 0xBF;
		}
	}

	private void lead(int b, long position) throws MalformedUtf8Exception {
		this.lead = b;
		this.leadOffset = position;
		if (b >= 0xC2 && b <= 0xDF) {
			this.pending = 1;
		}
		else if (b >= 0xE0 && b <= 0xEF) {
			this.pending = 2;
			this.lowerBound = (b == 0xE0) ? 0xA0 : 0x80;
			this.upperBound = (b == 0xED) ? 0x9F : 0xBF;
		}
		else if (b >= 0xF0 && b <= 0xF4) {
			this.pending = 3;
			this.lowerBound = (b == 0xF0) ? 0x90 : 0x80;
			this.upperBound = (b == 0xF4) ? 0x8F : 0xBF;
		}
		else {
			throw new MalformedUtf8Exception(String.format(Locale.ROOT,
					"is not valid UTF-8: byte 0x%02X at offset %d cannot start a character", b, position));
		}
	}

	/** The input is not UTF-8; the message says where. */
	static final class MalformedUtf8Exception extends IOException {

		private static final long serialVersionUID = 1L;

		MalformedUtf8Exception(String message) {
			super(message);
		}

	}

}
