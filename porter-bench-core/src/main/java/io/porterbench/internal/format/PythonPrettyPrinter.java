package io.porterbench.internal.format;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.Instantiatable;

/**
 * Lays JSON out as Python's {@code json.dump(indent=4)}: one entry a line, four spaces a
 * level, {@code "key": value}, {@code {}} and {@code []} when empty.
 *
 * <p>
 * Every separator with the line break and indentation after it is prepared once as bytes,
 * so the generator copies one small array where a {@code DefaultPrettyPrinter} encodes a
 * separator and then the spaces; most of a DATA file is this layout. One instance per
 * generator, since it counts the nesting.
 */
final class PythonPrettyPrinter implements PrettyPrinter, Instantiatable<PythonPrettyPrinter> {

	private static final int PREPARED_LEVELS = 16;

	private static final SerializedString NAME_VALUE_SEPARATOR = new SerializedString(": ");

	private static final SerializedString[] LINE_BREAKS = prepare("", "");

	private static final SerializedString[] ENTRY_SEPARATORS = prepare(",", "");

	private static final SerializedString[] OBJECT_ENDS = prepare("", "}");

	private static final SerializedString[] ARRAY_ENDS = prepare("", "]");

	private int nesting;

	/** A printer for a document at the top level. */
	PythonPrettyPrinter() {
		this(0);
	}

	/**
	 * A printer for a value written on its own that stands at the given depth of a larger
	 * document.
	 * @param nesting the depth
	 */
	PythonPrettyPrinter(int nesting) {
		this.nesting = nesting;
	}

	private static SerializedString[] prepare(String before, String after) {
		SerializedString[] prepared = new SerializedString[PREPARED_LEVELS];
		for (int level = 0; level < PREPARED_LEVELS; level++) {
			prepared[level] = new SerializedString(layout(before, level, after));
		}
		return prepared;
	}

	private static String layout(String before, int level, String after) {
		return before + "\n" + "    ".repeat(level) + after;
	}

	private void write(JsonGenerator g, SerializedString[] prepared, String before, String after) {
		if (this.nesting < PREPARED_LEVELS) {
			g.writeRaw(prepared[this.nesting]);
		}
		else {
			g.writeRaw(layout(before, this.nesting, after));
		}
	}

	@Override
	public PythonPrettyPrinter createInstance() {
		return new PythonPrettyPrinter(this.nesting);
	}

	@Override
	public void writeRootValueSeparator(JsonGenerator g) {
		g.writeRaw(' ');
	}

	@Override
	public void writeStartObject(JsonGenerator g) {
		g.writeRaw('{');
		this.nesting++;
	}

	@Override
	public void beforeObjectEntries(JsonGenerator g) {
		write(g, LINE_BREAKS, "", "");
	}

	@Override
	public void writeObjectNameValueSeparator(JsonGenerator g) {
		g.writeRaw(NAME_VALUE_SEPARATOR);
	}

	@Override
	public void writeObjectEntrySeparator(JsonGenerator g) {
		write(g, ENTRY_SEPARATORS, ",", "");
	}

	@Override
	public void writeEndObject(JsonGenerator g, int entries) {
		this.nesting--;
		if (entries > 0) {
			write(g, OBJECT_ENDS, "", "}");
		}
		else {
			g.writeRaw('}');
		}
	}

	@Override
	public void writeStartArray(JsonGenerator g) {
		g.writeRaw('[');
		this.nesting++;
	}

	@Override
	public void beforeArrayValues(JsonGenerator g) {
		write(g, LINE_BREAKS, "", "");
	}

	@Override
	public void writeArrayValueSeparator(JsonGenerator g) {
		write(g, ENTRY_SEPARATORS, ",", "");
	}

	@Override
	public void writeEndArray(JsonGenerator g, int values) {
		this.nesting--;
		if (values > 0) {
			write(g, ARRAY_ENDS, "", "]");
		}
		else {
			g.writeRaw(']');
		}
	}

}
