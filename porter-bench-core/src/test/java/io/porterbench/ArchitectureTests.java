package io.porterbench;

import java.util.LinkedHashSet;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the design: the core stands alone, its packages form no cycle,
 * and its public API names only JDK types and porter-bench's own public types.
 */
class ArchitectureTests {

	private static final String ROOT = "io.porterbench";

	private static final String INTERNAL = "io.porterbench.internal";

	private final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

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

	@Test
	void packagesFormNoCycle() {
		// the root package is a slice of its own, so root <-> record and root <-> summary
		// count as cycles
		slices().assignedFrom(new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				String name = javaClass.getPackageName();
				if (name.equals(ROOT)) {
					return SliceIdentifier.of("root");
				}
				if (name.startsWith(ROOT + ".")) {
					String rest = name.substring(ROOT.length() + 1);
					int dot = rest.indexOf('.');
					return SliceIdentifier.of((dot < 0) ? rest : rest.substring(0, dot));
				}
				return SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "the root package and each top-level package of io.porterbench";
			}

		}).should().beFreeOfCycles().check(this.core);
	}

	@Test
	void publicApiNamesOnlyJdkAndPublicPorterBenchTypes() {
		members().that(arePartOfThePublicApi()).should(nameOnlyJdkAndPublicPorterBenchTypes()).check(this.core);
	}

	private static DescribedPredicate<JavaMember> arePartOfThePublicApi() {
		return DescribedPredicate.describe("are public or protected members of public classes outside " + INTERNAL,
				(member) -> {
					JavaClass owner = member.getOwner();
					boolean visible = member.getModifiers().contains(JavaModifier.PUBLIC)
							|| member.getModifiers().contains(JavaModifier.PROTECTED);
					return visible && owner.getModifiers().contains(JavaModifier.PUBLIC)
							&& !isInternal(owner.getPackageName());
				});
	}

	private static ArchCondition<JavaMember> nameOnlyJdkAndPublicPorterBenchTypes() {
		return new ArchCondition<>("name only JDK types and porter-bench's own public types") {

			@Override
			public void check(JavaMember member, ConditionEvents events) {
				Set<JavaClass> named = new LinkedHashSet<>();
				if (member instanceof JavaField field) {
					named.addAll(field.getType().getAllInvolvedRawTypes());
				}
				if (member instanceof JavaCodeUnit codeUnit) {
					codeUnit.getParameterTypes().forEach((type) -> named.addAll(type.getAllInvolvedRawTypes()));
					named.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
					named.addAll(codeUnit.getThrowsClause().getTypes());
				}
				for (JavaClass type : named) {
					JavaClass base = type.getBaseComponentType();
					if (!isAllowed(base)) {
						events.add(SimpleConditionEvent.violated(member, member.getFullName() + " names "
								+ base.getName() + " in " + member.getSourceCodeLocation()));
					}
				}
			}

		};
	}

	private static boolean isInternal(String packageName) {
		return packageName.equals(INTERNAL) || packageName.startsWith(INTERNAL + ".");
	}

	private static boolean isAllowed(JavaClass type) {
		if (type.isPrimitive()) {
			return true;
		}
		String packageName = type.getPackageName();
		if (packageName.equals("java") || packageName.startsWith("java.")) {
			return true;
		}
		boolean porterBench = packageName.equals(ROOT) || packageName.startsWith(ROOT + ".");
		return porterBench && !isInternal(packageName) && type.getModifiers().contains(JavaModifier.PUBLIC);
	}

}
