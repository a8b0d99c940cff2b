package org.cwh.workflow;

import java.util.List;
import java.util.Optional;
import org.cwh.profiles.Canonical;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * What counts as reaching out to the person of a handoff, for the timeline's first contact: a Communication linked
 * to the handoff Task ({@code partOf} or {@code basedOn} it) or to its referral ({@code basedOn} the ServiceRequest
 * the Task fulfils), of any outreach kind but an appointment reminder, unless it was not done or entered in error.
 * The deadlines package, which may not import this one, applies the same rule to the first-contact deadline
 * ({@code HandoffReader}); a test there holds the two to it.
 */
public final class Outreach {

	/** The IG's kinds of outreach; {@code appointment-reminder} is the one that is no contact. */
	public static final String CATEGORY_SYSTEM = Canonical.base() + "/CodeSystem/cwh-outreach-category";

	/** The Communication search parameters that link outreach to a Task or to a referral. */
	public static final List<String> TASK_LINKS = List.of("part-of", "based-on");
	public static final String REFERRAL_LINK = "based-on";

	private Outreach() {}

	/** Whether this Communication is contact made or attempted, whatever it is linked to. */
	public static boolean countsAsContact(Communication communication) {
		if (communication.getStatus() == CommunicationStatus.ENTEREDINERROR
				|| communication.getStatus() == CommunicationStatus.NOTDONE) {
			return false;
		}
		return communication.getCategory().stream()
				.noneMatch(c -> c.hasCoding(CATEGORY_SYSTEM, "appointment-reminder"));
	}

	/** {@code ServiceRequest/1}, the referral a handoff Task fulfils (its {@code focus}), when it names one. */
	public static Optional<String> referral(Task task) {
		String focus = reference(task.getFocus());
		return focus.startsWith("ServiceRequest/") ? Optional.of(focus) : Optional.empty();
	}

	private static String reference(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return "";
		}
		IdType id = new IdType(reference.getReference());
		return id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : "";
	}
}
