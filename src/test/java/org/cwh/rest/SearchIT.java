package org.cwh.rest;

import io.restassured.RestAssured;
import static org.cwh.rest.TestData.SYSTEM;
import static org.cwh.rest.TestData.create;
import static org.cwh.rest.TestData.encounter;
import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** FHIR search over HTTP: _include, _revinclude, chains, _sort, paging through link[next], _summary=count. */
@ExtendWith(CwhServerExtension.class)
class SearchIT {

	@Test
	void includeAddsTheReferencedPatient() {
		String patientId = create("Patient", patient(family(), uuid()));
		String e1 = create("Encounter", encounter("Patient/" + patientId, uuid()));
		String e2 = create("Encounter", encounter("Patient/" + patientId, uuid()));

		fhir().get("/Encounter?subject=Patient/" + patientId + "&_include=Encounter:subject").then()
				.statusCode(200)
				.body("entry.findAll { it.search.mode == 'match' }.resource.id", containsInAnyOrder(e1, e2))
				.body("entry.findAll { it.search.mode == 'include' }.resource.id", containsInAnyOrder(patientId));
	}

	@Test
	void revincludeAddsTheEncountersPointingAtThePatient() {
		String patientId = create("Patient", patient(family(), uuid()));
		String e1 = create("Encounter", encounter("Patient/" + patientId, uuid()));
		String e2 = create("Encounter", encounter("Patient/" + patientId, uuid()));

		fhir().get("/Patient?_id=" + patientId + "&_revinclude=Encounter:subject").then()
				.statusCode(200)
				.body("entry.findAll { it.search.mode == 'match' }.resource.id", containsInAnyOrder(patientId))
				.body("entry.findAll { it.search.mode == 'include' }.resource.id", containsInAnyOrder(e1, e2));
	}

	@Test
	void chainedSearchFindsEncountersByPatientIdentifier() {
		String identifier = uuid();
		String patientId = create("Patient", patient(family(), identifier));
		String e1 = create("Encounter", encounter("Patient/" + patientId, uuid()));
		String otherPatient = create("Patient", patient(family(), uuid()));
		create("Encounter", encounter("Patient/" + otherPatient, uuid()));

		fhir().get("/Encounter?subject:Patient.identifier=" + SYSTEM + "|" + identifier).then()
				.statusCode(200)
				.body("entry.resource.id", containsInAnyOrder(e1));
	}

	@Test
	void sortOrdersAscendingAndDescending() {
		String family = family();
		String a = create("Patient", patient(family, uuid(), "1971-01-01"));
		String b = create("Patient", patient(family, uuid(), "1985-06-15"));
		String c = create("Patient", patient(family, uuid(), "1999-12-31"));

		assertEquals(List.of(a, b, c), ids(fhir().get("/Patient?family:exact=" + family + "&_sort=birthdate")
				.then().statusCode(200).extract().jsonPath()));
		assertEquals(List.of(c, b, a), ids(fhir().get("/Patient?family:exact=" + family + "&_sort=-birthdate")
				.then().statusCode(200).extract().jsonPath()));
	}

	@Test
	void pagingFollowsNextLinksToTheEndWithTheRightTotal() {
		String family = family();
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add(create("Patient", patient(family, uuid())));
		}

		JsonPath page = fhir().get("/Patient?family=" + family + "&_count=3&_sort=_id").then().statusCode(200)
				.body("total", equalTo(7)).extract().jsonPath();
		List<String> seen = new ArrayList<>(ids(page));
		int pages = 1;
		String next;
		while ((next = nextLink(page)) != null) {
			page = RestAssured.given().accept("application/fhir+json")
					.header("Authorization", CwhServerExtension.adminAuthorization()).get(next).then()
					.statusCode(200).extract().jsonPath();
			seen.addAll(ids(page));
			pages++;
			assertTrue(pages <= 3, "more pages than 7 results at 3 per page need");
		}
		assertEquals(3, pages);
		assertEquals(7, seen.size());
		assertEquals(new HashSet<>(created), new HashSet<>(seen));
	}

	@Test
	void summaryCountGivesOnlyTheTotal() {
		String family = family();
		for (int i = 0; i < 3; i++) {
			create("Patient", patient(family, uuid()));
		}

		fhir().get("/Patient?family=" + family + "&_summary=count").then().statusCode(200)
				.body("total", equalTo(3))
				.body("entry", nullValue());
	}

	@Test
	void searchWithNoMatchesIsAnEmptyBundle() {
		fhir().get("/Patient?identifier=" + SYSTEM + "|" + uuid()).then().statusCode(200)
				.body("total", equalTo(0))
				.body("link.relation", hasItem("self"));
	}

	private static List<String> ids(JsonPath bundle) {
		List<String> ids = bundle.getList("entry.resource.id", String.class);
		return ids == null ? List.of() : ids;
	}

	private static String nextLink(JsonPath bundle) {
		List<String> next = bundle.getList("link.findAll { it.relation == 'next' }.url", String.class);
		return next == null || next.isEmpty() ? null : next.get(0);
	}
}
