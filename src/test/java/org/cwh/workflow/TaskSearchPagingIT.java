package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox is paged by offset and stores no search: every page links the next by {@code _offset}, the pages together
 * hold each waiting Task once with its included referral, and HAPI's search table does not grow. Other searches keep
 * HAPI's stored paging.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class TaskSearchPagingIT {

	private static final String SYSTEM = "urn:cwh:test:task-search-paging";

	@Test
	void theInboxIsPagedByOffsetWithoutStoringASearch() throws Exception {
		String owner = "paging-owner-" + UUID.randomUUID().toString().substring(0, 8);
		CwhServerExtension.ensureOrganization(owner);
		String patient = create("Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Paging\"}]}");
		String referral = create("ServiceRequest", """
				{"resourceType":"ServiceRequest","status":"active","intent":"order","code":{"text":"peer support"},
				 "subject":{"reference":"Patient/%s"}}""".formatted(patient));
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			tasks.add(create("Task", """
					{"resourceType":"Task","status":"requested","intent":"order",
					 "identifier":[{"system":"%s","value":"%s"}],
					 "focus":{"reference":"ServiceRequest/%s"},"for":{"reference":"Patient/%s"},
					 "owner":{"reference":"Organization/%s"}}""".formatted(SYSTEM, UUID.randomUUID(), referral, patient,
					owner)));
		}
		long searchesBefore = storedSearches();

		List<String> seen = new ArrayList<>();
		JsonPath page = fhir().get("/Task?owner=Organization/" + owner
				+ "&status=requested,received&_include=Task:focus&_count=2").then().statusCode(200).extract().jsonPath();
		int pages = 0;
		while (page != null) {
			seen.addAll(page.getList("entry.findAll { it.search.mode == 'match' }.resource.id", String.class));
			assertThat(page.getList("entry.findAll { it.search.mode == 'include' }.resource.id", String.class))
					.containsExactly(referral);
			List<String> links = page.getList("link.findAll { it.relation == 'next' }.url", String.class);
			pages++;
			page = null;
			if (!links.isEmpty()) {
				assertThat(links.get(0)).contains("_offset=" + pages * 2).doesNotContain("_getpages");
				page = RestAssured.given().urlEncodingEnabled(false).accept("application/fhir+json")
						.header("Authorization", CwhServerExtension.adminAuthorization()).get(links.get(0)).then()
						.statusCode(200).extract().jsonPath();
			}
		}

		assertThat(seen).containsExactlyInAnyOrderElementsOf(tasks);
		assertThat(pages).isEqualTo(3);
		assertThat(storedSearches()).isEqualTo(searchesBefore);
	}

	@Test
	void otherSearchesKeepStoredPaging() {
		for (int i = 0; i < 3; i++) {
			create("Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"PagingOther\"}]}");
		}
		JsonPath page = fhir().get("/Patient?family=PagingOther&_count=2").then().statusCode(200).extract().jsonPath();

		assertThat(page.getList("link.findAll { it.relation == 'next' }.url", String.class).get(0))
				.contains("_getpages");
	}

	private static String create(String type, String json) {
		return fhir().body(json).post("/" + type).then().statusCode(201).extract().jsonPath().getString("id");
	}

	private static long storedSearches() throws Exception {
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection(); Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM HFJ_SEARCH")) {
			rows.next();
			return rows.getLong(1);
		}
	}
}
