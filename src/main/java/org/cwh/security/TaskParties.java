package org.cwh.security;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The two organizations a handoff Task names: the one that works it ({@code Task.owner}) and the one that asked for
 * it ({@code Task.requester}), as Organization logical ids. Null where the Task names no Organization there (a
 * PractitionerRole, an identifier-only reference, another server's URL): such a Task belongs to no organization and
 * only callers without organization limits reach it.
 */
record TaskParties(String owner, String requester) {

	static TaskParties of(Task task) {
		return new TaskParties(organizationId(task.getOwner()), organizationId(task.getRequester()));
	}

	/** The logical id of a relative {@code Organization/<id>} reference (a version is ignored), or null. */
	static String organizationId(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return null;
		}
		IdType id = new IdType(reference.getReference());
		if (id.hasBaseUrl() || !"Organization".equals(id.getResourceType()) || !id.hasIdPart()) {
			return null;
		}
		return id.getIdPart();
	}
}
