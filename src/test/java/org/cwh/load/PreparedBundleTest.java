package org.cwh.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class PreparedBundleTest {

	private static final String SYNTHEA = "https://github.com/synthetichealth/synthea";
	private static final String NPI = "http://hl7.org/fhir/sid/us-npi";

	private static Bundle.BundleEntryComponent post(Bundle bundle, Resource resource) {
		Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID())
				.setResource(resource);
		entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
		return entry;
	}

	@Test
	void plainPostsOfSharedResourcesBecomeConditionalCreatesOnTheirFirstIdentifier() {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		var org = post(bundle, new Organization().addIdentifier(new Identifier().setSystem(SYNTHEA).setValue("o-1")));
		var prac = post(bundle, new Practitioner().addIdentifier(new Identifier().setSystem(NPI).setValue("370")));
		var loc = post(bundle, new Location().addIdentifier(new Identifier().setSystem(SYNTHEA).setValue("l-1")));

		PreparedBundle prepared = PreparedBundle.of(bundle);

		assertEquals("identifier=https%3A%2F%2Fgithub.com%2Fsynthetichealth%2Fsynthea|o-1",
				org.getRequest().getIfNoneExist());
		assertEquals("identifier=http%3A%2F%2Fhl7.org%2Ffhir%2Fsid%2Fus-npi|370", prac.getRequest().getIfNoneExist());
		assertEquals("identifier=https%3A%2F%2Fgithub.com%2Fsynthetichealth%2Fsynthea|l-1",
				loc.getRequest().getIfNoneExist());
		assertEquals(3, prepared.madeConditional());
	}

	@Test
	void patientDataAndEntriesThatAlreadySayWhatToDoAreLeftAlone() {
		Bundle bundle = new Bundle().setType(BundleType.BATCH);
		var patient = post(bundle, new Patient().addIdentifier(new Identifier().setSystem(SYNTHEA).setValue("p-1")));
		var observation = post(bundle, new Observation());
		var given = post(bundle, new Organization().addIdentifier(new Identifier().setSystem(SYNTHEA).setValue("o")));
		given.getRequest().setIfNoneExist("identifier=" + SYNTHEA + "|o");
		var put = post(bundle, new Organization().addIdentifier(new Identifier().setSystem(SYNTHEA).setValue("o2")));
		put.getRequest().setMethod(HTTPVerb.PUT).setUrl("Organization/o2");
		var noIdentifier = post(bundle, new Organization().setName("no identifier"));

		PreparedBundle prepared = PreparedBundle.of(bundle);

		assertFalse(patient.getRequest().hasIfNoneExist());
		assertFalse(observation.getRequest().hasIfNoneExist());
		assertEquals("identifier=" + SYNTHEA + "|o", given.getRequest().getIfNoneExist());
		assertFalse(put.getRequest().hasIfNoneExist());
		assertFalse(noIdentifier.getRequest().hasIfNoneExist());
		assertEquals(0, prepared.madeConditional());
	}

	@Test
	void thePatientIdentifierIsTheFirstOneWithSystemAndValue() {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		post(bundle, new Patient().addIdentifier(new Identifier().setValue("no system"))
				.addIdentifier(new Identifier().setSystem(SYNTHEA).setValue("p-1")));

		Identifier id = PreparedBundle.of(bundle).patient().orElseThrow();

		assertEquals(SYNTHEA, id.getSystem());
		assertEquals("p-1", id.getValue());
	}

	@Test
	void aSharedDirectoryBundleHasNoPatient() {
		Bundle bundle = new Bundle().setType(BundleType.BATCH);
		post(bundle, new Organization().addIdentifier(new Identifier().setSystem(SYNTHEA).setValue("o-1")));

		assertTrue(PreparedBundle.of(bundle).patient().isEmpty());
	}

	@Test
	void practitionerRoleWithoutIdentifierGetsOneDerivedFromWhatItPointsAt() {
		String first = roleIdentifier("9999995696", "org-1");
		String again = roleIdentifier("9999995696", "org-1");
		String other = roleIdentifier("9999995696", "org-2");

		assertEquals(first, again);
		assertFalse(first.equals(other));
	}

	private static String roleIdentifier(String npi, String org) {
		Bundle bundle = new Bundle().setType(BundleType.BATCH);
		PractitionerRole role = new PractitionerRole()
				.setPractitioner(new Reference().setIdentifier(new Identifier().setSystem(NPI).setValue(npi)))
				.setOrganization(new Reference().setIdentifier(new Identifier().setSystem(SYNTHEA).setValue(org)));
		var entry = post(bundle, role);
		PreparedBundle.of(bundle);
		assertEquals(PreparedBundle.DERIVED_ROLE_SYSTEM, role.getIdentifierFirstRep().getSystem());
		assertTrue(entry.getRequest().getIfNoneExist().endsWith("|" + role.getIdentifierFirstRep().getValue()));
		return role.getIdentifierFirstRep().getValue();
	}

	@Test
	void searchSpecialCharactersInIdentifiersAreEscaped() {
		String url = PreparedBundle.matchUrl(new Identifier().setSystem("urn:x").setValue("a|b,c"));

		assertEquals("identifier=urn%3Ax|a%5C%7Cb%5C%2Cc", url);
	}

	@Test
	void onlyTransactionsAndBatchesAreAccepted() {
		assertThrows(IllegalArgumentException.class,
				() -> PreparedBundle.of(new Bundle().setType(BundleType.COLLECTION)));
	}
}
