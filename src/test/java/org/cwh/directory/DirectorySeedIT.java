package org.cwh.directory;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cwh.profiles.Canonical;
import org.cwh.testing.CwhServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The directory seed is in the store after start and searchable by the parameters a referrer uses: our service
 * categories, the IG's {@code accepts-warm-handoffs} and {@code language}, the provider organization, and the
 * specialty of a service and of a peer specialist.
 * Seeding again (what a restart or a second node does) writes nothing.
 */
@ExtendWith(CwhServerExtension.class)
class DirectorySeedIT {

	private static final String CATEGORY = Canonical.base() + "/CodeSystem/cwh-service-category";
	private static final String SPECIALTY = Canonical.base() + "/CodeSystem/cwh-peer-specialty";

	@BeforeAll
	static void startSeedingIsDone() throws Exception {
		// On a first start the seed is stored in the background, after the validator has warmed up.
		CwhServerExtension.server().bean(DirectorySeed.class).awaitSeeded(Duration.ofSeconds(120));
	}

	@Test
	void theCrisisLineIsFoundByItsCategory() {
		fhir().get("/HealthcareService?service-category=" + CATEGORY + "|crisis-line").then().statusCode(200)
				.body("entry.resource.id", hasItem("cwh-support-service-988"))
				.body("entry.resource.name", hasItem("988 Suicide & Crisis Lifeline"));
	}

	@Test
	void theNationalHelplinesAreFoundByTheirCategory() {
		fhir().get("/HealthcareService?service-category=" + CATEGORY + "|helpline&_count=50").then().statusCode(200)
				.body("entry.resource.id", containsInAnyOrder("cwh-support-service-samhsa-helpline",
						"cwh-support-service-nami-helpline", "cwh-support-service-national-drug-helpline",
						"cwh-support-service-nimh-information-center",
						"cwh-support-service-partnership-drug-free-kids"));
	}

	@Test
	void peerSupportIsFoundByCategoryWithItsOrganization() {
		fhir().get("/HealthcareService?service-category=peer-support&_include=HealthcareService:organization")
				.then().statusCode(200)
				.body("entry.resource.id", hasItem("cwh-support-service-northside-coaching"))
				.body("entry.resource.id", hasItem("cwh-organization-northside-rco"));
	}

	@Test
	void servicesTakingWarmHandoffsAreFoundByTheIgSearchParameter() {
		// Also proves the seed ran after our SearchParameters were stored: otherwise nothing is indexed for it.
		fhir().get("/HealthcareService?accepts-warm-handoffs=true").then().statusCode(200)
				.body("entry.resource.id", hasItem("cwh-support-service-northside-coaching"))
				.body("entry.resource.id", not(hasItem("cwh-support-service-988")));
		fhir().get("/HealthcareService?accepts-warm-handoffs=false").then().statusCode(200)
				.body("entry.resource.id", hasItem("cwh-support-service-988"));
	}

	@Test
	void servicesAreFoundByLanguageThroughTheIgSearchParameter() {
		fhir().get("/HealthcareService?language=urn:ietf:bcp:47|es&_count=50").then().statusCode(200)
				.body("entry.resource.id", containsInAnyOrder("cwh-support-service-988",
						"cwh-support-service-samhsa-helpline"));
		fhir().get("/HealthcareService?language=en&_count=50").then().statusCode(200)
				.body("entry.resource.id", hasItem("cwh-support-service-northside-coaching"))
				.body("entry.resource.id", hasItem("cwh-support-service-988"));
	}

	@Test
	void aServiceIsFoundBySpecialty() {
		fhir().get("/HealthcareService?specialty=" + SPECIALTY + "|recovery-coach").then().statusCode(200)
				.body("entry.resource.id", containsInAnyOrder("cwh-support-service-northside-coaching"));
	}

	@Test
	void thePeerSpecialistIsFoundBySpecialtyWithPractitionerAndOrganization() {
		fhir().get("/PractitionerRole?specialty=" + SPECIALTY + "|recovery-coach"
						+ "&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization")
				.then().statusCode(200)
				.body("entry.resource.id", hasItem("cwh-peer-specialist-sam"))
				.body("entry.resource.id", hasItem("cwh-practitioner-sam"))
				.body("entry.resource.id", hasItem("cwh-organization-northside-rco"));
	}

	@Test
	void theSeedIsEveryEntryAndExactlyWhatItReferences() {
		assertEquals(java.util.List.of(
						"HealthcareService/cwh-support-service-988",
						"HealthcareService/cwh-support-service-nami-helpline",
						"HealthcareService/cwh-support-service-national-drug-helpline",
						"HealthcareService/cwh-support-service-nimh-information-center",
						"Organization/cwh-organization-northside-rco",
						"HealthcareService/cwh-support-service-northside-coaching",
						"HealthcareService/cwh-support-service-partnership-drug-free-kids",
						"HealthcareService/cwh-support-service-samhsa-helpline",
						"Practitioner/cwh-practitioner-sam",
						"PractitionerRole/cwh-peer-specialist-sam"),
				SeedFiles.load(CwhServerExtension.server().bean(ca.uhn.fhir.context.FhirContext.class)).stream()
						.map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).toList());
	}

	@Test
	void seedingAgainWritesNothing() {
		Map<String, String> before = versions();
		assertEquals(0, CwhServerExtension.server().bean(DirectorySeed.class).seed());
		assertEquals(before, versions());
	}

	private static Map<String, String> versions() {
		Map<String, String> versions = new LinkedHashMap<>();
		for (var resource : SeedFiles.load(CwhServerExtension.server().bean(ca.uhn.fhir.context.FhirContext.class))) {
			String path = "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			versions.put(path, fhir().get(path).then().statusCode(200).extract().path("meta.versionId"));
		}
		return versions;
	}
}
