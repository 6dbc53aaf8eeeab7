package io.porterbench.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader sees the old content or the new, never a part: the bytes go to a hidden temporary
 * file in the same folder, are forced to disk, and the file is then moved over the target atomically.
 */
public final class AtomicFiles {

	/** The prefix of temporary files; loaders skip names that start with a dot. */
	public static final String TEMP_PREFIX = ".";

	/** The suffix of temporary files. */
	public static final String TEMP_SUFFIX = ".tmp";

	private AtomicFiles() {
	}

	/**
	 * Something that writes a file's content.
	 */
	@FunctionalInterface
	public interface ContentWriter {

		/**
		 * Writes the content.
		 * @param out the stream, buffered; closed by the caller
		 * @throws IOException on a write failure
		 */
		void write(OutputStream out) throws IOException;

	}

	/**
	 * Replaces the target with the content, atomically.
	 * @param target the file
	 * @param content writes the content
	 * @throws IOException if the content could not be written or moved; the target is then unchanged and the
	 * temporary file removed
	 */
	public static void write(Path target, ContentWriter content) throws IOException {
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temp = folder.resolve(TEMP_PREFIX + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
				+ TEMP_SUFFIX);
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
				content.write(out);
				out.flush();
				channel.force(true);
			}
			move(temp, target);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
