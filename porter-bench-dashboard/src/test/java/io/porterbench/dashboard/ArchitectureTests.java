package io.porterbench.dashboard;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

	@Test
	void packagesFormNoCycle() {
		// the dashboard's root package is a slice of its own, so a cycle between it and a
		// sub-package counts too
		slices().assignedFrom(new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				String name = javaClass.getPackageName();
				if (name.equals("io.porterbench.dashboard")) {
					return SliceIdentifier.of("io.porterbench.dashboard");
				}
				if (name.startsWith("io.porterbench.dashboard.")) {
					String rest = name.substring("io.porterbench.dashboard.".length());
					int dot = rest.indexOf('.');
					return SliceIdentifier.of((dot < 0) ? rest : rest.substring(0, dot));
				}
				return SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "io.porterbench.dashboard and each of its top-level packages";
			}

		}).should().beFreeOfCycles().check(CLASSES);
	}

}
