package io.porterbench.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's jar carries {@code META-INF/spring-autoconfigure-metadata.properties}
 * with the conditions of each of its auto-configurations, so that Boot filters them on
 * their class and web application conditions without reading their classes.
 */
class DashboardAutoConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-autoconfigure-metadata.properties";

	private static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	@Test
	void theMetadataNamesTheConditionsOfEveryDashboardAutoConfiguration() throws IOException {
		Properties metadata = new Properties();
		try (InputStream in = besideTheDashboardsClasses(METADATA).openStream()) {
			metadata.load(in);
		}
		List<String> imported;
		try (InputStream in = besideTheDashboardsClasses(IMPORTS).openStream()) {
			imported = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		assertThat(imported).containsExactlyInAnyOrder(DashboardAutoConfiguration.class.getName(),
				DashboardOffAutoConfiguration.class.getName());
		for (String configuration : imported) {
			assertThat(metadata).containsKey(configuration)
				.containsEntry(configuration + ".ConditionalOnClass",
						"org.springframework.web.servlet.function.RouterFunction")
				.containsEntry(configuration + ".ConditionalOnWebApplication", "SERVLET");
		}
		assertThat(metadata).containsEntry(DashboardAutoConfiguration.class.getName() + ".AutoConfigureAfter",
				"io.porterbench.boot.autoconfigure.BenchDictAutoConfiguration");
	}

	// Every Boot jar has such files: the dashboard's are the ones beside its classes.
	private static URL besideTheDashboardsClasses(String resource) throws IOException {
		String classes = DashboardAutoConfiguration.class.getProtectionDomain()
			.getCodeSource()
			.getLocation()
			.toString();
		Enumeration<URL> files = DashboardAutoConfiguration.class.getClassLoader().getResources(resource);
		while (files.hasMoreElements()) {
			URL file = files.nextElement();
			if (file.toString().contains(classes)) {
				return file;
			}
		}
		throw new AssertionError("No " + resource + " beside " + classes);
	}

}
