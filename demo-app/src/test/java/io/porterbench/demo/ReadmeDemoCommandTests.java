package io.porterbench.demo;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo command is one the build supports: it runs {@code spring-boot:run} in
 * demo-app only, that starts {@link DemoApplication} (the class the integration tests
 * start), on the port the README's URLs use.
 */
class ReadmeDemoCommandTests {

	private static final Pattern RUN_COMMAND = Pattern.compile("^\\s*(\\./mvnw\\b.*\\bspring-boot:run\\b.*)$",
			Pattern.MULTILINE);

	private final Path module = Path.of("").toAbsolutePath();

	private final Path repository = this.module.getParent();

	@Test
	void everyDemoCommandInTheDocsIsTheReadmeCommandWithOptionsAdded() throws IOException {
		String command = readmeCommand();
		List<Path> documents = new ArrayList<>(markdownDocs());
		documents.add(this.repository.resolve("README.md"));
		for (Path document : documents) {
			assertThat(demoCommands(document)).as("demo commands in %s", document)
				.allSatisfy((other) -> assertThat(other + " ").startsWith(command + " "));
		}
	}

	@Test
	void demoCommandRunsOnlyThisModuleAndBuildsWhatItNeeds() throws Exception {
		List<String> args = Arrays.asList(readmeCommand().split("\\s+"));
		assertThat(args.get(0)).isEqualTo("./mvnw");
		assertThat(args).contains("-am");
		int projects = args.indexOf("-pl");
		assertThat(projects).as("-pl names the module").isPositive();
		String moduleName = args.get(projects + 1);
		List<String> goals = new ArrayList<>(args.subList(1, args.size()));
		goals.removeIf((arg) -> arg.startsWith("-"));
		goals.remove(moduleName);
		assertThat(goals).as("goals and phases").containsExactly("spring-boot:run");
		assertThat(moduleName).isEqualTo(this.module.getFileName().toString());
		Document rootPom = parse(this.repository.resolve("pom.xml"));
		assertThat(texts(rootPom.getDocumentElement(), "modules", "module")).contains(moduleName);
		assertThat(property(rootPom, "spring-boot.run.skip")).as("root pom skips spring-boot:run elsewhere")
			.isEqualTo("true");
	}

	@Test
	void demoModuleRunsTheApplicationClassTheTestsStart() throws Exception {
		Document pom = parse(this.module.resolve("pom.xml"));
		assertThat(property(pom, "spring-boot.run.skip")).isEqualTo("false");
		assertThat(property(pom, "start-class")).isEqualTo(DemoApplication.class.getName());
		Element plugin = plugin(pom, "org.springframework.boot", "spring-boot-maven-plugin");
		assertThat(texts(plugin, "configuration", "mainClass")).containsExactly("${start-class}");
		assertThat(DemoApplication.class).hasAnnotation(SpringBootApplication.class);
		Method main = DemoApplication.class.getMethod("main", String[].class);
		assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
	}

	@Test
	void readmeUrlsUseThePortTheApplicationListensOn() throws IOException {
		PropertySource<?> yaml = new YamlPropertySourceLoader()
			.load("application", new ClassPathResource("application.yml"))
			.get(0);
		String base = "http://localhost:" + yaml.getProperty("server.port");
		assertThat(Files.readString(this.repository.resolve("README.md"))).contains(base + "/porterbench/",
				base + "/actuator/porterbench", base + "/actuator/prometheus", base + "/actuator/health");
	}

	private String readmeCommand() throws IOException {
		List<String> commands = demoCommands(this.repository.resolve("README.md"));
		assertThat(commands).as("demo commands in README.md").isNotEmpty();
		return commands.get(0);
	}

	private List<Path> markdownDocs() throws IOException {
		Path docs = this.repository.resolve("docs");
		if (!Files.isDirectory(docs)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(docs)) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
	}

	private static List<String> demoCommands(Path markdown) throws IOException {
		Matcher matcher = RUN_COMMAND.matcher(Files.readString(markdown));
		List<String> commands = new ArrayList<>();
		while (matcher.find()) {
			commands.add(matcher.group(1).trim());
		}
		return commands;
	}

	private static Document parse(Path pom) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(pom.toFile());
	}

	private static String property(Document pom, String name) {
		List<String> values = texts(pom.getDocumentElement(), "properties", name);
		assertThat(values).as("property %s", name).hasSize(1);
		return values.get(0);
	}

	private static Element plugin(Document pom, String groupId, String artifactId) {
		for (Element build : children(pom.getDocumentElement(), "build")) {
			for (Element plugins : children(build, "plugins")) {
				for (Element plugin : children(plugins, "plugin")) {
					if (texts(plugin, "groupId").equals(List.of(groupId))
							&& texts(plugin, "artifactId").equals(List.of(artifactId))) {
						return plugin;
					}
				}
			}
		}
		throw new AssertionError("no " + artifactId + " in <build><plugins>");
	}

	/** The text of the elements at a path of direct child names. */
	private static List<String> texts(Element parent, String... path) {
		List<Element> level = List.of(parent);
		for (String name : path) {
			List<Element> next = new ArrayList<>();
			for (Element element : level) {
				next.addAll(children(element, name));
			}
			level = next;
		}
		return level.stream().map((element) -> element.getTextContent().trim()).toList();
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
				children.add((Element) nodes.item(i));
			}
		}
		return children;
	}

}
