package io.porterbench.demo.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL expressions of the Grafana dashboard and of a Markdown document, read from
 * the files themselves, with the dashboard's variables replaced by the match-all regular
 * expressions the dashboard declares for them.
 */
final class PromQlExpressions {

	/**
	 * The window that stands in for Grafana's {@code $__rate_interval} and
	 * {@code $__interval}.
	 */
	static final String RATE_WINDOW = "1m";

	private static final Pattern PROMQL_BLOCK = Pattern.compile("^```promql\\n(.*?)^```",
			Pattern.MULTILINE | Pattern.DOTALL);

	private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*(\\w+)\\)$", Pattern.DOTALL);

	private final Map<String, String> allValues;

	private final List<Expression> panels;

	private final List<Variable> variables;

	private PromQlExpressions(Map<String, String> allValues, List<Expression> panels, List<Variable> variables) {
		this.allValues = allValues;
		this.panels = panels;
		this.variables = variables;
	}

	/**
	 * Reads a Grafana dashboard.
	 * @param dashboard the dashboard's JSON file
	 * @return its expressions
	 * @throws IOException when the file cannot be read
	 */
	static PromQlExpressions ofDashboard(Path dashboard) throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(dashboard));
		Map<String, String> allValues = new LinkedHashMap<>();
		List<Variable> variables = new ArrayList<>();
		for (JsonNode variable : root.path("templating").path("list").values()) {
			String name = variable.path("name").asString();
			allValues.put(name, variable.path("allValue").asString());
			JsonNode query = variable.path("query");
			String text = query.isObject() ? query.path("query").asString() : query.asString();
			Matcher labelValues = LABEL_VALUES.matcher(text.strip());
			if (!labelValues.matches()) {
				throw new IllegalStateException("Variable " + name + " is not label_values(selector, label): " + text);
			}
			variables.add(new Variable(name, labelValues.group(1).strip(), labelValues.group(2)));
		}
		List<Expression> panels = new ArrayList<>();
		collectTargets(root.path("panels"), panels);
		return new PromQlExpressions(allValues, panels, variables);
	}

	private static void collectTargets(JsonNode panels, List<Expression> expressions) {
		for (JsonNode panel : panels.values()) {
			for (JsonNode target : panel.path("targets").values()) {
				expressions.add(new Expression(
						"panel '" + panel.path("title").asString() + "' query " + target.path("refId").asString(),
						target.path("expr").asString()));
			}
			collectTargets(panel.path("panels"), expressions);
		}
	}

	/**
	 * The expressions of the {@code promql} blocks of a Markdown document: each run of
	 * lines that are neither blank nor {@code #} comments is one expression.
	 * @param markdown the document
	 * @return its expressions, in document order
	 * @throws IOException when the file cannot be read
	 */
	static List<Expression> ofMarkdown(Path markdown) throws IOException {
		List<Expression> expressions = new ArrayList<>();
		Matcher block = PROMQL_BLOCK.matcher(Files.readString(markdown));
		while (block.find()) {
			StringBuilder current = new StringBuilder();
			for (String line : (block.group(1) + "\n").split("\n", -1)) {
				if (line.isBlank() || line.strip().startsWith("#")) {
					if (!current.isEmpty()) {
						expressions
							.add(new Expression(markdown.getFileName() + " expression " + (expressions.size() + 1),
									current.toString().strip()));
						current.setLength(0);
					}
				}
				else {
					current.append(line).append('\n');
				}
			}
		}
		return expressions;
	}

	/**
	 * The queries of the dashboard's panels, variables replaced.
	 * @return the expressions, in dashboard order
	 */
	List<Expression> panels() {
		return this.panels.stream()
			.map((expression) -> expression.withText(replaceVariables(expression.text())))
			.toList();
	}

	/**
	 * The dashboard's variables, the variables in their selectors replaced.
	 * @return the variables, in dashboard order
	 */
	List<Variable> variables() {
		return this.variables.stream()
			.map((variable) -> new Variable(variable.name(), replaceVariables(variable.selector()), variable.label()))
			.toList();
	}

	/**
	 * Replaces the dashboard's variables in an expression: each by its match-all value
	 * unless given another.
	 * @param expression the expression
	 * @param values values of some variables, as regular expressions
	 * @return the expression Prometheus can run
	 */
	String replaceVariables(String expression, Map<String, String> values) {
		Map<String, String> all = new LinkedHashMap<>(this.allValues);
		all.putAll(values);
		all.put("__rate_interval", RATE_WINDOW);
		all.put("__interval", RATE_WINDOW);
		String result = expression;
		// longest names first, so that $bench never eats the start of a $benchmarks
		List<String> names = all.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
		for (String name : names) {
			String value = all.get(name);
			result = result.replace("${" + name + "}", value)
				.replace("[[" + name + "]]", value)
				.replace("$" + name, value);
		}
		if (result.contains("$")) {
			throw new IllegalStateException("A variable the dashboard does not declare is left in: " + result);
		}
		return result;
	}

	String replaceVariables(String expression) {
		return replaceVariables(expression, Map.of());
	}

	/**
	 * The raw text of a panel query, variables not replaced.
	 * @param title the panel's title
	 * @return its first query
	 */
	String rawPanelQuery(String title) {
		return this.panels.stream()
			.filter((expression) -> expression.origin().startsWith("panel '" + title + "'"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No panel titled " + title))
			.text();
	}

	/**
	 * One PromQL expression and where it was found.
	 *
	 * @param origin where it comes from, for messages
	 * @param text the expression
	 */
	record Expression(String origin, String text) {

		Expression withText(String replaced) {
			return new Expression(this.origin, replaced);
		}

	}

	/**
	 * One dashboard variable, a {@code label_values(selector, label)} query.
	 *
	 * @param name the variable's name
	 * @param selector the series selector
	 * @param label the label whose values the variable lists
	 */
	record Variable(String name, String selector, String label) {

	}

}
