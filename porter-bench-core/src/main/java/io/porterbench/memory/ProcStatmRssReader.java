package io.porterbench.memory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import oshi.software.os.linux.LinuxOperatingSystem;

/**
 * Reads the RSS on Linux from {@code /proc/self/statm} (resident pages times the page
 * size) through one open file and one reused buffer, so that a read allocates nothing.
 *
 * <p>
 * A {@link RandomAccessFile} rather than a {@code FileChannel}: an interrupted caller
 * would close a shared channel for every thread, while a plain read ignores interrupts.
 */
final class ProcStatmRssReader implements RssReader {

	static final String STATM = "/proc/self/statm";

	static final String SMAPS = "/proc/self/smaps";

	private static final Logger logger = LoggerFactory.getLogger(ProcStatmRssReader.class);

	private final RandomAccessFile file;

	private final long pageSize;

	private final byte[] buffer = new byte[128];

	private final Supplier<RssReader> fallbackFactory;

	private volatile RssReader fallback;

	ProcStatmRssReader(RandomAccessFile file, long pageSize, Supplier<RssReader> fallbackFactory) {
		this.file = file;
		this.pageSize = pageSize;
		this.fallbackFactory = fallbackFactory;
	}

	static ProcStatmRssReader openIfLinux() {
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
				|| !new File(STATM).canRead()) {
			return null;
		}
		try {
			long pageSize = pageSize();
			ProcStatmRssReader reader = new ProcStatmRssReader(new RandomAccessFile(STATM, "r"), pageSize,
					RssReader::oshi);
			return (pageSize > 0 && reader.readStatm() > 0) ? reader : null;
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			logger.debug("Cannot read {}, using OSHI for the resident set size", STATM, ex);
			return null;
		}
	}

	/**
	 * The kernel's base page size, from the first {@code KernelPageSize} line of
	 * {@code /proc/self/smaps} (only the first mapping is generated), else from OSHI,
	 * whose first use costs hundreds of milliseconds.
	 */
	static long pageSize() {
		try (BufferedReader smaps = Files.newBufferedReader(Path.of(SMAPS), StandardCharsets.US_ASCII)) {
			for (String line = smaps.readLine(); line != null; line = smaps.readLine()) {
				if (line.startsWith("KernelPageSize:")) {
					return kilobytes(line) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot read the page size from {}, asking OSHI", SMAPS, ex);
		}
		return LinuxOperatingSystem.getPageSize();
	}

	static long kilobytes(String line) {
		String value = line.substring(line.indexOf(':') + 1).strip();
		if (!value.endsWith(" kB")) {
			throw new IllegalStateException("Unexpected line in " + SMAPS + ": " + line);
		}
		return Long.parseLong(value.substring(0, value.length() - 3).strip());
	}

	@Override
	public long read() {
		RssReader fallback = this.fallback;
		if (fallback == null) {
			try {
				return readStatm();
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Reading {} failed, using OSHI for the resident set size from now on", STATM, ex);
				fallback = switchToFallback();
			}
		}
		return fallback.read();
	}

	private synchronized RssReader switchToFallback() {
		if (this.fallback == null) {
			this.fallback = this.fallbackFactory.get();
		}
		return this.fallback;
	}

	private long readStatm() throws IOException {
		synchronized (this.buffer) {
			this.file.seek(0);
			int length = this.file.read(this.buffer);
			return residentPages(this.buffer, length) * this.pageSize;
		}
	}

	/**
	 * The second field of a statm line ({@code size resident shared text lib data dt}).
	 */
	static long residentPages(byte[] line, int length) {
		int i = 0;
		while (i < length && line[i] != ' ') {
			i++;
		}
		while (i < length && line[i] == ' ') {
			i++;
		}
		long pages = 0;
		int digits = 0;
		for (; i < length && line[i] >= '0' && line[i] <= '9'; i++, digits++) {
			pages = pages * 10 + (line[i] - '0');
		}
		if (digits == 0) {
			throw new IllegalStateException("Unexpected content of " + STATM);
		}
		return pages;
	}

}
