package io.porterbench.demo.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link and every {@code #anchor} of the repository's README.md and
 * docs/*.md resolves.
 */
class DocumentationLinksTests {

	private final Path repository = Path.of("").toAbsolutePath().getParent();

	@Test
	void everyRelativeLinkAndAnchorOfTheReadmeAndTheDocsResolves() throws IOException {
		List<Path> documents = new ArrayList<>();
		documents.add(this.repository.resolve("README.md"));
		try (Stream<Path> docs = Files.list(this.repository.resolve("docs"))) {
			docs.filter((file) -> file.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		assertThat(documents).as("README.md and docs/*.md").hasSizeGreaterThan(1);
		assertThat(new MarkdownLinks().check(documents)).as("broken links").isEmpty();
	}

	@Test
	void readmeStaysAFrontDoor() throws IOException {
		assertThat(Files.readAllLines(this.repository.resolve("README.md"))).as("lines of README.md")
			.hasSizeLessThanOrEqualTo(500);
	}

}
