package io.porterbench.dashboard;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.porterbench.dashboard");

	@Test
	void plotsNeedNeitherSpringNorTheWebNorTheCommandLine() {
		noClasses().that()
			.resideInAPackage("io.porterbench.dashboard.plot..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "picocli..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("io.porterbench.dashboard.plot..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.porterbench.dashboard", "io.porterbench.dashboard.cli..")
			.check(CLASSES);
	}

	@Test
	void theWebPartDoesNotDependOnTheCommandLine() {
		noClasses().that()
			.resideInAPackage("io.porterbench.dashboard")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.porterbench.dashboard.cli..", "picocli..")
			.check(CLASSES);
	}

	@Test
	void theDashboardUsesOnlyThePublicApiOfCoreAndNeverTheStarter() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.porterbench.internal..", "io.porterbench.boot..")
			.check(CLASSES);
	}

}
