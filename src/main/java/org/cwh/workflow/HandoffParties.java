package org.cwh.workflow;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cwh.security.Caller;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Who a caller is to a handoff Task: its owner when {@code Task.owner} is the caller's Organization, its requester when
 * {@code Task.requester} is, an admin by role, and otherwise a third party; no caller is the server itself. Only
 * Organization references name a party: a Task whose requester is a Practitioner has no requester a caller can be.
 */
final class HandoffParties {

	/** What makes a Task a handoff: the SDOH Clinical Care referral-fulfilment code that cwh-handoff-task fixes. */
	static final String TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
	static final String FULFILL = "fulfill";

	private HandoffParties() {}

	/** Whether the Task is a warm handoff (code task-code#fulfill); other Tasks are not governed by the table. */
	static boolean isHandoff(Task task) {
		return task.getCode().hasCoding(TASK_CODE_SYSTEM, FULFILL);
	}

	static Set<Actor> of(Optional<Caller> caller, Task task) {
		if (caller.isEmpty()) {
			return EnumSet.of(Actor.SERVER);
		}
		Set<Actor> actors = EnumSet.noneOf(Actor.class);
		String organization = caller.get().organizationReference();
		if (organization.equals(target(task.getOwner()))) {
			actors.add(Actor.OWNER);
		}
		if (organization.equals(target(task.getRequester()))) {
			actors.add(Actor.REQUESTER);
		}
		if (caller.get().hasRole(Caller.Role.ADMIN)) {
			actors.add(Actor.ADMIN);
		}
		if (actors.isEmpty()) {
			actors.add(Actor.THIRD_PARTY);
		}
		return actors;
	}

	/** {@code Organization/x} for a reference written relative, absolute or versioned; empty when there is none. */
	static String target(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return "";
		}
		IdType id = new IdType(reference.getReference());
		return id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : "";
	}

	/** How a refusal names the caller: {@code Organization/x} or "the server". */
	static String describe(Optional<Caller> caller) {
		return caller.map(Caller::organizationReference).orElse("the server");
	}
}
