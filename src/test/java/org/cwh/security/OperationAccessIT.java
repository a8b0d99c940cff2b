package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.security.Handoffs.organization;
import static org.cwh.security.Handoffs.patient;
import static org.cwh.security.Handoffs.stored;
import static org.cwh.security.ScopeEnforcementIT.refused;
import static org.cwh.testing.CwhServerExtension.client;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;

import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operations over HTTP: HAPI's admin operations and the meta edits need role admin; the rest need a scope. */
@ExtendWith(CwhServerExtension.class)
class OperationAccessIT {

	private static final String ALL = "system/*.cruds";
	private static final String LABEL = """
			{"resourceType":"Parameters","parameter":[{"name":"meta","valueMeta":{"security":[
			 {"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"ETH"}]}}]}""";

	private static TestClient agency() {
		return client(organization("agency"), ALL, Role.AGENCY);
	}

	@Test
	void metaEditsNeedRoleAdmin() {
		String patient = patient();
		String delete = LABEL;
		refused(fhirAs(agency()).body(LABEL).post("/Patient/" + patient + "/$meta-add"),
				"operation $meta-add needs role admin (meta carries security labels, which clients may not edit); "
						+ "caller has role agency");
		assertThat(stored("Patient/" + patient).getList("meta.security")).isNull();

		fhir().body(LABEL).post("/Patient/" + patient + "/$meta-add").then().statusCode(200);
		refused(fhirAs(client(organization("referrer"), ALL, Role.REFERRER)).body(delete)
				.post("/Patient/" + patient + "/$meta-delete"), "operation $meta-delete needs role admin");
		assertThat(stored("Patient/" + patient).getList("meta.security.code")).containsExactly("ETH");
	}

	@Test
	void labelsCannotBeDroppedWithTheSnapshotHeaderExceptByAnAdmin() {
		String patient = patient();
		fhir().body(LABEL).post("/Patient/" + patient + "/$meta-add").then().statusCode(200);
		String body = "{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\",\"name\":[{\"family\":\"Access\"}]}";
		refused(fhirAs(agency()).header("X-Meta-Snapshot-Mode", "TAG,PROFILE,SECURITY_LABEL").body(body)
				.put("/Patient/" + patient), "X-Meta-Snapshot-Mode with SECURITY_LABEL removes stored security labels");
		assertThat(stored("Patient/" + patient).getList("meta.security.code")).containsExactly("ETH");
	}

	@Test
	void hapiAdminOperationsNeedRoleAdmin() {
		TestClient agency = agency();
		refused(fhirAs(agency).get("/$get-resource-counts"), "operation $get-resource-counts needs role admin");
		fhir().get("/$get-resource-counts").then().statusCode(200);
		refused(fhirAs(agency).body("{\"resourceType\":\"Parameters\"}").post("/Patient/$hapi.fhir.merge"),
				"operation $hapi.fhir.merge needs role admin");
		refused(fhirAs(agency).body("{\"resourceType\":\"Parameters\"}").post("/$hapi.fhir.replace-references"),
				"operation $hapi.fhir.replace-references needs role admin");
		refused(fhirAs(agency).body("{\"resourceType\":\"Parameters\"}").post("/$mark-all-resources-for-reindexing"),
				"needs role admin");
	}

	@Test
	void adminOperationInsideABatchStillNeedsRoleAdmin() {
		String batch = """
				{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"GET","url":"$get-resource-counts"}}]}""";
		refused(fhirAs(agency()).body(batch).post("/"), "Bundle entry GET $get-resource-counts: operation "
				+ "$get-resource-counts needs role admin");
	}

	@Test
	void validateNeedsCreateOrUpdateOnTheType() {
		String body = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Check\"}]}";
		fhirAs(client(organization("writer"), "system/Patient.c", Role.REFERRER)).body(body)
				.post("/Patient/$validate").then().statusCode(200);
		refused(fhirAs(client(organization("reader"), "system/Patient.rs", Role.REFERRER)).body(body)
				.post("/Patient/$validate"), "operation $validate on Patient needs system/Patient.c or system/Patient.u");
	}

	@Test
	void everythingNeedsReadOnThePatientAndOnWhatItReturns() {
		String patient = patient();
		fhirAs(client(organization("reader"), "system/*.rs", Role.AGENCY)).get("/Patient/" + patient + "/$everything")
				.then().statusCode(200);
		refused(fhirAs(client(organization("searcher"), "system/Patient.s", Role.AGENCY))
				.get("/Patient/" + patient + "/$everything"), "operation $everything on Patient needs system/Patient.r");
	}

	@Test
	void typeWideMetaIsClosedToOrganizationLimitedCallers() {
		refused(fhirAs(client(organization("provider"), ALL, Role.PROVIDER)).get("/Task/$meta"),
				"$meta over a whole type or server is not open to callers limited to their organization's");
		fhirAs(agency()).get("/Task/$meta").then().statusCode(200);
	}
}
