package io.porterbench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Atomic file writes, small ones on the caller's thread and large ones through the
 * background writer.
 */
class AtomicFilesTests {

	@TempDir
	Path folder;

	@Test
	void aSmallFileIsWrittenWhole() throws IOException {
		Path target = this.folder.resolve("small.json");
		AtomicFiles.write(target, (out) -> out.write("[]".getBytes(StandardCharsets.US_ASCII)));
		assertThat(target).hasContent("[]");
		assertThat(this.folder).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void aLargeFileWrittenInPiecesOfEverySizeArrivesInOrder() throws IOException {
		byte[] expected = new byte[40 << 20];
		new SplittableRandom(3).nextBytes(expected);
		Path target = this.folder.resolve("large.bin");
		AtomicFiles.write(target, (out) -> {
			SplittableRandom sizes = new SplittableRandom(5);
			int at = 0;
			while (at < expected.length) {
				int length = Math.min(expected.length - at, sizes.nextInt(3) == 0 ? 1 : sizes.nextInt(3 << 20));
				if (length == 1) {
					out.write(expected[at]);
				}
				else {
					out.write(expected, at, length);
				}
				at += length;
			}
		});
		assertThat(Arrays.equals(Files.readAllBytes(target), expected)).isTrue();
		assertThat(this.folder).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void aLargeFileWhoseContentFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
		Path target = this.folder.resolve("kept.json");
		Files.writeString(target, "old");
		assertThatIOException().isThrownBy(() -> AtomicFiles.write(target, (out) -> {
			out.write(new byte[5 << 20]);
			throw new IOException("content failed");
		})).withMessage("content failed");
		assertThat(target).hasContent("old");
		assertThat(this.folder).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void aDerivedFileReplacesTheOldOneWholeOrNotAtAll() throws IOException {
		Path target = this.folder.resolve("derived.index");
		Files.writeString(target, "old");
		byte[] large = new byte[20 << 20];
		new SplittableRandom(7).nextBytes(large);
		AtomicFiles.writeDerived(target, (out) -> out.write(large));
		assertThat(Files.readAllBytes(target)).isEqualTo(large);
		assertThatIOException().isThrownBy(() -> AtomicFiles.writeDerived(target, (out) -> {
			out.write(new byte[5 << 20]);
			throw new IOException("content failed");
		})).withMessage("content failed");
		assertThat(Files.readAllBytes(target)).isEqualTo(large);
		assertThat(this.folder).isDirectoryNotContaining("glob:**.tmp");
	}

}
