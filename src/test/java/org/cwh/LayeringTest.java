package org.cwh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md §1, checked on the compiled main classes. A broken rule is fixed, not muted. */
class LayeringTest {

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.cwh");
	}

	@Test
	void noFeatureImportsTheServer() {
		noClasses().that().resideOutsideOfPackage("org.cwh.server..")
				.should().dependOnClassesThat().resideInAPackage("org.cwh.server..")
				.check(main);
	}

	/** STYLE.md rule 2: what a feature may use of another package besides config. */
	private static final java.util.Set<String> SHARED_CLASSES = java.util.Set.of("org.cwh.security.Caller",
			"org.cwh.audit.DisclosureLog", "org.cwh.profiles.Canonical");

	@Test
	void featuresImportOnlyConfigAcrossPackages() {
		for (String feature : new String[] {"rest", "ops", "load", "bench", "profiles", "directory", "security",
				"workflow", "notify", "deadlines"}) {
			noClasses().that().resideInAPackage("org.cwh." + feature + "..")
					.should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
							"another CWH feature",
							c -> c.getPackageName().startsWith("org.cwh.")
									&& !c.getPackageName().startsWith("org.cwh." + feature)
									&& !c.getPackageName().equals("org.cwh.config")
									&& !SHARED_CLASSES.contains(c.getName().replaceAll("\\$.*", ""))))
					.allowEmptyShould(true)
					.check(main);
		}
	}

	@Test
	void noGrabBagPackages() {
		classes().should().resideOutsideOfPackages("..util..", "..utils..", "..common..", "..helper..", "..misc..")
				.check(main);
	}
}
