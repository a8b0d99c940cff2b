package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cwh.security.Caller.Role;
import org.cwh.security.OrganizationRules.SearchRestriction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The organization rules cell by cell: every role set against every way a Task or ServiceRequest can relate to the
 * caller's organization, for every interaction. The tables are the specification (README "Access"); the size tests
 * fail when a role, relation or interaction is added without a row.
 */
class OrganizationRulesTest {

	private static final String OWN = "own-org";
	private static final List<String> ROLE_SETS =
			List.of("admin", "agency", "provider", "referrer", "provider+referrer", "agency+provider");
	private static final List<String> PARTIES = List.of("own", "other", "none");
	private static final List<String> TASK_KINDS = List.of("owned", "requested", "unrelated");
	private static final List<String> WRITES = List.of("READ", "CREATE", "UPDATE", "DELETE");

	private final OrganizationRules rules = new OrganizationRules();

	static Caller caller(String roles) {
		Set<Role> set = Arrays.stream(roles.split("\\+")).map(Role::fromCode).collect(Collectors.toSet());
		return new Caller("client", OWN, set, Set.of("system/*.*"));
	}

	private static String org(String party) {
		return switch (party) {
			case "own" -> OWN;
			case "other" -> "other-org";
			case "none" -> null;
			default -> throw new IllegalArgumentException(party);
		};
	}

	/** A Task that the caller's organization owns, requested, or neither. */
	private static TaskParties task(String kind) {
		return switch (kind) {
			case "owned" -> new TaskParties(OWN, "other-org");
			case "requested" -> new TaskParties("other-org", OWN);
			case "unrelated" -> new TaskParties("other-org", "third-org");
			default -> throw new IllegalArgumentException(kind);
		};
	}

	private static List<TaskParties> tasks(String kinds) {
		return kinds.equals("none") ? List.of() : Arrays.stream(kinds.split("\\+")).map(OrganizationRulesTest::task).toList();
	}

	@ParameterizedTest(name = "{0}: Task owner {1}, requester {2}, {3} -> {4}")
	@CsvFileSource(resources = "/security/task-rules.csv", numLinesToSkip = 1)
	void everyTaskCellIsDecided(String roles, String owner, String requester, Interaction interaction, boolean allowed) {
		TaskParties task = new TaskParties(org(owner), org(requester));
		Decision decision = interaction == Interaction.READ ? rules.readTask(caller(roles), task)
				: rules.writeTask(caller(roles), interaction, task);
		assertThat(decision.allowed()).isEqualTo(allowed);
		assertThat(decision.reason().isEmpty()).isEqualTo(allowed);
		if (!allowed) {
			assertThat(decision.reason()).startsWith("organization rule: ").doesNotContain("other-org");
		}
	}

	@ParameterizedTest(name = "{0}: ServiceRequest with Tasks {1}, {2} -> {3}")
	@CsvFileSource(resources = "/security/service-request-rules.csv", numLinesToSkip = 1)
	void everyServiceRequestCellIsDecided(String roles, String focusing, Interaction interaction, boolean allowed) {
		Decision decision = interaction == Interaction.READ ? rules.readServiceRequest(caller(roles), tasks(focusing))
				: rules.writeServiceRequest(caller(roles), interaction, tasks(focusing));
		assertThat(decision.allowed()).isEqualTo(allowed);
		if (!allowed) {
			assertThat(decision.reason()).startsWith("organization rule: ").doesNotContain("other-org", "third-org");
		}
	}

	@ParameterizedTest(name = "{0}: Task focus on a ServiceRequest other Tasks ({1}) point to -> {2}")
	@CsvFileSource(resources = "/security/focus-rules.csv", numLinesToSkip = 1)
	void everyFocusCellIsDecided(String roles, String others, boolean allowed) {
		Decision decision = rules.focusOn(caller(roles), tasks(others));
		assertThat(decision.allowed()).isEqualTo(allowed);
		if (!allowed) {
			assertThat(decision.reason()).contains("Task.focus").contains("Organization/" + OWN);
		}
	}

	@Test
	void taskTableListsEveryCell() throws IOException {
		Set<String> expected = new HashSet<>();
		for (String roles : ROLE_SETS) {
			for (String owner : PARTIES) {
				for (String requester : PARTIES) {
					for (String interaction : WRITES) {
						expected.add(String.join(",", roles, owner, requester, interaction));
					}
				}
			}
		}
		assertThat(keys("/security/task-rules.csv", 4)).isEqualTo(expected);
	}

	@Test
	void serviceRequestTablesListEveryCell() throws IOException {
		List<String> taskSets = new ArrayList<>(List.of("none"));
		for (int mask = 1; mask < 1 << TASK_KINDS.size(); mask++) {
			List<String> set = new ArrayList<>();
			for (int i = 0; i < TASK_KINDS.size(); i++) {
				if ((mask & 1 << i) != 0) {
					set.add(TASK_KINDS.get(i));
				}
			}
			taskSets.add(String.join("+", set));
		}
		Set<String> requests = new HashSet<>();
		Set<String> focus = new HashSet<>();
		for (String roles : ROLE_SETS) {
			for (String set : taskSets) {
				focus.add(roles + "," + set);
				for (String interaction : WRITES) {
					requests.add(String.join(",", roles, set, interaction));
				}
			}
		}
		assertThat(keys("/security/service-request-rules.csv", 3)).isEqualTo(requests);
		assertThat(keys("/security/focus-rules.csv", 2)).isEqualTo(focus);
	}

	@Test
	void tablesCoverEveryRole() {
		Set<String> roles = new HashSet<>();
		ROLE_SETS.forEach(set -> roles.addAll(List.of(set.split("\\+"))));
		assertThat(roles).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(Role.values()).map(Role::code).toList());
	}

	@Test
	void searchIsNarrowedByOneParameterWhenOneSays() {
		assertThat(rules.taskSearch(caller("provider")))
				.contains(new SearchRestriction("owner", "Organization/" + OWN));
		assertThat(rules.taskSearch(caller("referrer")))
				.contains(new SearchRestriction("requester", "Organization/" + OWN));
		assertThat(rules.serviceRequestSearch(caller("provider")))
				.contains(new SearchRestriction("_has:Task:focus:owner", "Organization/" + OWN));
		assertThat(rules.serviceRequestSearch(caller("referrer")))
				.contains(new SearchRestriction("_has:Task:focus:requester", "Organization/" + OWN));
		for (String unnarrowed : List.of("admin", "agency", "agency+provider", "provider+referrer")) {
			assertThat(rules.taskSearch(caller(unnarrowed))).as(unnarrowed).isEmpty();
			assertThat(rules.serviceRequestSearch(caller(unnarrowed))).as(unnarrowed).isEmpty();
		}
	}

	@Test
	void onlyAdminAndAgencyReadWithoutOrganizationLimit() {
		for (String roles : ROLE_SETS) {
			assertThat(rules.limitsReads(caller(roles))).as(roles)
					.isEqualTo(!roles.contains("admin") && !roles.contains("agency"));
		}
	}

	@Test
	void refusalNamesTheRuleAndTheCallersOrganization() {
		assertThat(rules.readTask(caller("provider"), new TaskParties("other-org", "x")).reason()).isEqualTo(
				"organization rule: a provider reads only the Tasks its organization owns (Task.owner = Organization/"
						+ OWN + ")");
		assertThat(rules.writeTask(caller("referrer"), Interaction.CREATE, new TaskParties("x", "other-org")).reason())
				.isEqualTo("organization rule: a referrer creates only Tasks it requests (Task.requester = "
						+ "Organization/" + OWN + ")");
		assertThat(rules.writeTask(caller("agency"), Interaction.UPDATE, new TaskParties(OWN, OWN)).reason())
				.isEqualTo("organization rule: an agency reads Tasks but does not change them");
	}

	private static Set<String> keys(String resource, int columns) throws IOException {
		try (InputStream in = OrganizationRulesTest.class.getResourceAsStream(resource)) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
			Set<String> keys = new HashSet<>();
			for (String line : lines) {
				String[] cells = line.split(",");
				assertThat(cells).as(line).hasSize(columns + 1);
				assertThat(keys.add(String.join(",", Arrays.copyOf(cells, columns)))).as("duplicate " + line).isTrue();
			}
			return keys;
		}
	}
}
