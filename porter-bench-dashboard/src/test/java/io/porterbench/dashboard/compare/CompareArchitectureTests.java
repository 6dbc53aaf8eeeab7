package io.porterbench.dashboard.compare;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The comparison is one implementation for the CLI and the page: it must run without
 * either of them, and without the libraries an embedding application may leave out
 * (picocli, JFreeChart).
 */
class CompareArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.porterbench.dashboard");

	@Test
	void theComparisonNeedsNeitherTheWebNorTheCommandLineNorThePlots() {
		noClasses().that()
			.resideInAPackage("io.porterbench.dashboard.compare..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "picocli..", "org.jfree..", "io.porterbench.dashboard",
					"io.porterbench.dashboard.cli..", "io.porterbench.dashboard.plot..", "io.porterbench.internal..")
			.check(CLASSES);
	}

}
