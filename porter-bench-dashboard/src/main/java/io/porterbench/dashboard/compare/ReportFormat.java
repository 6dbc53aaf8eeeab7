package io.porterbench.dashboard.compare;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms a {@link Comparison} is written in: a table for a terminal, a markdown table
 * for a pull request or a GitHub step summary, JSON for scripts, and JUnit XML so that CI
 * servers show regressions as failed tests.
 */
public enum ReportFormat {

	/** A table aligned for a terminal. */
	TEXT {
		@Override
		public String render(Comparison comparison) {
			return text(comparison);
		}
	},

	/** A markdown table. */
	MARKDOWN {
		@Override
		public String render(Comparison comparison) {
			return markdown(comparison);
		}
	},

	/** The JSON document of {@link #toJson(Comparison)}. */
	JSON {
		@Override
		public String render(Comparison comparison) {
			return MAPPER.writeValueAsString(toJson(comparison)) + "\n";
		}
	},

	/**
	 * JUnit XML: a test suite per benchmarker, a test case per step, a failure per
	 * regressed step.
	 */
	JUNIT {
		@Override
		public String render(Comparison comparison) {
			return junit(comparison);
		}
	};

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * Writes a comparison in this format.
	 * @param comparison the comparison
	 * @return the text, ending with a line break
	 */
	public abstract String render(Comparison comparison);

	/**
	 * The format with this name.
	 * @param name {@code text}, {@code markdown}, {@code json} or {@code junit}, in any
	 * case
	 * @return the format
	 * @throws IllegalArgumentException for any other name
	 */
	public static ReportFormat of(String name) {
		for (ReportFormat format : values()) {
			if (format.name().equalsIgnoreCase(String.valueOf(name).trim())) {
				return format;
			}
		}
		throw new IllegalArgumentException("--format must be one of text, markdown, json, junit; was '" + name + "'");
	}

	/**
	 * The comparison as the JSON document of {@code diff --format json} and the
	 * dashboard's compare API, in JDK types: {@code base}, {@code new}, {@code alpha},
	 * {@code threshold}, {@code minIterations}, {@code regressions},
	 * {@code improvements}, then {@code benchmarkers}, each with its {@code steps}. Times
	 * in seconds, changes as fractions, {@code null} where a step has no such figure.
	 * @param comparison the comparison
	 * @return ordered maps and lists
	 */
	public static Map<String, Object> toJson(Comparison comparison) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("base", comparison.base());
		json.put("new", comparison.newRun());
		json.put("alpha", comparison.options().alpha());
		json.put("threshold", comparison.options().threshold());
		json.put("minIterations", comparison.options().minIterations());
		json.put("interval", "hodges-lehmann");
		json.put("regressions", comparison.regressions());
		json.put("improvements", comparison.improvements());
		List<Object> benches = new ArrayList<>();
		for (BenchComparison bench : comparison.benchmarkers()) {
			Map<String, Object> benchJson = new LinkedHashMap<>();
			benchJson.put("name", bench.name());
			List<Object> steps = new ArrayList<>();
			for (StepComparison step : bench.steps()) {
				Map<String, Object> stepJson = new LinkedHashMap<>();
				stepJson.put("step", step.step());
				stepJson.put("verdict", step.verdict().label());
				stepJson.put("baseCount", step.baseCount());
				stepJson.put("newCount", step.newCount());
				stepJson.put("baseMedian", step.baseMedian());
				stepJson.put("newMedian", step.newMedian());
				stepJson.put("change", step.change());
				stepJson.put("changeLow", step.changeLow());
				stepJson.put("changeHigh", step.changeHigh());
				stepJson.put("pValue", step.pValue());
				steps.add(stepJson);
			}
			benchJson.put("steps", steps);
			benches.add(benchJson);
		}
		json.put("benchmarkers", benches);
		return json;
	}

	private static String text(Comparison comparison) {
		StringBuilder out = new StringBuilder();
		List<String> base = comparison.base();
		if (base.size() == 1) {
			out.append("Baseline: ").append(base.get(0)).append('\n');
		}
		else {
			out.append("Baseline: ").append(base.size()).append(" runs pooled\n");
			base.forEach((run) -> out.append("  ").append(run).append('\n'));
		}
		out.append("New:      ").append(comparison.newRun()).append('\n');
		out.append(rule(comparison)).append("\n\n");
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "bench", "step", "verdict", "base n", "new n", "base median", "new median", "change",
				interval(comparison) + " interval", "p" });
		for (BenchComparison bench : comparison.benchmarkers()) {
			for (StepComparison step : bench.steps()) {
				rows.add(new String[] { bench.name(), step.step(), step.verdict().label(),
						Integer.toString(step.baseCount()), Integer.toString(step.newCount()),
						duration(step.baseMedian()), duration(step.newMedian()), percent(step.change()), range(step),
						pValue(step.pValue()) });
			}
		}
		int[] widths = new int[rows.get(0).length];
		rows.forEach((row) -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				boolean right = i >= 3;
				String cell = row[i];
				String pad = " ".repeat(widths[i] - cell.length());
				line.append(right ? pad + cell : cell + pad).append("  ");
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
		out.append('\n').append(totals(comparison)).append('\n');
		return out.toString();
	}

	private static String markdown(Comparison comparison) {
		StringBuilder out = new StringBuilder();
		out.append("### porter-bench diff: ").append(totals(comparison)).append("\n\n");
		List<String> base = comparison.base();
		out.append((base.size() == 1) ? "Baseline: " : "Baseline (" + base.size() + " runs pooled): ");
		out.append(String.join(", ", base.stream().map((run) -> code(name(run))).toList()));
		out.append(" · new: ")
			.append(code(name(comparison.newRun())))
			.append(" · ")
			.append(rule(comparison))
			.append("\n\n");
		out.append("| verdict | bench | step | base median | new median | change [")
			.append(interval(comparison))
			.append(" interval] | p | n (base/new) |\n");
		out.append("|---|---|---|---:|---:|---:|---:|---:|\n");
		for (BenchComparison bench : comparison.benchmarkers()) {
			for (StepComparison step : bench.steps()) {
				out.append("| ")
					.append(markdownVerdict(step.verdict()))
					.append(" | ")
					.append(cell(bench.name()))
					.append(" | ")
					.append(cell(step.step()))
					.append(" | ")
					.append(duration(step.baseMedian()))
					.append(" | ")
					.append(duration(step.newMedian()))
					.append(" | ")
					.append(percent(step.change()));
				if (step.changeLow() != null) {
					out.append(' ').append(range(step));
				}
				out.append(" | ")
					.append(pValue(step.pValue()))
					.append(" | ")
					.append(step.baseCount())
					.append('/')
					.append(step.newCount())
					.append(" |\n");
			}
		}
		return out.toString();
	}

	private static String markdownVerdict(Verdict verdict) {
		return switch (verdict) {
			case REGRESSED -> ":red_circle: **regressed**";
			case IMPROVED -> ":green_circle: **improved**";
			default -> verdict.label();
		};
	}

	private static String junit(Comparison comparison) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("testsuites");
			xml.writeAttribute("name", "porter-bench diff");
			xml.writeAttribute("tests",
					Long.toString(comparison.benchmarkers().stream().mapToLong((bench) -> bench.steps().size()).sum()));
			xml.writeAttribute("failures", Long.toString(comparison.regressions()));
			for (BenchComparison bench : comparison.benchmarkers()) {
				xml.writeCharacters("\n  ");
				xml.writeStartElement("testsuite");
				xml.writeAttribute("name", xmlText(bench.name()));
				xml.writeAttribute("tests", Integer.toString(bench.steps().size()));
				xml.writeAttribute("failures", Long.toString(bench.count(Verdict.REGRESSED)));
				xml.writeAttribute("skipped", Long.toString(bench.count(Verdict.INSUFFICIENT)));
				xml.writeCharacters("\n    ");
				xml.writeStartElement("properties");
				property(xml, "base", String.join(", ", comparison.base()));
				property(xml, "new", comparison.newRun());
				property(xml, "alpha", number(comparison.options().alpha()));
				property(xml, "threshold", number(comparison.options().threshold()));
				property(xml, "minIterations", Integer.toString(comparison.options().minIterations()));
				xml.writeCharacters("\n    ");
				xml.writeEndElement();
				for (StepComparison step : bench.steps()) {
					xml.writeCharacters("\n    ");
					xml.writeStartElement("testcase");
					xml.writeAttribute("classname", xmlText(bench.name()));
					xml.writeAttribute("name", xmlText(step.step()));
					if (step.verdict() == Verdict.REGRESSED) {
						xml.writeStartElement("failure");
						xml.writeAttribute("type", "regression");
						xml.writeAttribute("message", xmlText(describe(bench, step, comparison)));
						xml.writeCharacters(xmlText(describe(bench, step, comparison)));
						xml.writeEndElement();
					}
					else if (step.verdict() == Verdict.INSUFFICIENT) {
						xml.writeEmptyElement("skipped");
						xml.writeAttribute("message", xmlText(describe(bench, step, comparison)));
					}
					else {
						xml.writeStartElement("system-out");
						xml.writeCharacters(xmlText(describe(bench, step, comparison)));
						xml.writeEndElement();
					}
					xml.writeEndElement();
				}
				xml.writeCharacters("\n  ");
				xml.writeEndElement();
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the JUnit report: " + ex.getMessage(), ex);
		}
		return out + "\n";
	}

	private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeCharacters("\n      ");
		xml.writeEmptyElement("property");
		xml.writeAttribute("name", name);
		xml.writeAttribute("value", xmlText(value));
	}

	/**
	 * One sentence on a step, for the JUnit report.
	 */
	static String describe(BenchComparison bench, StepComparison step, Comparison comparison) {
		String what = bench.name() + " / " + step.step() + " " + step.verdict().label();
		return switch (step.verdict()) {
			case ADDED -> what + ": only the new run has it (" + step.newCount() + " iterations, median "
					+ duration(step.newMedian()) + ")";
			case REMOVED -> what + ": only the baseline has it (" + step.baseCount() + " iterations, median "
					+ duration(step.baseMedian()) + ")";
			case INSUFFICIENT -> what + ": " + step.baseCount() + " and " + step.newCount() + " iterations, fewer than"
					+ " the " + comparison.options().minIterations() + " a verdict needs on each side";
			default -> what + ": median " + duration(step.baseMedian()) + " -> " + duration(step.newMedian()) + " ("
					+ percent(step.change()) + ", " + interval(comparison) + " interval " + range(step) + "), p = "
					+ pValue(step.pValue()) + ", alpha " + number(comparison.options().alpha()) + ", threshold "
					+ percent(comparison.options().threshold()).substring(1) + ", n = " + step.baseCount() + "/"
					+ step.newCount();
		};
	}

	private static String rule(Comparison comparison) {
		CompareOptions options = comparison.options();
		return "Verdicts: Mann-Whitney U p < " + number(options.alpha()) + " and a median change of at least "
				+ percent(options.threshold()).substring(1) + ", with at least " + options.minIterations()
				+ " iterations on each side.";
	}

	private static String totals(Comparison comparison) {
		List<String> parts = new ArrayList<>();
		for (Verdict verdict : Verdict.values()) {
			long count = comparison.count(verdict);
			if (count > 0 || verdict == Verdict.REGRESSED || verdict == Verdict.IMPROVED) {
				parts.add(count + " " + verdict.label());
			}
		}
		return String.join(", ", parts);
	}

	private static String interval(Comparison comparison) {
		return number((1 - comparison.options().alpha()) * 100) + "%";
	}

	private static String range(StepComparison step) {
		if (step.changeLow() == null || step.changeHigh() == null) {
			return "-";
		}
		return "[" + percent(step.changeLow()) + ", " + percent(step.changeHigh()) + "]";
	}

	/**
	 * A duration in the unit that keeps it readable.
	 * @param seconds the duration, or {@code null}
	 * @return such as {@code 10.23 ms}, or {@code -}
	 */
	static String duration(Double seconds) {
		if (seconds == null) {
			return "-";
		}
		double abs = Math.abs(seconds);
		if (abs >= 1) {
			return String.format(Locale.ROOT, "%.3f s", seconds);
		}
		if (abs >= 1e-3) {
			return String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
		}
		if (abs >= 1e-6) {
			return String.format(Locale.ROOT, "%.3f us", seconds * 1e6);
		}
		return String.format(Locale.ROOT, "%.0f ns", seconds * 1e9);
	}

	static String percent(Double fraction) {
		return (fraction != null) ? String.format(Locale.ROOT, "%+.1f%%", fraction * 100) : "-";
	}

	static String pValue(Double p) {
		if (p == null) {
			return "-";
		}
		return (p >= 0.001) ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
	}

	private static String number(double value) {
		String text = String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "");
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

	private static String name(String run) {
		int slash = Math.max(run.lastIndexOf('/'), run.lastIndexOf('\\'));
		return (slash >= 0 && slash < run.length() - 1) ? run.substring(slash + 1) : run;
	}

	private static String code(String text) {
		return "`" + text.replace("`", "'") + "`";
	}

	/**
	 * Names are text, never markup: a table cell escapes what markdown or HTML would
	 * read.
	 */
	private static String cell(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '|', '\\', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				default -> out.append(Character.isISOControl(c) ? ' ' : c);
			}
		}
		return out.toString();
	}

	/**
	 * XML 1.0 cannot carry control characters other than tab and line breaks, whatever
	 * the escaping.
	 */
	private static String xmlText(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints()
			.forEach((c) -> out.appendCodePoint(
					(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) ? c : '?'));
		return out.toString();
	}

}
