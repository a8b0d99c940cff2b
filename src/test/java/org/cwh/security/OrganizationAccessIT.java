package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.security.Handoffs.handoff;
import static org.cwh.security.Handoffs.organization;
import static org.cwh.security.Handoffs.patient;
import static org.cwh.security.Handoffs.stored;
import static org.cwh.security.ScopeEnforcementIT.assertUnchanged;
import static org.cwh.security.ScopeEnforcementIT.refused;
import static org.cwh.testing.CwhServerExtension.client;
import static org.cwh.testing.CwhServerExtension.ensureOrganization;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.cwh.security.Caller.Role;
import org.cwh.security.Handoffs.Handoff;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organization rules over HTTP with real tokens. Each test has two handoffs for one patient: "mine" from the
 * referrer to the provider under test, and "theirs" between two other organizations. Every client has every scope,
 * so each refusal is the organization rule's.
 */
@ExtendWith(CwhServerExtension.class)
class OrganizationAccessIT {

	private static final String ALL = "system/*.cruds";

	private final String provider = organization("provider");
	private final String referrer = organization("referrer");
	private final String otherProvider = organization("provider");
	private final String otherReferrer = organization("referrer");
	private final String patient;
	private final Handoff mine;
	private final Handoff theirs;

	OrganizationAccessIT() {
		List.of(provider, referrer, otherProvider, otherReferrer).forEach(CwhServerExtension::ensureOrganization);
		patient = patient();
		mine = handoff(provider, referrer, patient);
		theirs = handoff(otherProvider, otherReferrer, patient);
	}

	private TestClient asProvider() {
		return client(provider, ALL, Role.PROVIDER);
	}

	private TestClient asReferrer() {
		return client(referrer, ALL, Role.REFERRER);
	}

	private static List<String> ids(JsonPath bundle, String type) {
		return bundle.getList("entry.findAll { it.resource.resourceType == '" + type + "' }.resource.id");
	}

	@Test
	void providerReadsItsTaskAndTheReferralItPointsTo() {
		TestClient client = asProvider();
		fhirAs(client).get("/Task/" + mine.task()).then().statusCode(200);
		fhirAs(client).get("/ServiceRequest/" + mine.referral()).then().statusCode(200);
		fhirAs(client).get("/Task/" + mine.task() + "/_history/1").then().statusCode(200);
	}

	@Test
	void providerCannotReadAnotherOrganizationsTaskOrReferral() {
		TestClient client = asProvider();
		refused(fhirAs(client).get("/Task/" + theirs.task()), "organization rule: a provider reads only the Tasks "
				+ "its organization owns (Task.owner = Organization/" + provider + ")");
		refused(fhirAs(client).get("/Task/" + theirs.task() + "/_history/1"), "Task.owner = Organization/" + provider);
		refused(fhirAs(client).get("/Task/" + theirs.task() + "/_history"), "Task.owner = Organization/" + provider);
		refused(fhirAs(client).get("/ServiceRequest/" + theirs.referral()), "organization rule: a provider reads "
				+ "only the ServiceRequests that a Task its organization owns points to");
		refused(fhirAs(client).get("/Task/" + theirs.task() + "/$meta"), "Task.owner = Organization/" + provider);
	}

	@Test
	void providerSearchListsOnlyItsOwnAndCountsOnlyThose() {
		TestClient client = asProvider();
		JsonPath tasks = fhirAs(client).get("/Task?patient=Patient/" + patient).then().statusCode(200)
				.body("total", equalTo(1)).extract().jsonPath();
		assertThat(ids(tasks, "Task")).containsExactly(mine.task());
		JsonPath referrals = fhirAs(client).get("/ServiceRequest?subject=Patient/" + patient).then().statusCode(200)
				.body("total", equalTo(1)).extract().jsonPath();
		assertThat(ids(referrals, "ServiceRequest")).containsExactly(mine.referral());
		fhirAs(client).get("/Task?patient=Patient/" + patient + "&_summary=count").then().statusCode(200)
				.body("total", equalTo(1));
		// Asking for the other organization's Task by id or by owner finds nothing rather than failing the page.
		fhirAs(client).get("/Task?_id=" + theirs.task()).then().statusCode(200).body("total", equalTo(0));
		fhirAs(client).get("/Task?owner=Organization/" + otherProvider).then().statusCode(200).body("total", equalTo(0));
		// The admin sees both.
		fhir().get("/Task?patient=Patient/" + patient).then().statusCode(200).body("total", equalTo(2));
	}

	@Test
	void includesLeaveOutWhatTheProviderMayNotSee() {
		TestClient client = asProvider();
		JsonPath forward = fhirAs(client).get("/Task?patient=Patient/" + patient + "&_include=Task:focus").then()
				.statusCode(200).extract().jsonPath();
		assertThat(ids(forward, "Task")).containsExactly(mine.task());
		assertThat(ids(forward, "ServiceRequest")).containsExactly(mine.referral());

		JsonPath reverse = fhirAs(client).get("/Patient?_id=" + patient + "&_revinclude=Task:patient"
				+ "&_revinclude=ServiceRequest:subject").then().statusCode(200).body("total", nullValue())
				.extract().jsonPath();
		assertThat(ids(reverse, "Task")).containsExactly(mine.task());
		assertThat(ids(reverse, "ServiceRequest")).containsExactly(mine.referral());
	}

	@Test
	void providerInboxListsItsWaitingHandoffsWithTheirReferralsAndANewOneAtOnce() {
		TestClient client = asProvider();
		String inbox = "/Task?owner=Organization/" + provider
				+ "&status=requested,received&_include=Task:focus&_include=Task:patient";
		JsonPath before = fhirAs(client).get(inbox).then().statusCode(200).extract().jsonPath();
		assertThat(ids(before, "Task")).containsExactly(mine.task());
		assertThat(ids(before, "ServiceRequest")).containsExactly(mine.referral());
		assertThat(ids(before, "Patient")).containsExactly(patient);

		Handoff next = handoff(provider, referrer, patient);
		JsonPath after = fhirAs(client).get(inbox).then().statusCode(200).extract().jsonPath();
		assertThat(ids(after, "Task")).containsExactlyInAnyOrder(mine.task(), next.task());
		assertThat(ids(after, "ServiceRequest")).containsExactlyInAnyOrder(mine.referral(), next.referral());
		assertThat(ids(after, "ServiceRequest")).doesNotContain(theirs.referral());
	}

	@Test
	void aFailedSearchOfALimitedCallerIsA4xxNotAServerError() {
		TestClient client = client(provider, "system/Task.rs system/Patient.rs", Role.PROVIDER);
		refused(fhirAs(client).get("/Task?patient=Patient/" + patient + "&_include=Task:focus&_summary=true"),
				"the response holds a ServiceRequest, which this token may not read");
		fhirAs(client).get("/Patient?_id=" + patient + "&no-such-parameter=1&_summary=true").then().statusCode(400)
				.body("resourceType", equalTo("OperationOutcome"));
	}

	@Test
	void everythingLeavesOutOtherOrganizationsHandoffs() {
		JsonPath everything = fhirAs(asProvider()).get("/Patient/" + patient + "/$everything").then().statusCode(200)
				.extract().jsonPath();
		assertThat(ids(everything, "Task")).containsExactly(mine.task());
		assertThat(ids(everything, "ServiceRequest")).containsExactly(mine.referral());
	}

	@Test
	void providerCannotChangeAnotherOrganizationsTask() {
		TestClient client = asProvider();
		String task = fhir().get("/Task/" + theirs.task()).then().statusCode(200).extract().asString();
		String rule = "organization rule: a provider changes only the Tasks its organization owns (Task.owner = "
				+ "Organization/" + provider + ", before and after the change)";

		refused(fhirAs(client).body(task.replace("\"requested\"", "\"received\"")).put("/Task/" + theirs.task()), rule);
		refused(fhirAs(client).contentType("application/json-patch+json")
				.body("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"received\"}]")
				.patch("/Task/" + theirs.task()), rule);
		refused(fhirAs(client).delete("/Task/" + theirs.task()), "only the requesting organization deletes a Task");
		// Taking the Task over by naming itself owner is a change of someone else's Task too.
		refused(fhirAs(client).body(task.replace(otherProvider, provider)).put("/Task/" + theirs.task()), rule);

		assertUnchanged("Task/" + theirs.task());
	}

	@Test
	void providerWorksItsOwnTaskButDoesNotDeleteIt() {
		TestClient client = asProvider();
		fhirAs(client).contentType("application/json-patch+json")
				.body("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"received\"}]")
				.patch("/Task/" + mine.task()).then().statusCode(200);
		assertThat(stored("Task/" + mine.task()).getString("status")).isEqualTo("received");
		// Handing it to another organization would take it out of reach: refused, before and after must be its own.
		String task = fhir().get("/Task/" + mine.task()).then().extract().asString();
		refused(fhirAs(client).body(task.replace(provider, otherProvider)).put("/Task/" + mine.task()),
				"before and after the change");
		refused(fhirAs(client).delete("/Task/" + mine.task()), "only the requesting organization deletes a Task");
	}

	@Test
	void providerCreatesOnlyTasksItOwns() {
		TestClient client = asProvider();
		refused(fhirAs(client).body(Handoffs.taskJson(otherProvider, provider, mine.referral(), patient)).post("/Task"),
				"organization rule: a provider creates only Tasks it owns (Task.owner = Organization/" + provider
						+ ") that name no other requester");
		refused(fhirAs(client).body(Handoffs.taskJson(provider, referrer, mine.referral(), patient)).post("/Task"),
				"that name no other requester");
		// Its own follow-up Task on the referral it works is fine.
		fhirAs(client).body(Handoffs.taskJson(provider, provider, mine.referral(), patient)).post("/Task").then()
				.statusCode(201);
	}

	@Test
	void referrerSeesTheReferralsItMade() {
		TestClient client = asReferrer();
		fhirAs(client).get("/Task/" + mine.task()).then().statusCode(200);
		fhirAs(client).get("/ServiceRequest/" + mine.referral()).then().statusCode(200);
		JsonPath tasks = fhirAs(client).get("/Task?patient=Patient/" + patient).then().statusCode(200)
				.body("total", equalTo(1)).extract().jsonPath();
		assertThat(ids(tasks, "Task")).containsExactly(mine.task());
		refused(fhirAs(client).get("/Task/" + theirs.task()), "organization rule: a referrer reads only the Tasks its "
				+ "organization requested (Task.requester = Organization/" + referrer + ")");
		refused(fhirAs(client).get("/ServiceRequest/" + theirs.referral()), "a referrer reads only the ServiceRequests");
	}

	@Test
	void referrerPostsAReferralWithItsTaskInOneTransactionAndReadsItBack() {
		TestClient client = asReferrer();
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"fullUrl":"urn:uuid:5b0c3f0e-1111-4c1e-9d7a-000000000001",
				  "resource":%s,"request":{"method":"POST","url":"ServiceRequest"}},
				 {"resource":%s,"request":{"method":"POST","url":"Task"}}]}"""
				.formatted(Handoffs.serviceRequestJson(patient),
						Handoffs.taskJson(provider, referrer, "X", patient).replace("ServiceRequest/X",
								"urn:uuid:5b0c3f0e-1111-4c1e-9d7a-000000000001"));
		JsonPath reply = fhirAs(client).header("Prefer", "return=representation").body(bundle).post("/").then()
				.statusCode(200).extract().jsonPath();
		String referral = reply.getString("entry[0].resource.id");
		assertThat(referral).isNotNull();
		fhirAs(client).get("/ServiceRequest/" + referral).then().statusCode(200);
	}

	@Test
	void referralWithoutItsTaskIsVisibleOnlyInTheCreateResponse() {
		TestClient client = asReferrer();
		String referral = fhirAs(client).body(Handoffs.serviceRequestJson(patient)).post("/ServiceRequest").then()
				.statusCode(201).extract().jsonPath().getString("id");
		refused(fhirAs(client).get("/ServiceRequest/" + referral), "a referrer reads only the ServiceRequests that a "
				+ "Task its organization requested points to");
		fhirAs(client).body(Handoffs.taskJson(provider, referrer, referral, patient)).post("/Task").then()
				.statusCode(201);
		fhirAs(client).get("/ServiceRequest/" + referral).then().statusCode(200);
	}

	@Test
	void referrerCannotCreateATaskForAnotherRequesterOrOnAnotherOrganizationsReferral() {
		TestClient client = asReferrer();
		refused(fhirAs(client).body(Handoffs.taskJson(provider, otherReferrer, mine.referral(), patient)).post("/Task"),
				"a referrer creates only Tasks it requests (Task.requester = Organization/" + referrer + ")");
		refused(fhirAs(client).body(Handoffs.taskJson(provider, referrer, theirs.referral(), patient)).post("/Task"),
				"a Task may point (Task.focus) only to a ServiceRequest that Organization/" + referrer
						+ " already sees");
		fhir().get("/Task?focus=ServiceRequest/" + theirs.referral()).then().statusCode(200).body("total", equalTo(1));
	}

	@Test
	void forbiddenTaskInATransactionStoresNothing() {
		TestClient client = asReferrer();
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"fullUrl":"urn:uuid:5b0c3f0e-2222-4c1e-9d7a-000000000002",
				  "resource":%s,"request":{"method":"POST","url":"ServiceRequest"}},
				 {"resource":%s,"request":{"method":"POST","url":"Task"}}]}"""
				.formatted(Handoffs.serviceRequestJson(patient),
						Handoffs.taskJson(provider, otherReferrer, "X", patient).replace("ServiceRequest/X",
								"urn:uuid:5b0c3f0e-2222-4c1e-9d7a-000000000002"));
		refused(fhirAs(client).body(bundle).post("/"), "a referrer creates only Tasks it requests");
		fhir().get("/ServiceRequest?subject=Patient/" + patient).then().statusCode(200).body("total", equalTo(2));
	}

	@Test
	void agencyReadsEveryHandoffButChangesNone() {
		TestClient client = client(organization("agency"), ALL, Role.AGENCY);
		fhirAs(client).get("/Task/" + theirs.task()).then().statusCode(200);
		fhirAs(client).get("/ServiceRequest/" + theirs.referral()).then().statusCode(200);
		JsonPath tasks = fhirAs(client).get("/Task?patient=Patient/" + patient).then().statusCode(200)
				.body("total", equalTo(2)).extract().jsonPath();
		assertThat(ids(tasks, "Task")).containsExactlyInAnyOrder(mine.task(), theirs.task());
		String task = fhir().get("/Task/" + theirs.task()).then().extract().asString();
		refused(fhirAs(client).body(task.replace("\"requested\"", "\"cancelled\"")).put("/Task/" + theirs.task()),
				"organization rule: an agency reads Tasks but does not change them");
		String referral = fhir().get("/ServiceRequest/" + theirs.referral()).then().extract().asString();
		refused(fhirAs(client).body(referral.replace("\"active\"", "\"revoked\"")).put("/ServiceRequest/"
				+ theirs.referral()), "an agency reads ServiceRequests but does not change them");
		assertUnchanged("Task/" + theirs.task());
		assertUnchanged("ServiceRequest/" + theirs.referral());
	}

	@Test
	void reverseChainsAndChainsThroughHiddenTypesAreRefused() {
		TestClient client = asProvider();
		refused(fhirAs(client).get("/Patient?_has:Task:patient:owner=Organization/" + otherProvider),
				"_has is refused for callers limited to their organization's Tasks and ServiceRequests");
		refused(fhirAs(client).get("/Communication?based-on.status=active"),
				"the chained parameter 'based-on.status' passes through Tasks or ServiceRequests");
		fhirAs(client).get("/Task?focus:ServiceRequest.status=active&patient=Patient/" + patient).then().statusCode(200)
				.body("total", equalTo(1));
		// An admin or agency is not limited, so _has is theirs to use.
		fhir().get("/Patient?_has:Task:patient:owner=Organization/" + otherProvider).then().statusCode(200)
				.body("total", equalTo(1));
	}

	@Test
	void batchEntriesFollowTheSameRules() {
		String batch = """
				{"resourceType":"Bundle","type":"batch","entry":[
				 {"request":{"method":"GET","url":"Task/%s"}},
				 {"request":{"method":"GET","url":"Task?patient=Patient/%s"}},
				 {"request":{"method":"GET","url":"Task/%s"}}]}""".formatted(theirs.task(), patient, mine.task());
		JsonPath reply = fhirAs(asProvider()).body(batch).post("/").then().statusCode(200).extract().jsonPath();
		assertThat(reply.getString("entry[0].response.status")).startsWith("403");
		assertThat(reply.getString("entry[0].response.outcome.issue[0].diagnostics"))
				.contains("Task.owner = Organization/" + provider);
		assertThat(reply.getList("entry[1].resource.entry.resource.id", String.class)).containsExactly(mine.task());
		assertThat(reply.getString("entry[2].response.status")).startsWith("200");
	}

	@Test
	void historyLeavesOutOtherOrganizationsVersions() {
		JsonPath history = fhirAs(asProvider()).get("/Task/_history?_count=500").then().statusCode(200).extract()
				.jsonPath();
		assertThat(history.getList("entry.resource.id", String.class)).contains(mine.task())
				.doesNotContain(theirs.task());
	}

	@Test
	void conditionalCreateMatchingAnotherOrganizationsTaskIsRefused() {
		String identifier = stored("Task/" + theirs.task()).getString("identifier[0].value");
		String task = Handoffs.taskJson(provider, provider, mine.referral(), patient);
		refused(fhirAs(asProvider()).header("If-None-Exist", "identifier=" + Handoffs.SYSTEM + "|" + identifier)
				.body(task).post("/Task"), "If-None-Exist matched a stored Task this client may not read");
	}

	@Test
	void adminIsNotLimitedByOrganization() {
		fhir().get("/Task/" + theirs.task()).then().statusCode(200);
		fhir().get("/ServiceRequest/" + mine.referral()).then().statusCode(200);
		JsonPath all = fhir().get("/Task?patient=Patient/" + patient).then().statusCode(200).extract().jsonPath();
		assertThat(all.getList("entry.resource.id", String.class)).hasSize(2);
		fhir().get("/Task?patient=Patient/" + patient).then().body("entry.resource.id",
				containsInAnyOrder(mine.task(), theirs.task()));
	}
}
