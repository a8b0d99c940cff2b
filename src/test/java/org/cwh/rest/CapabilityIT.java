package org.cwh.rest;

import static org.cwh.rest.TestData.SYSTEM;
import static org.cwh.rest.TestData.encounter;
import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.observation;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CapabilityStatement at /metadata tells the truth: every interaction it lists for a few resource types is
 * exercised here and works; transaction and batch are listed; the OpenAPI document and Swagger UI are served.
 */
@ExtendWith(CwhServerExtension.class)
class CapabilityIT {

	/** The interactions this test knows how to exercise; a type listing another one fails the test. */
	private static final Set<String> EXERCISED = Set.of("read", "vread", "update", "patch", "delete",
			"history-instance", "history-type", "create", "search-type");

	@Test
	void statementIsFhirR4WithTransactionAndBatch() {
		fhir().get("/metadata").then().statusCode(200)
				.body("resourceType", equalTo("CapabilityStatement"))
				.body("fhirVersion", equalTo("4.0.1"))
				.body("rest[0].mode", equalTo("server"))
				.body("rest[0].interaction.code", hasItems("transaction", "batch"))
				.body("patchFormat", hasItems("application/json-patch+json", "application/fhir+json"));
	}

	@Test
	void disabledExpungeIsNotAdvertised() {
		JsonPath statement = fhir().get("/metadata").then().statusCode(200).extract().jsonPath();
		assertEquals(List.of(), statement.getList("rest[0].operation.findAll { it.name == 'expunge' }"));
		assertEquals(List.of(), statement.getList(
				"rest[0].resource.find { it.type == 'Patient' }.operation.findAll { it.name == 'expunge' }"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"Patient", "Encounter", "Observation"})
	void everyListedInteractionWorks(String type) {
		JsonPath statement = fhir().get("/metadata").then().statusCode(200).extract().jsonPath();
		Set<String> listed = new TreeSet<>(statement.getList(
				"rest[0].resource.find { it.type == '" + type + "' }.interaction.code", String.class));
		assertEquals(new TreeSet<>(EXERCISED), listed, type + " lists interactions this test does not exercise");

		String identifier = uuid();
		String patientId = TestData.create("Patient", patient(family(), uuid()));
		String body = switch (type) {
			case "Patient" -> patient(family(), identifier);
			case "Encounter" -> encounter("Patient/" + patientId, identifier);
			default -> observation("Patient/" + patientId).replace("\"status\"",
					"\"identifier\":[{\"system\":\"" + SYSTEM + "\",\"value\":\"" + identifier + "\"}],\"status\"");
		};

		String id = TestData.create(type, body);                                                  // create
		fhir().get("/" + type + "/" + id).then().statusCode(200);                                 // read
		fhir().body(body.replace("{\"resourceType\":\"" + type + "\",",
						"{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\",\"language\":\"de\","))
				.put("/" + type + "/" + id).then().statusCode(200);                               // update
		fhir().contentType("application/json-patch+json")
				.body("[{\"op\":\"add\",\"path\":\"/language\",\"value\":\"en\"}]")
				.patch("/" + type + "/" + id).then().statusCode(200);                             // patch
		fhir().get("/" + type + "/" + id + "/_history/1").then().statusCode(200);                 // vread
		fhir().get("/" + type + "/" + id + "/_history").then().statusCode(200)
				.body("total", equalTo(3));                                                        // history-instance
		fhir().get("/" + type + "/_history?_count=1").then().statusCode(200)
				.body("type", equalTo("history"));                                                 // history-type
		fhir().get("/" + type + "?identifier=" + SYSTEM + "|" + identifier).then().statusCode(200)
				.body("entry.resource.id", hasItem(id));                                           // search-type
		fhir().delete("/" + type + "/" + id).then().statusCode(200);                              // delete
		fhir().get("/" + type + "/" + id).then().statusCode(410);
	}

	@Test
	void swaggerUiIsServedAsHtml() {
		RestAssured.given().baseUri(CwhServerExtension.server().baseUrl()).get("/swagger-ui/").then()
				.statusCode(200)
				.contentType(startsWith("text/html"))
				.body(containsString("swagger"));
	}

	@Test
	void apiDocsIsTheOpenApiDocument() {
		// HAPI's OpenApiInterceptor serves YAML only.
		RestAssured.given().baseUri(CwhServerExtension.server().baseUrl()).get("/api-docs").then().statusCode(200)
				.contentType(startsWith("text/yaml"))
				.body(startsWith("openapi: 3."))
				.body(containsString("/Patient/{id}:"));
	}
}
