package io.porterbench.memory;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads the RSS through one reused OSHI {@link OSProcess}, refreshed on every read.
 */
final class OshiRssReader implements RssReader {

	private final OSProcess process;

	OshiRssReader() {
		OperatingSystem os = new SystemInfo().getOperatingSystem();
		this.process = os.getProcess(os.getProcessId());
	}

	@Override
	public long read() {
		if (this.process == null) {
			return 0;
		}
		// OSProcess caches its attributes and is not thread-safe
		synchronized (this.process) {
			this.process.updateAttributes();
			return this.process.getResidentSetSize();
		}
	}

}
