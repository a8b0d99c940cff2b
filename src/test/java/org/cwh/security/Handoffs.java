package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.fhir;

import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.cwh.testing.CwhServerExtension;

/**
 * Test data for the access tests, stored by the test operator (admin): each test gets its own organizations, a
 * patient, and handoffs (a ServiceRequest and the Task pointing to it) between them.
 */
final class Handoffs {

	static final String SYSTEM = "urn:cwh:test:access";

	private Handoffs() {}

	/** A fresh organization id with a readable prefix, e.g. {@code provider-1a2b3c4d}. */
	static String organization(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String patient() {
		return create("Patient", """
				{"resourceType":"Patient","identifier":[{"system":"%s","value":"%s"}],"name":[{"family":"Access"}]}"""
				.formatted(SYSTEM, UUID.randomUUID()));
	}

	static String serviceRequestJson(String patientId) {
		return """
				{"resourceType":"ServiceRequest","status":"active","intent":"order",
				 "identifier":[{"system":"%s","value":"%s"}],
				 "code":{"text":"peer support"},"subject":{"reference":"Patient/%s"}}"""
				.formatted(SYSTEM, UUID.randomUUID(), patientId);
	}

	static String taskJson(String owner, String requester, String serviceRequestId, String patientId) {
		return """
				{"resourceType":"Task","status":"requested","intent":"order",
				 "identifier":[{"system":"%s","value":"%s"}],
				 "focus":{"reference":"ServiceRequest/%s"},"for":{"reference":"Patient/%s"},
				 "owner":{"reference":"Organization/%s"},"requester":{"reference":"Organization/%s"}}"""
				.formatted(SYSTEM, UUID.randomUUID(), serviceRequestId, patientId, owner, requester);
	}

	/** A handoff from {@code requester} to {@code owner}: the referral and its Task, stored by the admin. */
	static Handoff handoff(String owner, String requester, String patientId) {
		CwhServerExtension.ensureOrganization(owner);
		CwhServerExtension.ensureOrganization(requester);
		String referral = create("ServiceRequest", serviceRequestJson(patientId));
		String task = create("Task", taskJson(owner, requester, referral, patientId));
		return new Handoff(task, referral);
	}

	record Handoff(String task, String referral) {}

	static String create(String type, String json) {
		return fhir().body(json).post("/" + type).then().statusCode(201).extract().jsonPath().getString("id");
	}

	/** The stored resource as the admin sees it. */
	static JsonPath stored(String reference) {
		return fhir().get("/" + reference).then().statusCode(200).extract().jsonPath();
	}
}
