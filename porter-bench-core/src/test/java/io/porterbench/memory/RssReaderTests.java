package io.porterbench.memory;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.software.os.linux.LinuxOperatingSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RssReader} and its two implementations.
 */
class RssReaderTests {

	private static final Logger logger = LoggerFactory.getLogger(RssReaderTests.class);

	private static final long MIB = 1024 * 1024;

	@Test
	@EnabledOnOs(OS.LINUX)
	void createPicksTheStatmReaderOnLinux() {
		assertThat(RssReader.create()).isInstanceOf(ProcStatmRssReader.class);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void statmReaderAgreesWithVmRssWithinFivePercent() {
		assertAgreesWithVmRss(RssReader.create());
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void oshiReaderAgreesWithVmRssWithinFivePercent() {
		assertAgreesWithVmRss(RssReader.oshi());
	}

	private static void assertAgreesWithVmRss(RssReader reader) {
		long before = ProcStatus.vmRssBytes();
		long read = reader.read();
		long after = ProcStatus.vmRssBytes();
		double expected = (before + after) / 2.0;
		assertThat((double) read).isCloseTo(expected, within(expected * 0.05));
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void statmReaderSeesTwoHundredTouchedMegabytes() {
		RssReader reader = RssReader.create();
		settle(reader);
		long before = reader.read();
		ByteBuffer ballast = touch(200);
		long after = reader.read();
		assertThat(after - before).isGreaterThanOrEqualTo(190 * MIB);
		assertThat(ballast.capacity()).isEqualTo(200 * MIB);
	}

	/**
	 * Brings the resident size to rest before a "before" reading, so that memory freed by
	 * earlier tests cannot leave the process between it and the reading after: direct
	 * buffers left unreachable go only once a GC has found them and their cleaners have
	 * run, and since JDK 17 G1 hands heap it shrank after a full GC back to the OS
	 * concurrently.
	 * @param reader the reader the test uses
	 */
	static void settle(RssReader reader) {
		releaseUnreachableDirectBuffers();
		AtomicLong last = new AtomicLong(reader.read());
		await().pollInterval(Duration.ofMillis(200))
			.until(() -> Math.abs(reader.read() - last.getAndSet(reader.read())) < 2 * MIB);
	}

	private static void releaseUnreachableDirectBuffers() {
		BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.findFirst()
			.orElseThrow();
		await().until(() -> {
			System.gc();
			return direct.getMemoryUsed() < 64 * MIB;
		});
	}

	static ByteBuffer touch(int mebibytes) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(mebibytes * (int) MIB);
		for (int i = 0; i < buffer.capacity(); i += 4096) {
			buffer.put(i, (byte) 1);
		}
		return buffer;
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void statmReaderKeepsWorkingForAnInterruptedCaller() {
		RssReader reader = RssReader.create();
		Thread.currentThread().interrupt();
		try {
			assertThat(reader.read()).isPositive();
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(reader.read()).isPositive();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void pageSizeFromSmapsIsTheKernelsPageSize() {
		assertThat(ProcStatmRssReader.pageSize()).isEqualTo(LinuxOperatingSystem.getPageSize());
	}

	@Test
	void kilobytesReadsAnSmapsLine() {
		assertThat(ProcStatmRssReader.kilobytes("KernelPageSize:        4 kB")).isEqualTo(4);
		assertThatIllegalStateException().isThrownBy(() -> ProcStatmRssReader.kilobytes("KernelPageSize: 4"))
			.withMessageContaining("/proc/self/smaps");
	}

	@Test
	void residentPagesIsTheSecondFieldOfTheStatmLine() {
		byte[] line = "2243257 10133 5162 1 0 123782 0\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(ProcStatmRssReader.residentPages(line, line.length)).isEqualTo(10133);
	}

	@Test
	void residentPagesRejectsALineWithoutASecondField() {
		byte[] line = "2243257\n".getBytes(StandardCharsets.US_ASCII);
		assertThatIllegalStateException().isThrownBy(() -> ProcStatmRssReader.residentPages(line, line.length))
			.withMessageContaining("/proc/self/statm");
	}

	@Test
	void readersCostPerSampleIsLogged() {
		RssReader fast = RssReader.create();
		RssReader oshi = RssReader.oshi();
		long fastNanos = nanosPerRead(fast, 20_000);
		long oshiNanos = nanosPerRead(oshi, 500);
		logger.info("RSS read cost: {} {} ns/read, OSHI {} ns/read", fast.getClass().getSimpleName(), fastNanos,
				oshiNanos);
		assertThat(fastNanos).isPositive();
		assertThat(oshiNanos).isPositive();
	}

	private static long nanosPerRead(RssReader reader, int reads) {
		long sum = 0;
		for (int i = 0; i < reads; i++) {
			sum += reader.read();
		}
		long start = System.nanoTime();
		for (int i = 0; i < reads; i++) {
			sum += reader.read();
		}
		long elapsed = System.nanoTime() - start;
		assertThat(sum).isPositive();
		return Math.max(1, elapsed / reads);
	}

}
