package org.cwh.rest;

import java.util.List;
import static org.cwh.rest.TestData.create;
import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PATCH in the three formats the CapabilityStatement advertises: JSON Patch, FHIRPath Patch (Parameters) and XML
 * Patch, each with a success and a refused patch. The conformance suites run in {@link PatchConformanceIT}.
 */
@ExtendWith(CwhServerExtension.class)
class PatchIT {

	@Test
	void jsonPatchAppliesEveryOperation() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().contentType("application/json-patch+json").body("""
						[{"op":"test","path":"/gender","value":"female"},
						 {"op":"replace","path":"/gender","value":"other"},
						 {"op":"add","path":"/name/0/given/-","value":"Beth"},
						 {"op":"copy","from":"/birthDate","path":"/deceasedDateTime"},
						 {"op":"move","from":"/name/0/given/0","path":"/name/0/given/1"},
						 {"op":"remove","path":"/birthDate"}]""")
				.patch("/Patient/" + id).then().statusCode(200);

		fhir().get("/Patient/" + id).then().statusCode(200)
				.body("gender", equalTo("other"))
				.body("name[0].given", equalTo(List.of("Beth", "Ana")))
				.body("deceasedDateTime", equalTo("1990-04-02"))
				.body("birthDate", nullValue());
	}

	@Test
	void jsonPatchWithFailingTestChangesNothing() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().contentType("application/json-patch+json").body("""
						[{"op":"test","path":"/gender","value":"male"},{"op":"remove","path":"/birthDate"}]""")
				.patch("/Patient/" + id).then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
		fhir().get("/Patient/" + id).then().header("ETag", equalTo("W/\"1\"")).body("birthDate", equalTo("1990-04-02"));
	}

	@Test
	void jsonPatchProducingAnInvalidResourceIsRefused() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().contentType("application/json-patch+json").body("""
						[{"op":"add","path":"/notAnElement","value":1}]""")
				.patch("/Patient/" + id).then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
	}

	@Test
	void fhirPathPatchAppliesAddReplaceInsertDelete() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().body("""
						{"resourceType":"Parameters","parameter":[
						 {"name":"operation","part":[{"name":"type","valueCode":"replace"},
						  {"name":"path","valueString":"Patient.gender"},{"name":"value","valueCode":"male"}]},
						 {"name":"operation","part":[{"name":"type","valueCode":"add"},
						  {"name":"path","valueString":"Patient"},{"name":"name","valueString":"active"},
						  {"name":"value","valueBoolean":true}]},
						 {"name":"operation","part":[{"name":"type","valueCode":"insert"},
						  {"name":"path","valueString":"Patient.name[0].given"},{"name":"index","valueInteger":0},
						  {"name":"value","valueString":"Zoe"}]},
						 {"name":"operation","part":[{"name":"type","valueCode":"delete"},
						  {"name":"path","valueString":"Patient.birthDate"}]}]}""")
				.patch("/Patient/" + id).then().statusCode(200);

		fhir().get("/Patient/" + id).then().statusCode(200)
				.body("gender", equalTo("male"))
				.body("active", equalTo(true))
				.body("name[0].given", equalTo(List.of("Zoe", "Ana")))
				.body("birthDate", nullValue());
	}

	@Test
	void fhirPathPatchOnAMissingElementIsRefused() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().body("""
						{"resourceType":"Parameters","parameter":[
						 {"name":"operation","part":[{"name":"type","valueCode":"add"},
						  {"name":"path","valueString":"Patient.maritalStatus"},{"name":"name","valueString":"text"},
						  {"name":"value","valueString":"x"}]}]}""")
				.patch("/Patient/" + id).then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
	}

	@Test
	void xmlPatchReplacesAndAdds() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().contentType("application/xml-patch+xml").body("""
						<diff xmlns:f="http://hl7.org/fhir">
						  <replace sel="/f:Patient/f:gender/@value">male</replace>
						  <add sel="/f:Patient"><active xmlns="http://hl7.org/fhir" value="true"/></add>
						</diff>""")
				.patch("/Patient/" + id).then().statusCode(200);

		fhir().get("/Patient/" + id).then().statusCode(200)
				.body("gender", equalTo("male"))
				.body("active", equalTo(true));
	}

	@Test
	void xmlPatchWithASelectorThatMatchesNothingIsRefused() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().contentType("application/xml-patch+xml").body("""
						<diff xmlns:f="http://hl7.org/fhir"><remove sel="/f:Patient/f:maritalStatus"/></diff>""")
				.patch("/Patient/" + id).then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
		fhir().get("/Patient/" + id).then().header("ETag", equalTo("W/\"1\""));
	}

	@Test
	void xmlPatchWithoutOperationsIsRefused() {
		String id = create("Patient", patient(family(), uuid()));
		fhir().contentType("application/xml-patch+xml").body("<diff xmlns:f=\"http://hl7.org/fhir\"/>")
				.patch("/Patient/" + id).then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
	}

	@Test
	void patchOfAnUnknownResourceIsNotFound() {
		fhir().contentType("application/json-patch+json").body("[{\"op\":\"remove\",\"path\":\"/gender\"}]")
				.patch("/Patient/unknown-" + uuid()).then().statusCode(404)
				.body("issue.severity", hasItem("error"));
	}
}
