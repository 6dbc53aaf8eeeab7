package io.porterbench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of the design: the core stands alone.
 */
class ArchitectureTests {

	private final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.porterbench");

	@Test
	void coreNeverDependsOnSpringOrMicrometer() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..")
			.check(this.core);
	}

	@Test
	void coreNeverDependsOnTheOtherModules() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.porterbench.boot..", "io.porterbench.dashboard..", "io.porterbench.demo..")
			.check(this.core);
	}

	@Test
	void summaryAndRecordPackagesDoNotReachIntoTheEngine() {
		noClasses().that()
			.resideInAnyPackage("io.porterbench.summary..", "io.porterbench.record..", "io.porterbench.internal..")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameStartingWith("Benchmarker")
			.orShould()
			.dependOnClassesThat()
			.haveSimpleName("BenchDict")
			.check(this.core);
	}

}
