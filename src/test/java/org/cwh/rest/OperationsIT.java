package org.cwh.rest;

import static org.hamcrest.Matchers.nullValue;
import static org.cwh.rest.TestData.create;
import static org.cwh.rest.TestData.encounter;
import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.observation;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operations the CapabilityStatement lists for Patient: $everything, $validate, $meta, $meta-add, $meta-delete. */
@ExtendWith(CwhServerExtension.class)
class OperationsIT {

	private static final String INVALID_OBSERVATION = """
			{"resourceType":"Observation","valueString":"no status and no code"}""";

	@Test
	void everythingReturnsThePatientAndItsRecordOnly() {
		String patientId = create("Patient", patient(family(), uuid()));
		String encounterId = create("Encounter", encounter("Patient/" + patientId, uuid()));
		String observationId = create("Observation", observation("Patient/" + patientId));
		String otherPatient = create("Patient", patient(family(), uuid()));
		String otherEncounter = create("Encounter", encounter("Patient/" + otherPatient, uuid()));

		fhir().get("/Patient/" + patientId + "/$everything").then().statusCode(200)
				.body("type", equalTo("searchset"))
				.body("entry.resource.id", hasItems(patientId, encounterId, observationId))
				.body("entry.resource.id", not(hasItem(otherEncounter)))
				.body("entry.resource.id", not(hasItem(otherPatient)));
	}

	@Test
	void typeLevelValidateAcceptsAValidResource() {
		fhir().body(observation("Patient/any")).post("/Observation/$validate").then().statusCode(200)
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue.severity", everyItem(not(equalTo("error"))));
	}

	@Test
	void typeLevelValidateReportsErrorsOfAnInvalidResource() {
		// FHIR answers 200 when the validation ran, whatever its verdict; the verdict is in the issues.
		fhir().body(INVALID_OBSERVATION).post("/Observation/$validate").then().statusCode(200)
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue.findAll { it.severity == 'error' }.diagnostics",
						hasItems(containsString("Observation.status"), containsString("Observation.code")));
	}

	@Test
	void instanceValidateChecksAnUpdateOfThatResource() {
		String id = create("Patient", patient(family(), uuid()));
		String valid = patient(family(), uuid()).replace("{\"resourceType\":\"Patient\",",
				"{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",");
		fhir().body(valid).post("/Patient/" + id + "/$validate").then().statusCode(200)
				.body("issue.severity", everyItem(not(equalTo("error"))));

		// pat-1: a contact needs contact details or an organization.
		String invalid = valid.replace("\"gender\":\"female\"", "\"gender\":\"female\",\"contact\":[{\"gender\":\"male\"}]");
		fhir().body(invalid).post("/Patient/" + id + "/$validate").then().statusCode(200)
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue.findAll { it.severity == 'error' }.diagnostics", hasItem(containsString("pat-1")));
	}

	@Test
	void metaAddMetaDeleteAndMetaManageLabelsAndTags() {
		String id = create("Patient", patient(family(), uuid()));
		String meta = """
				{"resourceType":"Parameters","parameter":[{"name":"meta","valueMeta":{
				 "security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"}],
				 "tag":[{"system":"urn:cwh:test:tag","code":"%s"}]}}]}""".formatted("t-" + id);

		fhir().body(meta).post("/Patient/" + id + "/$meta-add").then().statusCode(200)
				.body("parameter[0].valueMeta.security.code", hasItem("R"))
				.body("parameter[0].valueMeta.tag.code", hasItem("t-" + id));
		fhir().get("/Patient/" + id + "/$meta").then().statusCode(200)
				.body("parameter[0].valueMeta.security.code", hasItem("R"))
				.body("parameter[0].valueMeta.tag.code", hasItem("t-" + id));
		fhir().get("/Patient?_tag=urn:cwh:test:tag|t-" + id).then().body("total", equalTo(1));

		fhir().body(meta).post("/Patient/" + id + "/$meta-delete").then().statusCode(200);
		fhir().get("/Patient/" + id + "/$meta").then().statusCode(200)
				.body("parameter[0].valueMeta.security", nullValue())
				.body("parameter[0].valueMeta.tag", nullValue());
		fhir().get("/Patient?_tag=urn:cwh:test:tag|t-" + id).then().body("total", equalTo(0));
	}
}
