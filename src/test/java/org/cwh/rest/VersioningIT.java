package org.cwh.rest;

import static org.cwh.rest.TestData.create;
import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ETag and If-Match: a matching version updates, a stale one is refused with 412 (FHIR R4's answer; HAPI's own is
 * 409 HAPI-0989, which {@link ErrorResponseInterceptor} rewrites), for PUT and for PATCH alike.
 */
@ExtendWith(CwhServerExtension.class)
class VersioningIT {

	private static final String REPLACE_GENDER = """
			[{"op":"replace","path":"/gender","value":"male"}]""";

	private static String withId(String json, String id) {
		return json.replace("{\"resourceType\":\"Patient\",", "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",");
	}

	@Test
	void readCarriesTheVersionAsWeakEtag() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().get("/Patient/" + id).then().statusCode(200).header("ETag", equalTo("W/\"1\""))
				.body("meta.versionId", equalTo("1"));
	}

	@Test
	void updateWithMatchingIfMatchSucceeds() {
		String identifier = uuid();
		String id = create("Patient", patient(family(), identifier));
		fhir().header("If-Match", "W/\"1\"").body(withId(patient(family(), identifier), id)).put("/Patient/" + id)
				.then().statusCode(200).header("ETag", equalTo("W/\"2\""));
	}

	@Test
	void updateWithStaleIfMatchIsPreconditionFailed() {
		String identifier = uuid();
		String id = create("Patient", patient(family(), identifier));
		fhir().body(withId(patient(family(), identifier), id)).put("/Patient/" + id).then().statusCode(200);

		fhir().header("If-Match", "W/\"1\"").body(withId(patient(family(), identifier), id)).put("/Patient/" + id)
				.then().statusCode(412)
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].severity", equalTo("error"))
				.body("issue[0].diagnostics", containsString("HAPI-0989"));
		fhir().get("/Patient/" + id).then().header("ETag", equalTo("W/\"2\""));
	}

	@Test
	void patchWithMatchingIfMatchSucceeds() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().header("If-Match", "W/\"1\"").contentType("application/json-patch+json").body(REPLACE_GENDER)
				.patch("/Patient/" + id).then().statusCode(200).header("ETag", equalTo("W/\"2\""));
	}

	@Test
	void patchWithStaleIfMatchIsPreconditionFailed() {
		String identifier = uuid();
		String id = create("Patient", patient(family(), identifier));
		fhir().body(withId(patient(family(), identifier), id)).put("/Patient/" + id).then().statusCode(200);

		fhir().header("If-Match", "W/\"1\"").contentType("application/json-patch+json").body(REPLACE_GENDER)
				.patch("/Patient/" + id).then().statusCode(412)
				.body("resourceType", equalTo("OperationOutcome"));
		fhir().get("/Patient/" + id).then().body("gender", equalTo("female"));
	}
}
