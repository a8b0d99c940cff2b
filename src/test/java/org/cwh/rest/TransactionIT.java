package org.cwh.rest;

import static org.cwh.rest.TestData.SYSTEM;
import static org.cwh.rest.TestData.encounter;
import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transaction (all or nothing, urn:uuid references resolved) and batch (each entry on its own) at the base URL. */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class TransactionIT {

	private static String bundle(String type, String... entries) {
		return """
				{"resourceType":"Bundle","type":"%s","entry":[%s]}""".formatted(type, String.join(",", entries));
	}

	private static String post(String fullUrl, String type, String resource) {
		return """
				{"fullUrl":"%s","resource":%s,"request":{"method":"POST","url":"%s"}}"""
				.formatted(fullUrl, resource, type);
	}

	@Test
	void transactionStoresEveryEntryAndResolvesPlaceholderReferences() {
		String identifier = uuid();
		String placeholder = "urn:uuid:" + uuid();
		JsonPath response = fhir().body(bundle("transaction",
						post(placeholder, "Patient", patient(family(), identifier)),
						post("urn:uuid:" + uuid(), "Encounter", encounter(placeholder, uuid()))))
				.post("/").then().statusCode(200)
				.body("type", equalTo("transaction-response"))
				.body("entry[0].response.status", startsWith("201"))
				.body("entry[1].response.status", startsWith("201"))
				.extract().jsonPath();
		String patientLocation = response.getString("entry[0].response.location");
		String patientId = patientLocation.split("/")[1];
		String encounterLocation = response.getString("entry[1].response.location");

		fhir().get("/" + encounterLocation.replaceAll("/_history/.*", "")).then().statusCode(200)
				.body("subject.reference", equalTo("Patient/" + patientId));
	}

	@Test
	void transactionWithOneBadEntryStoresNothing() {
		String identifier = uuid();
		fhir().body(bundle("transaction",
						post("urn:uuid:" + uuid(), "Patient", patient(family(), identifier)),
						post("urn:uuid:" + uuid(), "Encounter", encounter("Patient/missing-" + uuid(), uuid()))))
				.post("/").then().statusCode(equalTo(400))
				.body("resourceType", equalTo("OperationOutcome"));

		fhir().get("/Patient?identifier=" + SYSTEM + "|" + identifier).then().statusCode(200)
				.body("total", equalTo(0));
	}

	/**
	 * An {@code ifNoneExist} that starts with a chain (a Provenance has no identifier; its target's has) makes the
	 * entry idempotent: the retry finds what the first post created. Stock HAPI 8.8 answered it 500.
	 */
	@Test
	void aChainedIfNoneExistCreatesOnceAndARetryFindsIt() {
		String identifier = uuid();
		String placeholder = "urn:uuid:" + uuid();
		String transaction = bundle("transaction",
				"""
				{"fullUrl":"%1$s","resource":%2$s,
				 "request":{"method":"POST","url":"Patient","ifNoneExist":"identifier=%3$s|%4$s"}}"""
						.formatted(placeholder, patient(family(), identifier), SYSTEM, identifier),
				"""
				{"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Provenance","target":[{"reference":"%2$s"}],
				  "recorded":"2026-03-03T01:05:00Z","agent":[{"who":{"display":"crisis clinician"}}]},
				 "request":{"method":"POST","url":"Provenance","ifNoneExist":"target:Patient.identifier=%3$s|%4$s"}}"""
						.formatted(uuid(), placeholder, SYSTEM, identifier));

		String first = fhir().body(transaction).post("/").then().statusCode(200)
				.body("entry[1].response.status", startsWith("201")).extract().jsonPath()
				.getString("entry[1].response.location").replaceAll("/_history/.*", "");
		String retried = fhir().body(transaction).post("/").then().statusCode(200)
				.body("entry[1].response.status", startsWith("200")).extract().jsonPath()
				.getString("entry[1].response.location").replaceAll("/_history/.*", "");

		org.junit.jupiter.api.Assertions.assertEquals(first, retried);
		fhir().get("/Provenance?target:Patient.identifier=" + SYSTEM + "|" + identifier + "&_summary=count")
				.then().statusCode(200).body("total", equalTo(1));
	}

	@Test
	void batchReportsEachEntryOnItsOwn() {
		String identifier = uuid();
		JsonPath response = fhir().body(bundle("batch",
						post("urn:uuid:" + uuid(), "Patient", patient(family(), identifier)),
						post("urn:uuid:" + uuid(), "Encounter", encounter("Patient/missing-" + uuid(), uuid())),
						"""
						{"request":{"method":"GET","url":"Patient?identifier=%s|%s"}}""".formatted(SYSTEM, uuid())))
				.post("/").then().statusCode(200)
				.body("type", equalTo("batch-response"))
				.body("entry[0].response.status", startsWith("201"))
				.body("entry[1].response.status", startsWith("4"))
				.body("entry[1].response.outcome.resourceType", equalTo("OperationOutcome"))
				.body("entry[2].response.status", startsWith("200"))
				.body("entry[2].resource.total", equalTo(0))
				.extract().jsonPath();

		fhir().get("/Patient?identifier=" + SYSTEM + "|" + identifier).then().statusCode(200)
				.body("total", equalTo(1))
				.body("entry[0].resource.id", equalTo(response.getString("entry[0].response.location").split("/")[1]));
	}
}
