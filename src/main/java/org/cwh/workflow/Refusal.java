package org.cwh.workflow;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The exceptions {@link TaskTransitionInterceptor} throws. Besides the error issue (its CWH code, message and
 * expression), a refused move's OperationOutcome carries machine-readable information issues: the Task's current
 * status and each status this caller may move it to, as {@code details.coding} from the task-status CodeSystem.
 */
final class Refusal {

	static final String TASK_STATUS_SYSTEM = "http://hl7.org/fhir/task-status";
	static final String CURRENT_STATUS = "current status";
	static final String ALLOWED_MOVE = "a move you may make";

	private Refusal() {}

	static BaseServerResponseException conflict(WorkflowError error, String expression, TaskStatus current,
			Set<TaskStatus> next, Object... args) {
		OperationOutcome outcome = outcome(error, expression, current, next, args);
		return new HandoffConflictException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
	}

	static BaseServerResponseException forbidden(WorkflowError error, String expression, TaskStatus current,
			Set<TaskStatus> next, Object... args) {
		OperationOutcome outcome = outcome(error, expression, current, next, args);
		return new ForbiddenOperationException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
	}

	static BaseServerResponseException unprocessable(WorkflowError error, String expression, Object... args) {
		OperationOutcome outcome = error.outcome(expression, args);
		return new UnprocessableEntityException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
	}

	private static OperationOutcome outcome(WorkflowError error, String expression, TaskStatus current,
			Set<TaskStatus> next, Object... args) {
		OperationOutcome outcome = error.outcome(expression, args);
		if (current != null) {
			information(outcome, current, CURRENT_STATUS);
			next.forEach(status -> information(outcome, status, ALLOWED_MOVE));
		}
		return outcome;
	}

	private static void information(OperationOutcome outcome, TaskStatus status, String meaning) {
		outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
				.setDiagnostics(meaning + ": " + status.toCode()).addExpression("Task.status")
				.getDetails().addCoding().setSystem(TASK_STATUS_SYSTEM).setCode(status.toCode());
	}

	/** {@code in-progress, on-hold, cancelled}, or {@code none}. */
	static String list(Collection<TaskStatus> statuses) {
		return statuses.isEmpty() ? "none"
				: statuses.stream().map(TaskStatus::toCode).collect(Collectors.joining(", "));
	}

	/** {@code owner}, {@code requester} or {@code owner or requester}. */
	static String parties(Set<Actor> parties) {
		return parties.stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT))
				.collect(Collectors.joining(" or "));
	}
}
