package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Which references name one of our Organizations; anything else names no organization. */
class TaskPartiesTest {

	@Test
	void relativeOrganizationReferencesAreRead() {
		Task task = new Task().setOwner(new Reference("Organization/northside"))
				.setRequester(new Reference("Organization/harbor/_history/3"));
		assertThat(TaskParties.of(task)).isEqualTo(new TaskParties("northside", "harbor"));
	}

	@Test
	void otherReferencesNameNoOrganization() {
		assertThat(TaskParties.organizationId(new Reference("PractitionerRole/alex"))).isNull();
		assertThat(TaskParties.organizationId(new Reference("http://elsewhere.example/fhir/Organization/harbor")))
				.isNull();
		assertThat(TaskParties.organizationId(new Reference().setIdentifier(new Identifier().setValue("harbor"))))
				.isNull();
		assertThat(TaskParties.organizationId(new Reference("urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000001"))).isNull();
		assertThat(TaskParties.organizationId(null)).isNull();
		assertThat(TaskParties.of(new Task())).isEqualTo(new TaskParties(null, null));
	}
}
