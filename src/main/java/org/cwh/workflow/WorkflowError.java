package org.cwh.workflow;

import org.cwh.config.ErrorCode;
import org.cwh.profiles.Canonical;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The warm handoff's error codes, CWH-1001 to CWH-1099. Each refusal of {@link TaskTransitionInterceptor} carries one
 * in its OperationOutcome ({@code issue.details.coding}); README's "Warm handoff" section lists them with their HTTP
 * status, and the IG's CodeSystem {@code cwh-error} defines them.
 */
public enum WorkflowError implements ErrorCode {

	/** 409: the state table has no such move for anybody. */
	TASK_MOVE_NOT_ALLOWED(1001, IssueType.BUSINESSRULE,
			"Task cannot go from %s to %s; current status %s, moves you may make: %s"),
	/** 403: the move exists, but another party makes it. */
	TASK_MOVE_NOT_YOURS(1002, IssueType.FORBIDDEN,
			"Task cannot go from %s to %s by %s: only the %s may make this move; current status %s, moves you may make: %s"),
	/** 409: completed, failed, rejected, cancelled and entered-in-error Tasks do not change. */
	TASK_TERMINAL(1003, IssueType.BUSINESSRULE,
			"Task is %s, which is final: it cannot change; moves you may make: %s"),
	/** 422: rejected, cancelled, on-hold and failed need a reason. */
	TASK_STATUS_REASON_REQUIRED(1004, IssueType.REQUIRED,
			"A Task that is %s needs a statusReason saying why, so the referrer can act on it"),
	/** 422: the parties and the referral of a handoff are fixed. */
	TASK_FIXED_ELEMENT_CHANGED(1005, IssueType.BUSINESSRULE,
			"Task.%s cannot change (was %s, now %s): a handoff to another organization or for another referral is "
					+ "a new Task; cancel this one with a statusReason and create the new one"),
	/** 403: businessStatus is the owner's record of the steps inside the handoff. */
	TASK_BUSINESS_STATUS_OWNER_ONLY(1006, IssueType.FORBIDDEN,
			"Only the owner (%s) records handoff steps in Task.businessStatus; current status %s, moves you may make: %s"),
	/** 422: a handoff starts requested. */
	TASK_MUST_START_REQUESTED(1007, IssueType.BUSINESSRULE,
			"A handoff Task is created with status requested, not %s: the receiving organization moves it on"),
	/** 403: neither owner nor requester. */
	TASK_NOT_A_PARTY(1008, IssueType.FORBIDDEN,
			"%s is neither the owner (%s) nor the requester (%s) of this Task and cannot change it; current status %s, "
					+ "moves you may make: none"),
	/** 422: closing the loop names what was done. */
	TASK_OUTPUT_REQUIRED(1009, IssueType.REQUIRED,
			"A completed handoff names what was done: add an output of type resulting-activity "
					+ "(http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes) whose "
					+ "valueReference is the Procedure or Encounter"),
	/** 409: the record of a handoff is kept. */
	TASK_NOT_DELETABLE(1010, IssueType.BUSINESSRULE,
			"A handoff Task is not deleted: cancel it (status cancelled with a statusReason) or, if it was made in "
					+ "error, have the requester mark it entered-in-error"),
	/** 403: only the referrer creates the handoff it requests. */
	TASK_CREATOR_NOT_REQUESTER(1011, IssueType.FORBIDDEN,
			"%s cannot create a handoff Task whose requester is %s: set Task.requester to your Organization");

	/** The IG's error CodeSystem. */
	static final String CODE_SYSTEM = Canonical.base() + CODE_SYSTEM_PATH;

	private final int number;
	private final IssueType issueType;
	private final String template;

	WorkflowError(int number, IssueType issueType, String template) {
		this.number = number;
		this.issueType = issueType;
		this.template = template;
	}

	@Override
	public int number() {
		return number;
	}

	@Override
	public IssueType issueType() {
		return issueType;
	}

	@Override
	public String template() {
		return template;
	}

	OperationOutcome outcome(String expression, Object... args) {
		return outcomeIn(CODE_SYSTEM, expression, args);
	}
}
