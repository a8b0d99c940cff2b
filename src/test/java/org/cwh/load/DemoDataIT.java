package org.cwh.load;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo bundles load in-process through the system DAO, show up in the Welcome banner's query, and load once. */
@ExtendWith(CwhServerExtension.class)
class DemoDataIT {

	@Test
	void demoPatientsLoadOnceAndAnswerTheWelcomeQuery() {
		DaoRegistry daos = CwhServerExtension.server().bean(DaoRegistry.class);

		LoadReport first = DemoData.loadInto(daos);
		assertEquals(0, first.failures(), first::toString);

		fhir().get("/Condition?code=http://snomed.info/sct|86849004&_include=Condition:subject"
						+ "&_include=Condition:encounter")
				.then().statusCode(200)
				.body("total", greaterThanOrEqualTo(3))
				.body("entry.resource.resourceType", hasItem("Patient"))
				.body("entry.resource.resourceType", hasItem("Encounter"));

		LoadReport again = DemoData.loadInto(daos);
		assertEquals(0, again.failures(), again::toString);
		assertEquals(0, again.created(), again::summary);
		long patientBundles = again.outcomes().stream()
				.filter(o -> !LoadPlan.isSharedDirectory(o.file().getFileName().toString())).count();
		assertEquals(patientBundles, again.skipped(), "every patient bundle skipped: " + again.summary());
	}
}
