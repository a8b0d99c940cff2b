package org.cwh.profiles;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.stream.Stream;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server serves the IG it enforces: every conformance resource in {@code profiles/} (Measures too) and every
 * subscription topic is readable under its own id,
 * the CapabilityStatement lists our profiles ({@code supportedProfile}) and search parameters, and those search
 * parameters work.
 */
@ExtendWith(CwhServerExtension.class)
class ProfilesServedIT {

	@Test
	void theHandoffTaskProfileIsReadable() {
		fhir().get("/StructureDefinition/cwh-handoff-task").then().statusCode(200)
				.body("url", equalTo(Canonical.profile("cwh-handoff-task")))
				.body("type", equalTo("Task"));
	}

	@TestFactory
	Stream<DynamicTest> everyConformanceResourceIsReadableUnderItsId() {
		return IgFiles.conformance().values().stream().map(r -> (MetadataResource) r)
				.map(r -> DynamicTest.dynamicTest(r.fhirType() + "/" + r.getIdElement().getIdPart(), () ->
						fhir().get("/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).then().statusCode(200)
								.body("url", equalTo(r.getUrl()))));
	}

	@TestFactory
	Stream<DynamicTest> everySubscriptionTopicIsReadableUnderItsId() {
		return IgFiles.topics().values().stream()
				.map(t -> DynamicTest.dynamicTest("Basic/" + t.getIdElement().getIdPart(), () ->
						fhir().get("/Basic/" + t.getIdElement().getIdPart()).then().statusCode(200)
								.body("extension.find { it.url == '" + ProfilePackage.TOPIC_URL_EXTENSION
										+ "' }.valueUri", equalTo(ProfilePackage.topicUrl(t)))));
	}

	@Test
	void theTopicsAreFoundByTheSearchHapisTopicLoaderRuns() {
		// R4SubscriptionTopicLoader: Basic?code=http://hl7.org/fhir/fhir-types|SubscriptionTopic
		fhir().get("/Basic?code=" + ProfilePackage.TOPIC_SYSTEM + "|" + ProfilePackage.TOPIC_CODE).then()
				.statusCode(200)
				.body("entry.resource.id", hasItems("cwh-task-for-owner", "cwh-task-for-requester"));
	}

	@TestFactory
	Stream<DynamicTest> theCapabilityStatementListsEveryProfile() {
		JsonPath statement = fhir().get("/metadata").then().statusCode(200).extract().jsonPath();
		return IgFiles.conformance().values().stream()
				.filter(r -> r instanceof StructureDefinition sd
						&& sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE)
				.map(r -> (StructureDefinition) r)
				.map(sd -> DynamicTest.dynamicTest(sd.getIdElement().getIdPart(), () -> {
					List<String> listed = statement.getList(
							"rest[0].resource.find { it.type == '" + sd.getType() + "' }.supportedProfile", String.class);
					assertTrue(listed != null && listed.contains(sd.getUrl()), sd.getType() + " lists " + listed);
				}));
	}

	@TestFactory
	Stream<DynamicTest> everySearchParameterIsListedAndWorks() {
		JsonPath statement = fhir().get("/metadata").then().statusCode(200).extract().jsonPath();
		return IgFiles.conformance().values().stream()
				.filter(r -> r instanceof SearchParameter).map(r -> (SearchParameter) r)
				.map(sp -> DynamicTest.dynamicTest(sp.getIdElement().getIdPart(), () -> {
					String type = sp.getBase().get(0).getCode();
					List<String> listed = statement.getList(
							"rest[0].resource.find { it.type == '" + type + "' }.searchParam.name", String.class);
					assertTrue(listed.contains(sp.getCode()), type + " lists " + listed);
					String value = sp.getType() == org.hl7.fhir.r4.model.Enumerations.SearchParamType.REFERENCE
							? "Patient/none" : "none";
					// HAPI answers an unknown search parameter with 400, so 200 shows it is active.
					fhir().get("/" + type + "?" + sp.getCode() + "=" + value).then().statusCode(200);
				}));
	}

	@Test
	void aClientsSearchParameterWithAnExpressionThatDoesNotParseIsRefused() {
		// The server stores its own parameters with HAPI's expression check off (ProfileStore); it is back on after.
		fhir().body("""
				{"resourceType":"SearchParameter","url":"http://example.org/SearchParameter/broken","name":"broken",
				 "status":"active","description":"broken","code":"broken","base":["Patient"],"type":"token",
				 "expression":"Patient.identifier.where("}""").post("/SearchParameter").then().statusCode(422)
				.body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("HAPI-1121"));
	}
}
