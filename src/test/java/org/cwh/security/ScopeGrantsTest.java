package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every v2 letter combination, the v1 words, wildcards and malformed scopes, against every interaction. */
class ScopeGrantsTest {

	/** The 31 non-empty v2 permission strings, letters in SMART's order ({@code c r u d s}). */
	static Stream<String> everyV2Permission() {
		List<String> all = new ArrayList<>();
		Interaction[] letters = Interaction.values();
		for (int mask = 1; mask < 1 << letters.length; mask++) {
			StringBuilder permission = new StringBuilder();
			for (int i = 0; i < letters.length; i++) {
				if ((mask & 1 << i) != 0) {
					permission.append(letters[i].letter());
				}
			}
			all.add(permission.toString());
		}
		return all.stream();
	}

	@ParameterizedTest(name = "system/Task.{0}")
	@MethodSource("everyV2Permission")
	void v2ScopeGrantsExactlyItsLettersOnItsType(String permission) {
		ScopeGrants grants = ScopeGrants.of(Set.of("system/Task." + permission));
		for (Interaction interaction : Interaction.values()) {
			boolean granted = permission.indexOf(interaction.letter()) >= 0;
			assertThat(grants.allows(interaction, "Task")).as(interaction + " on Task").isEqualTo(granted);
			assertThat(grants.allows(interaction, "ServiceRequest")).as(interaction + " on another type").isFalse();
		}
	}

	@ParameterizedTest(name = "system/*.{0}")
	@MethodSource("everyV2Permission")
	void v2WildcardGrantsItsLettersOnEveryType(String permission) {
		ScopeGrants grants = ScopeGrants.of(Set.of("system/*." + permission));
		for (String type : List.of("Task", "ServiceRequest", "Patient", "Observation")) {
			for (Interaction interaction : Interaction.values()) {
				assertThat(grants.allows(interaction, type)).as(interaction + " on " + type)
						.isEqualTo(permission.indexOf(interaction.letter()) >= 0);
			}
		}
	}

	static Stream<Arguments> v1Words() {
		return Stream.of(
				Arguments.of("read", EnumSet.of(Interaction.READ, Interaction.SEARCH)),
				Arguments.of("write", EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE)),
				Arguments.of("*", EnumSet.allOf(Interaction.class)));
	}

	@ParameterizedTest(name = "system/Task.{0} = {1}")
	@MethodSource("v1Words")
	void v1WordGrantsItsV2Letters(String word, Set<Interaction> expected) {
		ScopeGrants typed = ScopeGrants.of(Set.of("system/Task." + word));
		ScopeGrants wildcard = ScopeGrants.of(Set.of("system/*." + word));
		for (Interaction interaction : Interaction.values()) {
			assertThat(typed.allows(interaction, "Task")).as(interaction.name()).isEqualTo(expected.contains(interaction));
			assertThat(typed.allows(interaction, "Patient")).isFalse();
			assertThat(wildcard.allows(interaction, "Patient")).as(interaction.name())
					.isEqualTo(expected.contains(interaction));
		}
	}

	@Test
	void scopesAddUp() {
		ScopeGrants grants = ScopeGrants.of(Set.of("system/Task.rs", "system/Task.u", "system/Patient.read"));
		assertThat(grants.allows(Interaction.UPDATE, "Task")).isTrue();
		assertThat(grants.allows(Interaction.SEARCH, "Task")).isTrue();
		assertThat(grants.allows(Interaction.CREATE, "Task")).isFalse();
		assertThat(grants.allows(Interaction.READ, "Patient")).isTrue();
		assertThat(grants.allows(Interaction.UPDATE, "Patient")).isFalse();
		assertThat(grants.allowsAny("Patient", Interaction.UPDATE, Interaction.READ)).isTrue();
		assertThat(grants.allowsAny("Patient", Interaction.UPDATE, Interaction.DELETE)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {"system/Task.xyz", "system/task.rs", "system/Task.sr", "system/Task.", "Task.rs",
			"system/Task", "system/Task.rsx", "system/Task.readwrite", "system/Task.read?status=ready",
			"system//Task.rs", "system/*", "/Task.rs", ""})
	void malformedScopeGrantsNothingAndIsNamed(String malformed) {
		ScopeGrants grants = ScopeGrants.of(Set.of(malformed, "system/Patient.r"));
		for (Interaction interaction : Interaction.values()) {
			assertThat(grants.allows(interaction, "Task")).as(interaction.name()).isFalse();
		}
		assertThat(grants.allows(Interaction.READ, "Patient")).isTrue();
		assertThat(grants.tokenHas()).contains("system/Patient.r").contains(malformed + " grants nothing");
	}

	@ParameterizedTest
	@ValueSource(strings = {"patient/Task.rs", "user/Task.cruds", "patient/*.read"})
	void nonSystemContextGrantsNothing(String scope) {
		ScopeGrants grants = ScopeGrants.of(Set.of(scope));
		for (Interaction interaction : Interaction.values()) {
			assertThat(grants.allows(interaction, "Task")).isFalse();
		}
		assertThat(grants.tokenHas()).contains(scope + " grants nothing: only system/ scopes");
	}

	@ParameterizedTest(name = "system/Observation.{0}?category=laboratory")
	@MethodSource("everyV2Permission")
	void queryScopeGrantsItsLettersOnlyUnderItsQuery(String permission) {
		ScopeGrants grants = ScopeGrants.of(Set.of("system/Observation." + permission + "?category=laboratory"));
		for (Interaction interaction : Interaction.values()) {
			boolean granted = permission.indexOf(interaction.letter()) >= 0;
			assertThat(grants.allows(interaction, "Observation")).as(interaction.name()).isFalse();
			assertThat(grants.allowsSome(interaction, "Observation")).as(interaction.name()).isEqualTo(granted);
			assertThat(grants.queries(interaction, "Observation"))
					.isEqualTo(granted ? List.of("category=laboratory") : List.of());
			assertThat(grants.queries(interaction, "Condition")).isEmpty();
		}
	}

	@Test
	void queriesOfATypeAndOfTheWildcardAddUp() {
		ScopeGrants grants = ScopeGrants.of(List.of("system/Observation.rs?category=laboratory",
				"system/Observation.r?category=vital-signs", "system/*.r?_security:not=R"));
		assertThat(grants.queries(Interaction.READ, "Observation"))
				.containsExactlyInAnyOrder("category=laboratory", "category=vital-signs", "_security:not=R");
		assertThat(grants.queries(Interaction.SEARCH, "Observation")).containsExactly("category=laboratory");
		assertThat(grants.queries(Interaction.READ, "Patient")).containsExactly("_security:not=R");
		assertThat(grants.tokenHas()).contains("system/Observation.rs?category=laboratory");
	}

	@Test
	void scopeWithoutQueryMakesTheQueriesMoot() {
		ScopeGrants grants = ScopeGrants.of(Set.of("system/Observation.rs?category=laboratory", "system/*.r"));
		assertThat(grants.allows(Interaction.READ, "Observation")).isTrue();
		assertThat(grants.queries(Interaction.READ, "Observation")).isEmpty();
		assertThat(grants.queries(Interaction.SEARCH, "Observation")).containsExactly("category=laboratory");
	}

	@Test
	void nonResourceScopesAreIgnored() {
		ScopeGrants grants = ScopeGrants.of(Set.of("openid", "online_access", "system/Task.r"));
		assertThat(grants.tokenHas()).isEqualTo("token has: system/Task.r");
	}

	@Test
	void refusalNamesTheScopeInBothSpellingsAndWhatTheTokenHas() {
		ScopeGrants grants = ScopeGrants.of(Set.of("system/Task.rs", "system/Patient.read"));
		assertThat(grants.needs("Task", Interaction.UPDATE)).isEqualTo(
				"needs system/Task.u (or system/Task.write); token has: system/Patient.read system/Task.rs");
		assertThat(grants.needs("Observation", Interaction.READ, Interaction.SEARCH)).isEqualTo(
				"needs system/Observation.r or system/Observation.s (or system/Observation.read); "
						+ "token has: system/Patient.read system/Task.rs");
		assertThat(ScopeGrants.of(Set.of()).needs("Task", Interaction.CREATE))
				.isEqualTo("needs system/Task.c (or system/Task.write); token has: no usable resource scope");
	}
}
