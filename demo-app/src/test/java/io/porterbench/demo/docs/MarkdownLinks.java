package io.porterbench.demo.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the relative links of Markdown files as GitHub renders them: the file a link
 * names exists, and its {@code #anchor} is the slug of a heading (or an HTML
 * {@code id}/{@code name}) of the file it points into.
 */
final class MarkdownLinks {

	private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

	private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(\\s+#+)?\\s*$");

	private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);

	/**
	 * {@code [text](target)} and {@code ![alt](target)}; the text may span lines and hold
	 * one level of brackets.
	 */
	private static final Pattern INLINE_LINK = Pattern
		.compile("!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\s*(<[^>]*>|[^\\s)]*)(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?",
			Pattern.MULTILINE);

	private static final Pattern HTML_LINK = Pattern.compile("\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+[^>]*\\b(?:id|name)\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	/**
	 * The broken links of the given Markdown files.
	 * @param files the files to check
	 * @return one line per broken link: file, line, target and why; empty when every link
	 * resolves
	 */
	List<String> check(List<Path> files) {
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			String text = outsideCode(read(file));
			Matcher inline = INLINE_LINK.matcher(text);
			while (inline.find()) {
				String target = inline.group(2);
				if (target.startsWith("<") && target.endsWith(">")) {
					target = target.substring(1, target.length() - 1);
				}
				check(file, text, inline.start(2), target, problems);
			}
			Matcher reference = REFERENCE_DEFINITION.matcher(text);
			while (reference.find()) {
				check(file, text, reference.start(1), reference.group(1), problems);
			}
			Matcher html = HTML_LINK.matcher(text);
			while (html.find()) {
				check(file, text, html.start(1), html.group(1), problems);
			}
		}
		return problems;
	}

	private void check(Path file, String text, int offset, String target, List<String> problems) {
		if (target.isEmpty() || SCHEME.matcher(target).find() || target.startsWith("//")) {
			return;
		}
		String where = file.getFileName() + ":" + line(text, offset) + ": (" + target + ") ";
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path linked = file;
		if (!path.isEmpty()) {
			linked = file.toAbsolutePath()
				.getParent()
				.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))
				.normalize();
			if (!Files.exists(linked)) {
				problems.add(where + "no such file: " + linked);
				return;
			}
		}
		if (anchor != null && linked.getFileName().toString().endsWith(".md")) {
			if (!anchors(linked).contains(URLDecoder.decode(anchor, StandardCharsets.UTF_8))) {
				problems.add(where + "no heading or anchor '" + anchor + "' in " + linked.getFileName());
			}
		}
	}

	/**
	 * The anchors GitHub gives a Markdown file: one per heading (repeated slugs numbered
	 * {@code -1}, {@code -2}, ...), and the {@code id} or {@code name} of its HTML
	 * anchors.
	 * @param file a Markdown file
	 * @return its anchors
	 */
	Set<String> anchors(Path file) {
		return this.anchors.computeIfAbsent(file.toAbsolutePath().normalize(), (key) -> {
			Set<String> found = new LinkedHashSet<>();
			Map<String, Integer> seen = new HashMap<>();
			String text = withoutFences(read(key));
			for (String line : text.split("\n", -1)) {
				Matcher heading = HEADING.matcher(line);
				if (heading.matches()) {
					String slug = slug(heading.group(2));
					int times = seen.merge(slug, 1, Integer::sum);
					found.add((times == 1) ? slug : slug + "-" + (times - 1));
				}
			}
			Matcher html = HTML_ANCHOR.matcher(read(key));
			while (html.find()) {
				found.add(html.group(1));
			}
			return found;
		});
	}

	/**
	 * GitHub's slug of a heading: the rendered text in lower case, without punctuation
	 * other than {@code -} and {@code _}, each space a {@code -}.
	 * @param heading the heading's Markdown text
	 * @return its anchor
	 */
	static String slug(String heading) {
		String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
			.replaceAll("<[^>]+>", "")
			.replace("`", "")
			.replace("**", "")
			.replace("__", "")
			.replace("*", "");
		StringBuilder slug = new StringBuilder();
		for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
				slug.append(c);
			}
			else if (c == ' ') {
				slug.append('-');
			}
		}
		return slug.toString();
	}

	/**
	 * The text with fenced code blocks and inline code blanked out, so that line numbers
	 * stay where they were.
	 */
	private static String outsideCode(String markdown) {
		Matcher code = INLINE_CODE.matcher(withoutFences(markdown));
		StringBuilder blanked = new StringBuilder();
		while (code.find()) {
			code.appendReplacement(blanked, Matcher.quoteReplacement(code.group().replaceAll("[^\n]", " ")));
		}
		code.appendTail(blanked);
		return blanked.toString();
	}

	private static String withoutFences(String markdown) {
		StringBuilder text = new StringBuilder();
		boolean fenced = false;
		for (String line : markdown.split("\n", -1)) {
			if (FENCE.matcher(line).find()) {
				fenced = !fenced;
				text.append('\n');
				continue;
			}
			text.append(fenced ? "" : line).append('\n');
		}
		return text.toString();
	}

	private static int line(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
