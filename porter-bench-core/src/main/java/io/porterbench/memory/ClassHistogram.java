package io.porterbench.memory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classes whose live instances hold the most heap, from the JVM's own class histogram
 * (the {@code gcClassHistogram} diagnostic command, as
 * {@code jcmd <pid> GC.class_histogram}).
 *
 * <p>
 * Expensive: the JVM runs a full, stop-the-world GC to count only live objects, then
 * walks the whole heap. Expect tens to hundreds of milliseconds on a large heap, every
 * time. Use it to find what fills the heap, not on every step of a production loop.
 */
public final class ClassHistogram {

	private static final Logger logger = LoggerFactory.getLogger(ClassHistogram.class);

	private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

	// " 1: 12345 1234567 java.lang.String (java.base@17.0.15)"
	private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*$");

	private volatile boolean unavailableLogged;

	/**
	 * The {@code n} classes holding the most heap bytes. Forces a full GC (see the class
	 * description).
	 * @param n how many classes; 0 or less gives none
	 * @return the classes, largest first; empty when this JVM has no diagnostic command
	 */
	public List<TopClass> top(int n) {
		if (n <= 0) {
			return List.of();
		}
		String histogram = histogram();
		return (histogram != null) ? parse(histogram, n) : List.of();
	}

	private String histogram() {
		try {
			MBeanServer server = ManagementFactory.getPlatformMBeanServer();
			Object text = server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), "gcClassHistogram",
					new Object[] { new String[0] }, new String[] { String[].class.getName() });
			return (text instanceof String string) ? string : null;
		}
		catch (JMException | RuntimeException ex) {
			if (!this.unavailableLogged) {
				this.unavailableLogged = true;
				logger.debug("No class histogram from this JVM: top_memory_objects stays empty", ex);
			}
			return null;
		}
	}

	/**
	 * Reads the rows of a class histogram.
	 * @param histogram the text of {@code GC.class_histogram}
	 * @param n how many rows to keep
	 * @return the {@code n} largest rows, largest first
	 */
	static List<TopClass> parse(String histogram, int n) {
		List<TopClass> rows = new ArrayList<>();
		for (String line : histogram.split("\n")) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				rows.add(new TopClass(sourceName(row.group(2)), Long.parseLong(row.group(1))));
			}
		}
		rows.sort(Comparator.comparingLong(TopClass::bytes).reversed());
		return List.copyOf(rows.subList(0, Math.min(n, rows.size())));
	}

	/**
	 * Turns a histogram's class name into source form: {@code [B} becomes {@code byte[]},
	 * {@code [Ljava.lang.String;} becomes {@code java.lang.String[]}; other names stay as
	 * they are.
	 */
	static String sourceName(String name) {
		int dimensions = 0;
		while (dimensions < name.length() && name.charAt(dimensions) == '[') {
			dimensions++;
		}
		if (dimensions == 0) {
			return name;
		}
		String element = elementName(name.substring(dimensions));
		return (element != null) ? element + "[]".repeat(dimensions) : name;
	}

	private static String elementName(String descriptor) {
		if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
			return descriptor.substring(1, descriptor.length() - 1);
		}
		return switch (descriptor) {
			case "Z" -> "boolean";
			case "B" -> "byte";
			case "C" -> "char";
			case "S" -> "short";
			case "I" -> "int";
			case "J" -> "long";
			case "F" -> "float";
			case "D" -> "double";
			default -> null;
		};
	}

}
