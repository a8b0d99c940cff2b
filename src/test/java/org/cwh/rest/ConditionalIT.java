package org.cwh.rest;

import static org.hamcrest.Matchers.containsString;
import static org.cwh.rest.TestData.SYSTEM;
import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.anyOf;

import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Conditional create (If-None-Exist), conditional update (PUT with a search URL) and conditional delete. */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class ConditionalIT {

	@Test
	void conditionalCreateStoresOnceAndThenAnswersWithTheMatch() {
		String identifier = uuid();
		String match = "identifier=" + SYSTEM + "|" + identifier;
		String id = fhir().header("If-None-Exist", match).body(patient(family(), identifier)).post("/Patient")
				.then().statusCode(201).extract().jsonPath().getString("id");

		fhir().header("If-None-Exist", match).body(patient(family(), identifier)).post("/Patient")
				.then().statusCode(200)
				.header("Location", containsString("Patient/" + id + "/_history/1"));

		fhir().get("/Patient?" + match).then().statusCode(200).body("total", equalTo(1));
	}

	@Test
	void conditionalUpdateCreatesThenUpdatesTheMatch() {
		String identifier = uuid();
		String url = "/Patient?identifier=" + SYSTEM + "|" + identifier;
		String id = fhir().body(patient(family(), identifier)).put(url).then().statusCode(201)
				.extract().jsonPath().getString("id");

		fhir().body(patient(family(), identifier, "1970-01-01")).put(url).then().statusCode(200)
				.header("ETag", equalTo("W/\"2\""))
				.body("id", equalTo(id))
				.body("birthDate", equalTo("1970-01-01"));
	}

	@Test
	void conditionalUpdateMatchingTwoResourcesIsRefused() {
		String identifier = uuid();
		fhir().body(patient(family(), identifier)).post("/Patient").then().statusCode(201);
		fhir().body(patient(family(), identifier)).post("/Patient").then().statusCode(201);

		fhir().body(patient(family(), identifier)).put("/Patient?identifier=" + SYSTEM + "|" + identifier)
				.then().statusCode(412).body("resourceType", equalTo("OperationOutcome"));
	}

	@Test
	void conditionalDeleteRemovesTheMatch() {
		String identifier = uuid();
		String id = TestData.create("Patient", patient(family(), identifier));

		fhir().delete("/Patient?identifier=" + SYSTEM + "|" + identifier).then()
				.statusCode(anyOf(equalTo(200), equalTo(204)));

		fhir().get("/Patient/" + id).then().statusCode(410);
		fhir().get("/Patient?identifier=" + SYSTEM + "|" + identifier).then().body("total", equalTo(0));
	}
}
