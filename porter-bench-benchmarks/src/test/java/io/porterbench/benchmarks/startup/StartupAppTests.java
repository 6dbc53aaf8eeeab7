package io.porterbench.benchmarks.startup;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.porterbench.BenchDict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The application {@link StartupCheck} starts, with porter-bench as the check's first
 * kind of start has it, and the class path of the second kind.
 */
class StartupAppTests {

	@TempDir
	Path root;

	@Test
	void withPorterBenchTheApplicationHasTheStarterTheDashboardAndTheEndpoint() {
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setDefaultProperties(StartupApp.properties(this.root.toString()));
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getBeanNamesForType(BenchDict.class)).hasSize(1);
			assertThat(context.getBeanNamesForType(io.porterbench.dashboard.DashboardHandler.class)).hasSize(1);
			assertThat(context.getBeanNamesForType(io.porterbench.boot.actuate.PorterBenchEndpoint.class)).hasSize(1);
			assertThat(StartupApp.porterBenchBeans(context)).isGreaterThan(3);
		}
	}

	@Test
	void theDashboardsHandlerPageAndCatalogAreCreatedOnItsFirstRequestNotAtStartup() throws Exception {
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setDefaultProperties(StartupApp.properties(this.root.toString()));
		List<String> dashboard = List.of("porterBenchRunCatalog", "porterBenchLiveSummaries",
				"porterBenchDashboardHandler", "porterBenchDashboardPage");
		try (ConfigurableApplicationContext context = application.run()) {
			List<String> created = StartupApp.createdPorterBenchBeans(context);
			assertThat(created).contains("benchDict", "porterBenchEndpoint", "benchAnnotationValidator",
					"porterBenchDashboardRoutes");
			assertThat(created).doesNotContainAnyElementsOf(dashboard);
			assertThat(StartupApp.porterBenchBeans(context)).isEqualTo(created.size() + dashboard.size());

			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> hello = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(hello.body()).isEqualTo("hello");
			assertThat(StartupApp.createdPorterBenchBeans(context)).doesNotContainAnyElementsOf(dashboard);
			HttpResponse<String> runs = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/porterbench/api/runs")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(runs.statusCode()).isEqualTo(200);
			assertThat(runs.body()).contains("\"live\":true");
			assertThat(StartupApp.createdPorterBenchBeans(context)).containsAll(dashboard);
		}
	}

	@Test
	void theClassPathWithoutPorterBenchKeepsEverythingElse() {
		String classPath = String.join(File.pathSeparator, "/repo/porter-bench-core/target/classes",
				"/m2/org/springframework/boot/spring-boot/4.0.7/spring-boot-4.0.7.jar",
				"/m2/io/porterbench/porter-bench-spring-boot-starter/0.1.0/porter-bench-spring-boot-starter-0.1.0.jar",
				"/m2/com/github/oshi/oshi-core/6.9.1/oshi-core-6.9.1.jar",
				"/m2/net/java/dev/jna/jna-platform/5.18.1/jna-platform-5.18.1.jar",
				"/m2/org/webjars/npm/chart.js/4.5.1/chart.js-4.5.1.jar",
				"/m2/org/apache/commons/commons-statistics-inference/1.1/commons-statistics-inference-1.1.jar",
				"/m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar",
				"/m2/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar",
				"/repo/porter-bench-dashboard/target/classes", "/repo/porter-bench-benchmarks/target/test-classes");
		assertThat(StartupCheck.withoutPorterBench(classPath)).isEqualTo(
				String.join(File.pathSeparator, "/m2/org/springframework/boot/spring-boot/4.0.7/spring-boot-4.0.7.jar",
						"/m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar",
						"/m2/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar",
						"/repo/porter-bench-benchmarks/target/test-classes"));
	}

	@Test
	void porterBenchFirstMovesExactlyPorterBenchsEntriesAfterTheApplicationsFolderKeepingBothOrders() {
		String classPath = String.join(File.pathSeparator, "/repo/porter-bench-benchmarks/target/test-classes",
				"/m2/org/springframework/boot/spring-boot/4.0.7/spring-boot-4.0.7.jar",
				"/m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar",
				"/m2/io/porterbench/porter-bench-core/0.1.0/porter-bench-core-0.1.0.jar",
				"/m2/com/github/oshi/oshi-core/6.9.1/oshi-core-6.9.1.jar",
				"/m2/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar",
				"/m2/org/apache/commons/commons-statistics-inference/1.1/commons-statistics-inference-1.1.jar");
		assertThat(StartupCheck.porterBenchFirst(classPath))
			.isEqualTo(String.join(File.pathSeparator, "/repo/porter-bench-benchmarks/target/test-classes",
					"/m2/io/porterbench/porter-bench-core/0.1.0/porter-bench-core-0.1.0.jar",
					"/m2/com/github/oshi/oshi-core/6.9.1/oshi-core-6.9.1.jar",
					"/m2/org/apache/commons/commons-statistics-inference/1.1/commons-statistics-inference-1.1.jar",
					"/m2/org/springframework/boot/spring-boot/4.0.7/spring-boot-4.0.7.jar",
					"/m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar",
					"/m2/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"));
	}

	@Test
	void theApplicationsClassPathFollowsTheFolderOfTheApplicationsClasses(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("dependencies.classpath");
		String application = String.join(File.pathSeparator, "/m2/spring-boot-4.0.7.jar",
				"/m2/porter-bench-core-0.1.0.jar");
		Files.writeString(file, application + "\n");
		String classPath = StartupCheck.applicationClassPath(file);
		String first = classPath.split(File.pathSeparator)[0];
		assertThat(Path.of(first, StartupApp.class.getName().replace('.', '/') + ".class")).isRegularFile();
		assertThat(classPath).endsWith(File.pathSeparator + application);
		Files.writeString(file, " \n");
		assertThatIllegalArgumentException().isThrownBy(() -> StartupCheck.applicationClassPath(file))
			.withMessageContaining("is empty");
	}

	@Test
	void aBaselineClassPathFileIsReadTrimmedAndRefusedWhenEmpty(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("baseline.classpath");
		Files.writeString(file, "  /m2/spring-boot-4.0.7.jar" + File.pathSeparator + "/m2/spring-core-7.0.8.jar\n");
		assertThat(StartupCheck.readClassPath(file, "The baseline class path"))
			.isEqualTo("/m2/spring-boot-4.0.7.jar" + File.pathSeparator + "/m2/spring-core-7.0.8.jar");
		Files.writeString(file, "\n");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StartupCheck.readClassPath(file, "The baseline class path"))
			.withMessage("The baseline class path in " + file
					+ " is empty; write it with dependency:build-classpath, as startup-check.sh does");
	}

	@Test
	void theMeasuredApplicationDeclaresItsWebStarterAndTheActuatorBeforePorterBench() throws Exception {
		// Maven's class path follows the declarations; the measured order is an
		// application's that adds porter-bench to a web application it already has.
		List<String> declared = dependencies(Path.of("startup-app", "pom.xml"), false);
		assertThat(declared).containsExactly("org.springframework.boot:spring-boot-starter-webmvc",
				"org.springframework.boot:spring-boot-starter-actuator",
				"io.porterbench:porter-bench-spring-boot-starter", "io.porterbench:porter-bench-dashboard");
	}

	@Test
	void everyLibraryPorterBenchBringsIsLeftOutOfTheClassPathWithoutIt() throws Exception {
		// A Boot web application with the actuator has these already; any other runtime
		// dependency of porter-bench's modules must be in StartupCheck's list, or the
		// starts
		// without porter-bench would still open its jars.
		List<String> bootHasThem = List.of("io.porterbench:", "org.springframework:", "org.springframework.boot:",
				"io.micrometer:", "tools.jackson.", "com.fasterxml.jackson.", "org.slf4j:", "org.hdrhistogram:",
				"org.jspecify:");
		List<String> runtime = new ArrayList<>();
		for (String module : List.of("porter-bench-core", "porter-bench-spring-boot-starter",
				"porter-bench-dashboard")) {
			runtime.addAll(dependencies(Path.of("..", module, "pom.xml"), true));
		}
		assertThat(runtime).contains("com.github.oshi:oshi-core", "org.webjars.npm:chart.js");
		for (String dependency : runtime) {
			String path = dependency.replace(':', '/').replace('.', '/');
			boolean inBoot = bootHasThem.stream().anyMatch(dependency::startsWith);
			boolean leftOut = StartupCheck.PORTER_BENCH_LIBRARIES.stream()
				.anyMatch((library) -> (path + "/").startsWith(library) || path.startsWith(library));
			assertThat(inBoot || leftOut).as(dependency).isTrue();
		}
	}

	/**
	 * The dependencies a pom declares, as {@code groupId:artifactId}, in order.
	 * @param pom the pom
	 * @param runtimeOnly whether to leave out test, provided and optional ones
	 */
	private static List<String> dependencies(Path pom, boolean runtimeOnly) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(pom.toFile());
		List<String> dependencies = new ArrayList<>();
		for (Element section : children(document.getDocumentElement(), "dependencies")) {
			for (Element dependency : children(section, "dependency")) {
				String scope = text(dependency, "scope");
				if (!runtimeOnly || (!"test".equals(scope) && !"provided".equals(scope)
						&& !"true".equals(text(dependency, "optional")))) {
					dependencies.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
				}
			}
		}
		return dependencies;
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> elements = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
				elements.add(element);
			}
		}
		return elements;
	}

	private static String text(Element parent, String name) {
		List<Element> elements = children(parent, name);
		return elements.isEmpty() ? null : elements.get(0).getTextContent().trim();
	}

}
