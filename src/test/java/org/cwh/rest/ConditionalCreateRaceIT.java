package org.cwh.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;

import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cwh.testing.AtOnce;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that retries a conditional create after a timeout must get the resource, not an error: parallel copies
 * of one {@code If-None-Exist} create yield one resource and a 2xx naming it for every copy.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class ConditionalCreateRaceIT {

	private static final int PARALLEL = 24;

	@Test
	void parallelRetriesOfOneConditionalCreateAllSucceedWithOneResource() throws Exception {
		String identifier = UUID.randomUUID().toString();
		String body = CrudIT.patient("Racetest", identifier);
		List<Response> responses = AtOnce.fire(PARALLEL, java.time.Duration.ofSeconds(60), () -> fhir()
				.header("If-None-Exist", "identifier=urn:cwh:test|" + identifier)
				.body(body)
				.post("/Patient"));

		Set<String> ids = new HashSet<>();
		for (Response r : responses) {
			assertThat(r.statusCode()).as(r.asString()).isIn(200, 201);
			ids.add(r.jsonPath().getString("id"));
		}
		assertThat(ids).hasSize(1);
		assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
		fhir().get("/Patient?identifier=urn:cwh:test|" + identifier + "&_summary=count").then()
				.body("total", org.hamcrest.Matchers.equalTo(1));
	}

	@Test
	void parallelRetriesOfOneTransactionCreateEachResourceOnce() throws Exception {
		String identifier = UUID.randomUUID().toString();
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"fullUrl":"urn:uuid:%1$s","resource":%2$s,
				  "request":{"method":"POST","url":"Patient","ifNoneExist":"identifier=urn:cwh:test|%1$s"}},
				 {"resource":{"resourceType":"Encounter","status":"finished",
				   "identifier":[{"system":"urn:cwh:test","value":"enc-%1$s"}],
				   "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER"},
				   "subject":{"reference":"urn:uuid:%1$s"}},
				  "request":{"method":"POST","url":"Encounter","ifNoneExist":"identifier=urn:cwh:test|enc-%1$s"}}]}"""
				.formatted(identifier, CrudIT.patient("Racetrans", identifier));
		List<Response> responses = AtOnce.fire(PARALLEL, java.time.Duration.ofSeconds(60), () -> fhir().body(bundle).post("/"));

		Set<String> locations = new HashSet<>();
		for (Response r : responses) {
			assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
			locations.add(r.jsonPath().getString("entry[0].response.location").replaceAll("/_history/.*", ""));
		}
		assertThat(locations).hasSize(1);
		fhir().get("/Encounter?identifier=urn:cwh:test|enc-" + identifier + "&_summary=count").then()
				.body("total", org.hamcrest.Matchers.equalTo(1));
	}
}
