package org.cwh.rest;

import static org.cwh.testing.CwhServerExtension.fhir;

import java.util.Locale;
import java.util.UUID;

/** Builds the unique test data the REST tests create for themselves; no test reuses another's data. */
final class TestData {

	static final String SYSTEM = "urn:cwh:test";

	private TestData() {}

	static String uuid() {
		return UUID.randomUUID().toString();
	}

	/**
	 * A made-up family name of fixed width. String search is a prefix match, so equal widths keep one test's name
	 * from matching another's.
	 */
	static String family() {
		String letters = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
		StringBuilder name = new StringBuilder("Zz");
		for (char c : letters.toCharArray()) {
			name.append((char) ('a' + Character.digit(c, 16)));
		}
		return name.toString();
	}

	static String patient(String family, String identifier) {
		return patient(family, identifier, "1990-04-02");
	}

	static String patient(String family, String identifier, String birthDate) {
		return """
				{"resourceType":"Patient","identifier":[{"system":"%s","value":"%s"}],
				 "name":[{"family":"%s","given":["Ana"]}],"gender":"female","birthDate":"%s"}"""
				.formatted(SYSTEM, identifier, family, birthDate);
	}

	static String encounter(String patientReference, String identifier) {
		return """
				{"resourceType":"Encounter","status":"finished","identifier":[{"system":"%s","value":"%s"}],
				 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
				 "subject":{"reference":"%s"}}""".formatted(SYSTEM, identifier, patientReference);
	}

	static String observation(String patientReference) {
		return """
				{"resourceType":"Observation","status":"final","code":{"text":"mood"},
				 "subject":{"reference":"%s"},"valueString":"calm"}""".formatted(patientReference);
	}

	/** POSTs a resource and returns its new logical id. */
	static String create(String type, String json) {
		return fhir().body(json).post("/" + type).then().statusCode(201).extract().jsonPath().getString("id");
	}
}
