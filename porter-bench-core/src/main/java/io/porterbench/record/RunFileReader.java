package io.porterbench.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one run file into a record, or into one line of problems. It never throws for a
 * bad file: a file that is too large, nested too deeply, not UTF-8 (checked strictly
 * while parsing), not JSON or not shaped as the format says gives a line that names the
 * file and what is wrong.
 *
 * <p>
 * Limits: files over {@link #DEFAULT_MAX_FILE_BYTES} are not read at all, and nesting
 * deeper than {@link #DEFAULT_MAX_NESTING_DEPTH} stops the parser (Jackson's
 * {@link StreamReadConstraints}), so a hostile file can cost neither the heap nor the
 * stack. Python's {@code NaN} and {@code Infinity} tokens are accepted, since the
 * original's {@code json.dump} writes them.
 */
final class RunFileReader {

	/** The largest file read: 512 MiB, far above any real run file. */
	static final long DEFAULT_MAX_FILE_BYTES = 512L * 1024 * 1024;

	/**
	 * The deepest nesting read; real files nest 6 levels plus whatever a user put into an
	 * {@code extra}.
	 */
	static final int DEFAULT_MAX_NESTING_DEPTH = 1000;

	private static final int MAX_DETAIL_LENGTH = 300;

	static final RunFileReader DEFAULT = new RunFileReader(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_NESTING_DEPTH);

	private final JsonMapper mapper;

	private final long maxFileBytes;

	RunFileReader(long maxFileBytes, int maxNestingDepth) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(maxNestingDepth)
			.maxDocumentLength(maxFileBytes)
			.build();
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(constraints)
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.build();
		// extra values are read as trees from the middle of the stream, so what follows
		// them is not "trailing".
		this.mapper = JsonMapper.builder(factory).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		this.maxFileBytes = maxFileBytes;
	}

	/**
	 * Reads and maps a file.
	 * @param <T> what the file holds
	 * @param file the file
	 * @param kind the kind of file, for the problem line (e.g. {@code DATA})
	 * @param mapping reads the value from a parser on its first token; throws
	 * {@link RunFormatException} on a misshaped file
	 * @param empty the value when the file cannot be used
	 * @param problems where a problem line goes
	 * @return the value, or {@code empty}
	 */
	<T> T read(Path file, String kind, Function<RunFileParser, T> mapping, T empty, List<String> problems) {
		try {
			String tooLarge = checkSize(file);
			if (tooLarge != null) {
				problems.add(file + ": " + tooLarge);
				return empty;
			}
		}
		catch (IOException ex) {
			problems.add(file + ": could not be read: " + describe(ex));
			return empty;
		}
		return read(file, () -> Files.newInputStream(file), kind, mapping, empty, problems);
	}

	/**
	 * The mapper that reads {@code extra} values, for readers that parse the rest
	 * themselves.
	 * @return the mapper
	 */
	JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * The largest file read.
	 * @return bytes
	 */
	long maxFileBytes() {
		return this.maxFileBytes;
	}

	/**
	 * Opens a stream of a file's content.
	 */
	@FunctionalInterface
	interface Opener {

		/**
		 * Opens the stream.
		 * @return the stream, closed by the caller
		 * @throws IOException if it cannot be opened
		 */
		InputStream open() throws IOException;

	}

	/**
	 * Reads and maps a file's content, or a part of it, from a stream.
	 * @param <T> what the content holds
	 * @param file the file, for the problem line
	 * @param opener opens the content
	 * @param kind the kind of file, for the problem line (e.g. {@code DATA})
	 * @param mapping reads the value from a parser on its first token
	 * @param empty the value when the content cannot be used
	 * @param problems where a problem line goes
	 * @return the value, or {@code empty}
	 */
	<T> T read(Path file, Opener opener, String kind, Function<RunFileParser, T> mapping, T empty,
			List<String> problems) {
		try {
			try (InputStream in = new Utf8CheckingInputStream(opener.open());
					JsonParser parser = this.mapper.createParser(in)) {
				if (parser.nextToken() == null) {
					problems.add(file + ": is empty, not a " + kind + " file");
					return empty;
				}
				T value = mapping.apply(new RunFileParser(parser, this.mapper));
				if (parser.nextToken() != null) {
					throw new StreamReadException(parser, "Unexpected content after the end of the top-level value");
				}
				return value;
			}
		}
		catch (RunFormatException ex) {
			problems.add(file + ": not a valid " + kind + " file: " + oneLine(ex.getMessage()));
		}
		catch (StreamConstraintsException ex) {
			problems.add(file + ": exceeds what the loader reads: " + oneLine(ex.getOriginalMessage()));
		}
		catch (JacksonIOException ex) {
			if (ex.getCause() instanceof Utf8CheckingInputStream.MalformedUtf8Exception malformed) {
				problems.add(file + ": " + malformed.getMessage());
			}
			else {
				problems.add(file + ": could not be read: " + describe(ex.getCause()));
			}
		}
		catch (JacksonException ex) {
			problems.add(file + ": not valid JSON" + where(ex.getLocation()) + ": " + oneLine(ex.getOriginalMessage()));
		}
		catch (IOException ex) {
			problems.add(file + ": could not be read: " + describe(ex));
		}
		catch (RuntimeException ex) {
			// Last line of defence: loading a run must never fail because of one file.
			problems.add(file + ": could not be loaded: " + describe(ex));
		}
		return empty;
	}

	private String checkSize(Path file) throws IOException {
		long size = Files.size(file);
		if (size > this.maxFileBytes) {
			return String.format(Locale.ROOT, "is %,d bytes, more than the %,d bytes the loader reads; not read", size,
					this.maxFileBytes);
		}
		return null;
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String describe(Throwable ex) {
		if (ex == null) {
			return "unknown error";
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? " " + oneLine(message) : "");
	}

	private static String oneLine(String text) {
		if (text == null) {
			return "";
		}
		String line = text.replaceAll("\\s+", " ").trim();
		return (line.length() <= MAX_DETAIL_LENGTH) ? line : line.substring(0, MAX_DETAIL_LENGTH) + "...";
	}

}
