package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** The workflow's codes stay in their range, and an outcome carries code, message and expression. */
class WorkflowErrorTest {

	@Test
	void codesAreInTheWorkflowRange() {
		assertThat(Arrays.stream(WorkflowError.values()).mapToInt(WorkflowError::number))
				.allMatch(n -> n >= 1000 && n < 1100);
	}

	@Test
	void anOutcomeCarriesTheCodeTheMessageAndTheElement() {
		OperationOutcome outcome = WorkflowError.TASK_STATUS_REASON_REQUIRED.outcome("Task.statusReason", "rejected");
		OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
		assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("CWH-1004");
		assertThat(issue.getDetails().getCodingFirstRep().getSystem()).endsWith("/CodeSystem/cwh-error");
		assertThat(issue.getDiagnostics()).startsWith("CWH-1004: A Task that is rejected needs a statusReason");
		assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Task.statusReason");
	}
}
