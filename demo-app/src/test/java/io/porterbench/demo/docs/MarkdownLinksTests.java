package io.porterbench.demo.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MarkdownLinks} finds broken links and anchors in small samples, and accepts the
 * ones that resolve.
 */
class MarkdownLinksTests {

	@TempDir
	Path folder;

	@Test
	void linkToAMissingFileIsReportedWithItsLine() throws IOException {
		Path readme = write("README.md", "# Title\n\nSee [the guide](docs/guide.md).\n");
		assertThat(new MarkdownLinks().check(List.of(readme))).singleElement()
			.asString()
			.startsWith("README.md:3: (docs/guide.md) no such file");
	}

	@Test
	void linkToAMissingAnchorIsReported() throws IOException {
		write("docs/guide.md", "# Guide\n\n## Installing it\n");
		Path readme = write("README.md", "[a](docs/guide.md#installing-it) [b](docs/guide.md#install) [c](#title)\n"
				+ "[d](#nowhere)\n\n# Title\n");
		assertThat(new MarkdownLinks().check(List.of(readme))).containsExactly(
				"README.md:1: (docs/guide.md#install) no heading or anchor 'install' in guide.md",
				"README.md:2: (#nowhere) no heading or anchor 'nowhere' in README.md");
	}

	@Test
	void linksResolveRelativeToTheFileThatHoldsThem() throws IOException {
		write("README.md", "# Porter\n");
		write("docs/image.png", "png");
		Path guide = write("docs/guide.md", "[up](../README.md#porter) ![shot](image.png) [wrong](docs/image.png)\n");
		assertThat(new MarkdownLinks().check(List.of(guide))).singleElement()
			.asString()
			.startsWith("guide.md:1: (docs/image.png) no such file");
	}

	@Test
	void imageWhoseAltTextSpansLinesIsChecked() throws IOException {
		Path readme = write("README.md", "![A picture:\nits second line](missing.png)\n");
		assertThat(new MarkdownLinks().check(List.of(readme))).singleElement()
			.asString()
			.startsWith("README.md:2: (missing.png) no such file");
	}

	@Test
	void referenceDefinitionsAndHtmlLinksAreChecked() throws IOException {
		Path readme = write("README.md", "[guide][g]\n\n[g]: missing.md\n\n<a href=\"gone.md\">gone</a>\n");
		assertThat(new MarkdownLinks().check(List.of(readme))).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).startsWith("README.md:3: (missing.md)"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("README.md:5: (gone.md)"));
	}

	@Test
	void linksInCodeAndExternalLinksAreNotChecked() throws IOException {
		Path readme = write("README.md", """
				# Title

				```markdown
				[not a link](missing.md)
				# not a heading
				```

				`[not a link either](missing.md)` [web](https://example.com/missing.md) [mail](mailto:a@example.com)
				[not a heading](#not-a-heading)
				""");
		assertThat(new MarkdownLinks().check(List.of(readme))).singleElement()
			.asString()
			.startsWith("README.md:9: (#not-a-heading)");
	}

	@Test
	void headingsAreSluggedAsGitHubDoes() throws IOException {
		Path file = write("doc.md", """
				# Loops: `IterBench`
				## When one JVM is not enough: Prometheus and Grafana
				### The `porterbench` actuator endpoint
				## Loader, timers and toggles
				## Notes
				## Notes
				## **Bold** [linked](other.md) and_underscored ##
				<a id="custom"></a>
				""");
		assertThat(new MarkdownLinks().anchors(file)).containsExactly("loops-iterbench",
				"when-one-jvm-is-not-enough-prometheus-and-grafana", "the-porterbench-actuator-endpoint",
				"loader-timers-and-toggles", "notes", "notes-1", "bold-linked-and_underscored", "custom");
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
