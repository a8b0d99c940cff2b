package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cwh.workflow.Outreach;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.junit.jupiter.api.Test;

/**
 * The first-contact deadline ({@link HandoffReader}) and the timeline's first contact ({@link Outreach}) must agree
 * on what outreach is contact: the layering rules keep the two packages from sharing the code, so this holds them to
 * one rule, for every status and every outreach category of the IG.
 */
class FirstContactRuleTest {

	private static final List<String> CATEGORIES = List.of("outreach-attempt", "caring-contact", "post-crisis-check-in",
			"appointment-reminder");

	@Test
	void bothCountTheSameCommunicationsAsContact() {
		List<String> counted = new ArrayList<>();
		for (CommunicationStatus status : CommunicationStatus.values()) {
			if (status == CommunicationStatus.NULL) {
				continue;
			}
			for (String category : withNone(CATEGORIES)) {
				Communication communication = new Communication().setStatus(status);
				if (category != null) {
					communication.addCategory(new CodeableConcept(new Coding(Outreach.CATEGORY_SYSTEM, category, null)));
				}
				boolean deadlines = HandoffReader.countsAsContact(communication);
				assertThat(Outreach.countsAsContact(communication)).as(status + " " + category).isEqualTo(deadlines);
				if (deadlines) {
					counted.add(status.toCode() + " " + category);
				}
			}
		}
		assertThat(counted).contains("completed outreach-attempt", "in-progress caring-contact", "completed null")
				.doesNotContain("completed appointment-reminder", "not-done outreach-attempt",
						"entered-in-error caring-contact");
	}

	@Test
	void bothLookForItTheSameWays() {
		assertThat(HandoffReader.OUTREACH_CATEGORY).isEqualTo(Outreach.CATEGORY_SYSTEM);
		assertThat(HandoffReader.CONTACT_TASK_LINKS).isEqualTo(Outreach.TASK_LINKS);
		assertThat(HandoffReader.CONTACT_REFERRAL_LINK).isEqualTo(Outreach.REFERRAL_LINK);
	}

	private static List<String> withNone(List<String> categories) {
		List<String> all = new ArrayList<>(categories);
		all.add(null);
		return all;
	}
}
