package io.porterbench.memory;

/**
 * Reads the resident set size (RSS) of the running process.
 *
 * <p>
 * {@link #create()} picks the cheapest reader the platform has: on Linux
 * {@code /proc/self/statm} (about 1 us per read), elsewhere OSHI (about 170 us per read
 * on Linux, which is why it is only the fallback).
 */
@FunctionalInterface
public interface RssReader {

	/**
	 * The resident set size now. Never throws; a reader that cannot read returns 0.
	 * @return bytes of physical memory held by the process
	 */
	long read();

	/**
	 * The cheapest reader of this platform.
	 * @return a {@code /proc/self/statm} reader on Linux, an OSHI reader elsewhere
	 */
	static RssReader create() {
		RssReader statm = ProcStatmRssReader.openIfLinux();
		return (statm != null) ? statm : oshi();
	}

	/**
	 * A reader through OSHI, which works on Linux, macOS and Windows.
	 * @return a reader that reuses one OSHI process handle
	 */
	static RssReader oshi() {
		return new OshiRssReader();
	}

}
