package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cwh.security.Caller.Role;
import org.cwh.testing.AtOnce;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The referrer's handoff transaction from the IG ({@code Bundle-cwh-referral-transaction}), retried the way a
 * timed-out interface engine retries: 50 copies at once. Every copy succeeds and names the same Patient, Encounter,
 * screening, safety plan, ServiceRequest, Task and Provenance, and each of them exists once.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class HandoffRetryStormIT {

	private static final int RETRIES = 50;
	private static final Path PROFILES = Path.of("profiles");
	/** The business identifiers of the example's entries: replaced per run so every run starts from nothing. */
	private static final List<String> IDENTIFIERS =
			List.of("HC-104233", "E-2026-88102", "O-2026-88102-2", "SP-2026-88102", "R-2026-0042", "H-2026-0042");

	private static TestClient referrer;

	@BeforeAll
	static void storeTheParties() throws IOException {
		for (String file : List.of("Organization-cwh-organization-harbor-crisis.json",
				"Organization-cwh-organization-northside-rco.json", "Practitioner-cwh-practitioner-alex.json")) {
			String type = file.substring(0, file.indexOf('-'));
			String id = file.substring(type.length() + 1, file.length() - ".json".length());
			int status = fhir().body(Files.readString(PROFILES.resolve(file))).put("/" + type + "/" + id).statusCode();
			assertThat(status).as(file).isIn(200, 201);
		}
		referrer = CwhServerExtension.client("cwh-organization-harbor-crisis", "system/*.cruds", Role.REFERRER);
	}

	@Test
	void fiftyRetriesAtOnceCreateOneHandoffAndAllSucceedWithIt() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String bundle = Files.readString(PROFILES.resolve("Bundle-cwh-referral-transaction.json"));
		for (String identifier : IDENTIFIERS) {
			assertThat(bundle).contains("\"" + identifier + "\"");
			bundle = bundle.replace(identifier, identifier + "-" + run);
		}
		String handoff = bundle;

		List<Response> responses = AtOnce.fire(RETRIES, java.time.Duration.ofSeconds(120), () -> fhirAs(referrer).body(handoff).post("/"));

		Set<List<String>> answers = new HashSet<>();
		for (Response r : responses) {
			assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
			answers.add(r.jsonPath().getList("entry.response.location", String.class).stream()
					.map(location -> location.replaceAll("/_history/.*", "")).toList());
		}
		assertThat(answers).as("every retry names the same resources").hasSize(1);
		// Every identified entry, and the Provenance found again through the Task's identifier.
		assertThat(answers.iterator().next()).hasSize(IDENTIFIERS.size() + 1);
		assertStoredOnce("Patient", "client-id", "HC-104233-" + run);
		assertStoredOnce("Encounter", "encounter", "E-2026-88102-" + run);
		assertStoredOnce("Observation", "observation", "O-2026-88102-2-" + run);
		assertStoredOnce("CarePlan", "safety-plan", "SP-2026-88102-" + run);
		assertStoredOnce("ServiceRequest", "referral", "R-2026-0042-" + run);
		assertStoredOnce("Task", "handoff", "H-2026-0042-" + run);
		fhir().get("/Provenance?target:Task.identifier=http://harbor-crisis.example.org/fhir/sid/handoff|H-2026-0042-"
				+ run + "&_summary=count").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
		fhir().get("/Task?identifier=http://harbor-crisis.example.org/fhir/sid/handoff|H-2026-0042-" + run)
				.then().statusCode(200)
				.body("entry[0].resource.status", org.hamcrest.Matchers.equalTo("requested"))
				.body("entry[0].resource.meta.versionId", org.hamcrest.Matchers.equalTo("1"));
	}

	private static void assertStoredOnce(String type, String system, String value) {
		fhir().get("/" + type + "?identifier=http://harbor-crisis.example.org/fhir/sid/" + system + "|" + value
				+ "&_summary=count").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
	}
}
