package org.cwh.workflow;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * 409 Conflict for a handoff change the Task's state does not allow. Not HAPI's ResourceVersionConflictException,
 * which is also 409: HAPI's transaction service reruns a transaction that fails with that one (the idempotent-retry
 * hook asks it to), and a refused move would only be refused again.
 */
final class HandoffConflictException extends BaseServerResponseException {

	private static final long serialVersionUID = 1L;

	HandoffConflictException(String message, OperationOutcome outcome) {
		super(409, message, outcome);
	}
}
