package io.porterbench.boot;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape rules of the starter's classes, after Spring Boot's own architecture checks.
 */
class StarterArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.porterbench.boot");

	@Test
	void autoConfigurationsArePublicAndFinal() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.check(this.classes);
	}

	@Test
	void beanMethodsAreNotPublic() {
		methods().that().areAnnotatedWith(Bean.class).should().notBePublic().check(this.classes);
	}

	@Test
	void featureClassesDoNotDependOnAutoConfiguration() {
		noClasses().that()
			.areNotAnnotatedWith(AutoConfiguration.class)
			.and()
			.areNotAnnotatedWith(Configuration.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot.autoconfigure..")
			.check(this.classes);
	}

	@Test
	void observationReactiveAndWebPackagesAreLeavesThatNothingElseDependsOn() {
		slices().matching("io.porterbench.boot.(observation|reactive|web)..")
			.should()
			.notDependOnEachOther()
			.check(this.classes);
		noClasses().that()
			.resideInAnyPackage("io.porterbench.boot.aop..", "io.porterbench.boot.autoconfigure..",
					"io.porterbench.boot.metrics..", "io.porterbench.boot.actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.porterbench.boot.observation..", "io.porterbench.boot.reactive..",
					"io.porterbench.boot.web..")
			.check(this.classes);
	}

	@Test
	void packagesFormNoCycle() {
		// the starter's root package is a slice of its own, so a cycle between it and a
		// sub-package counts too
		slices().assignedFrom(new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				String name = javaClass.getPackageName();
				if (name.equals("io.porterbench.boot")) {
					return SliceIdentifier.of("io.porterbench.boot");
				}
				if (name.startsWith("io.porterbench.boot.")) {
					String rest = name.substring("io.porterbench.boot.".length());
					int dot = rest.indexOf('.');
					return SliceIdentifier.of((dot < 0) ? rest : rest.substring(0, dot));
				}
				return SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "io.porterbench.boot and each of its top-level packages";
			}

		}).should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void usesOnlyThePublicApiOfTheCore() {
		noClasses().should().dependOnClassesThat().resideInAPackage("io.porterbench.internal..").check(this.classes);
	}

}
