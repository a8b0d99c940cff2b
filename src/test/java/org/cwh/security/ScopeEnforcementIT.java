package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.security.Handoffs.SYSTEM;
import static org.cwh.security.Handoffs.handoff;
import static org.cwh.security.Handoffs.organization;
import static org.cwh.security.Handoffs.patient;
import static org.cwh.security.Handoffs.stored;
import static org.cwh.testing.CwhServerExtension.client;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import java.util.UUID;
import org.cwh.security.Caller.Role;
import org.cwh.security.Handoffs.Handoff;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SMART scopes over HTTP with real tokens. The clients here are admins (no organization limits) with narrow scopes,
 * so every refusal is the scope's.
 */
@ExtendWith(CwhServerExtension.class)
class ScopeEnforcementIT {

	static void refused(Response response, String diagnostics) {
		response.then().statusCode(403)
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].code", equalTo("forbidden"))
				.body("issue[0].diagnostics", containsString(diagnostics));
	}

	private static TestClient withScopes(String scopes) {
		return client(organization("scoped"), scopes, Role.ADMIN);
	}

	@Test
	void readWithoutReadScopeIsRefusedNamingTheScope() {
		String patient = patient();
		Handoff handoff = handoff(organization("p"), organization("r"), patient);
		TestClient client = withScopes("system/Patient.rs");

		fhirAs(client).get("/Patient/" + patient).then().statusCode(200);
		refused(fhirAs(client).get("/Task/" + handoff.task()),
				"needs system/Task.r (or system/Task.read); token has: system/Patient.rs");
		refused(fhirAs(client).get("/Task?_id=" + handoff.task()), "needs system/Task.s (or system/Task.read)");
	}

	@Test
	void readScopeAloneDoesNotSearchAndSearchScopeAloneDoesNotRead() {
		Handoff handoff = handoff(organization("p"), organization("r"), patient());

		TestClient reader = withScopes("system/Task.r");
		fhirAs(reader).get("/Task/" + handoff.task()).then().statusCode(200);
		fhirAs(reader).get("/Task/" + handoff.task() + "/_history").then().statusCode(200);
		refused(fhirAs(reader).get("/Task?_id=" + handoff.task()), "needs system/Task.s");

		TestClient searcher = withScopes("system/Task.s");
		fhirAs(searcher).get("/Task?_id=" + handoff.task()).then().statusCode(200).body("total", equalTo(1));
		refused(fhirAs(searcher).get("/Task/" + handoff.task()), "needs system/Task.r");
	}

	@Test
	void writeWithoutWriteScopeIsRefusedAndNothingChanges() {
		String patient = patient();
		Handoff handoff = handoff(organization("p"), organization("r"), patient);
		TestClient client = withScopes("system/Task.rs system/ServiceRequest.cruds");
		String task = fhirAs(client).get("/Task/" + handoff.task()).then().statusCode(200).extract().asString();

		refused(fhirAs(client).body(task.replace("\"requested\"", "\"cancelled\"")).put("/Task/" + handoff.task()),
				"needs system/Task.u (or system/Task.write); token has: system/ServiceRequest.cruds system/Task.rs");
		refused(fhirAs(client).contentType("application/json-patch+json")
				.body("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]")
				.patch("/Task/" + handoff.task()), "needs system/Task.u");
		refused(fhirAs(client).delete("/Task/" + handoff.task()), "needs system/Task.d (or system/Task.write)");
		refused(fhirAs(client).body(task).post("/Task"), "needs system/Task.c (or system/Task.write)");

		assertUnchanged("Task/" + handoff.task());
		fhirAs(client).body(Handoffs.serviceRequestJson(patient)).post("/ServiceRequest").then().statusCode(201);
	}

	/** Still at its first version, as the admin stored it. */
	static void assertUnchanged(String reference) {
		assertThat(stored(reference).getString("meta.versionId")).isEqualTo("1");
	}

	@Test
	void v1ScopesReadAndWriteAsTheirV2Letters() {
		Handoff handoff = handoff(organization("p"), organization("r"), patient());
		TestClient reader = withScopes("system/*.read");
		fhirAs(reader).get("/Task/" + handoff.task()).then().statusCode(200);
		fhirAs(reader).get("/ServiceRequest?_id=" + handoff.referral()).then().statusCode(200);
		refused(fhirAs(reader).delete("/Task/" + handoff.task()), "needs system/Task.d (or system/Task.write)");

		TestClient writer = withScopes("system/Patient.write");
		fhirAs(writer).body("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Writer\"}]}").post("/Patient")
				.then().statusCode(201);
		refused(fhirAs(writer).get("/Patient?name=Writer"), "needs system/Patient.s (or system/Patient.read)");
	}

	@Test
	void transactionWithOneForbiddenEntryIsRefusedWholeAndStoresNothing() {
		String identifier = UUID.randomUUID().toString();
		TestClient client = withScopes("system/Patient.cruds");
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient",
				   "identifier":[{"system":"%2$s","value":"%1$s"}]},"request":{"method":"POST","url":"Patient"}},
				 {"resource":{"resourceType":"Observation","status":"final","code":{"text":"mood"},
				   "subject":{"reference":"urn:uuid:%1$s"}},"request":{"method":"POST","url":"Observation"}}]}"""
				.formatted(identifier, SYSTEM);

		refused(fhirAs(client).body(bundle).post("/"),
				"Bundle entry CREATE Observation: needs system/Observation.c (or system/Observation.write)");
		fhir().get("/Patient?identifier=" + SYSTEM + "|" + identifier).then().statusCode(200).body("total", equalTo(0));

		// The same Bundle as a batch: refused whole too (HAPI checks every entry before running any).
		refused(fhirAs(client).body(bundle.replace("\"transaction\"", "\"batch\"")).post("/"), "Observation.c");
		fhir().get("/Patient?identifier=" + SYSTEM + "|" + identifier).then().statusCode(200).body("total", equalTo(0));
	}

	@Test
	void getEntriesOfABatchNeedTheirScopes() {
		Handoff handoff = handoff(organization("p"), organization("r"), patient());
		TestClient client = withScopes("system/Patient.rs");
		String batch = """
				{"resourceType":"Bundle","type":"batch","entry":[
				 {"request":{"method":"GET","url":"Task/%s"}}]}""".formatted(handoff.task());
		refused(fhirAs(client).body(batch).post("/"), "Bundle entry GET Task/" + handoff.task() + ": needs system/Task.r");
		refused(fhirAs(client).body(batch.replace("Task/" + handoff.task(), "Task?_id=" + handoff.task())).post("/"),
				"needs system/Task.s");
	}

	@Test
	void includedResourceOfAForbiddenTypeRefusesTheSearch() {
		Handoff handoff = handoff(organization("p"), organization("r"), patient());
		TestClient client = withScopes("system/Task.rs");

		fhirAs(client).get("/Task?_id=" + handoff.task()).then().statusCode(200);
		refused(fhirAs(client).get("/Task?_id=" + handoff.task() + "&_include=Task:focus"),
				"the response holds a ServiceRequest, which this token may not read: "
						+ "needs system/ServiceRequest.r or system/ServiceRequest.s");

		TestClient both = withScopes("system/Task.rs system/ServiceRequest.s");
		fhirAs(both).get("/Task?_id=" + handoff.task() + "&_include=Task:focus").then().statusCode(200)
				.body("entry.resource.resourceType", hasItem("ServiceRequest"));
	}

	private static String observation(String patient, String category) {
		return Handoffs.create("Observation", observationJson(patient, category));
	}

	private static String observationJson(String patient, String category) {
		return """
				{"resourceType":"Observation","status":"final","category":[{"coding":[
				 {"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"%s"}]}],
				 "code":{"text":"result"},"subject":{"reference":"Patient/%s"}}""".formatted(category, patient);
	}

	@Test
	void queryScopeGrantsOnlyTheResourcesMatchingItsQuery() {
		String patient = patient();
		String lab = observation(patient, "laboratory");
		String vitals = observation(patient, "vital-signs");
		TestClient client = withScopes("system/Observation.rs?category=laboratory");

		fhirAs(client).get("/Observation/" + lab).then().statusCode(200);
		refused(fhirAs(client).get("/Observation/" + vitals), "Observation/" + vitals
				+ " matches no query of the scopes that grant it (category=laboratory)");
		// The search is narrowed to the query, so it lists and counts only what the scope grants.
		fhirAs(client).get("/Observation?subject=Patient/" + patient).then().statusCode(200)
				.body("total", equalTo(1)).body("entry[0].resource.id", equalTo(lab));
	}

	@Test
	void queryScopeGrantsWritesOnlyOfMatchingResourcesBeforeAndAfter() {
		String patient = patient();
		String lab = observation(patient, "laboratory");
		TestClient client = withScopes("system/Observation.cru?category=laboratory");

		refused(fhirAs(client).body(observationJson(patient, "vital-signs")).post("/Observation"),
				"matches no query of the scopes that grant it (category=laboratory)");
		fhirAs(client).body(observationJson(patient, "laboratory")).post("/Observation").then().statusCode(201);
		String moved = observationJson(patient, "vital-signs").replace("{\"resourceType\":\"Observation\",",
				"{\"resourceType\":\"Observation\",\"id\":\"" + lab + "\",");
		refused(fhirAs(client).body(moved).put("/Observation/" + lab), "matches no query");
		assertUnchanged("Observation/" + lab);
	}

	@Test
	void capabilityStatementNeedsNoScope() {
		TestClient client = withScopes("system/Patient.r");
		fhirAs(client).get("/metadata").then().statusCode(200).body("resourceType", equalTo("CapabilityStatement"))
				.body("resourceType", not(equalTo("OperationOutcome")));
	}
}
