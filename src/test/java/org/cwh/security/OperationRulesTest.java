package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cwh.security.Caller.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each exposed operation against each role and the scopes it needs. */
class OperationRulesTest {

	private final OperationRules rules = new OperationRules();
	private static final ScopeGrants EVERYTHING = ScopeGrants.of(Set.of("system/*.*"));

	private static Caller caller(Role role) {
		return new Caller("client-" + role.code(), "org-1", Set.of(role), Set.of("system/*.*"));
	}

	static Set<String> adminOnly() {
		return OperationRules.ADMIN_ONLY;
	}

	@ParameterizedTest
	@MethodSource("adminOnly")
	void adminOnlyOperationsNeedRoleAdminWhateverTheScopes(String operation) {
		for (Role role : Role.values()) {
			for (String type : new String[] {null, "Task"}) {
				Decision decision = rules.decide(caller(role), EVERYTHING, operation, type, type != null);
				assertThat(decision.allowed()).as(role + " " + type).isEqualTo(role == Role.ADMIN);
				if (role != Role.ADMIN) {
					assertThat(decision.reason()).contains(operation + " needs role admin")
							.contains("caller has role " + role.code());
				}
			}
		}
	}

	@Test
	void metaEditsSayWhyTheyAreAdminOnly() {
		assertThat(rules.decide(caller(Role.PROVIDER), EVERYTHING, "$meta-delete", "Observation", true).reason())
				.contains("security labels");
	}

	@ParameterizedTest
	@EnumSource(Role.class)
	void anOperationNobodyMappedIsAdminOnly(Role role) {
		assertThat(rules.decide(caller(role), EVERYTHING, "$something-new", "Task", false).allowed())
				.isEqualTo(role == Role.ADMIN);
		assertThat(rules.decide(caller(role), EVERYTHING, "export", null, false).allowed())
				.isEqualTo(role == Role.ADMIN);
	}

	@ParameterizedTest(name = "{0} on {1} (instance {2}) with {3}: {4}")
	@CsvSource({
			"$validate, Task, false, system/Task.c, true",
			"$validate, Task, true, system/Task.u, true",
			"$validate, Task, false, system/Task.rs, false",
			"$validate, Task, false, system/Patient.cu, false",
			"$everything, Patient, true, system/Patient.r, true",
			"$everything, Patient, true, system/Patient.s, false",
			"$everything, Encounter, true, system/*.read, true",
			"$meta, Task, true, system/Task.r, true",
			"$meta, Task, true, system/Task.s, false",
			"$meta, Task, false, system/Task.s, true",
			"$meta, Task, false, system/Task.r, false",
			"$lastn, Observation, false, system/Observation.s, true",
			"$lastn, Observation, false, system/Observation.r, false",
			"$document, Composition, true, system/Composition.r, true",
			"$lookup, CodeSystem, false, system/CodeSystem.r, true",
			"$validate-code, ValueSet, false, system/CodeSystem.r, false",
			"$translate, ConceptMap, false, system/*.rs, true",
			"$snapshot, StructureDefinition, false, system/StructureDefinition.read, true"})
	void scopedOperationNeedsItsLetterOnItsType(String operation, String type, boolean instance, String scope,
			boolean allowed) {
		for (Role role : Role.values()) {
			Decision decision = rules.decide(caller(role), ScopeGrants.of(Set.of(scope)), operation, type, instance);
			assertThat(decision.allowed()).as(role.code()).isEqualTo(allowed);
			if (!allowed) {
				assertThat(decision.reason()).startsWith("operation " + operation + " on " + type + " needs system/"
						+ type + ".").contains("token has: " + scope);
			}
		}
	}

	@Test
	void operationNameWithoutDollarIsTheSame() {
		assertThat(rules.decide(caller(Role.PROVIDER), EVERYTHING, "meta-add", "Task", true).allowed()).isFalse();
		assertThat(rules.decide(caller(Role.PROVIDER), EVERYTHING, "validate", "Task", false).allowed()).isTrue();
	}

	@Test
	void serverLevelMetaNeedsSearchOnEveryType() {
		assertThat(rules.decide(caller(Role.AGENCY), ScopeGrants.of(Set.of("system/*.rs")), "$meta", null, false)
				.allowed()).isTrue();
		Decision decision =
				rules.decide(caller(Role.AGENCY), ScopeGrants.of(Set.of("system/Task.rs")), "$meta", null, false);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("needs system/*.s");
	}

	@Test
	void scopedOperationAtServerLevelIsAdminOnly() {
		assertThat(rules.decide(caller(Role.AGENCY), EVERYTHING, "$validate", null, false).allowed()).isFalse();
		assertThat(rules.decide(caller(Role.ADMIN), EVERYTHING, "$validate", null, false).allowed()).isTrue();
	}
}
