package org.cwh.config;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A stable CWH error code, {@code CWH-nnnn}, as STYLE.md §6 describes: each feature keeps its codes in one enum that
 * implements this (workflow: {@code WorkflowError}, 1000–1099), with the IssueType and message template of each.
 * Numbers are unique across all features ({@code ErrorCodesTest} finds every such enum) and every code is listed in
 * the IG's CodeSystem {@code cwh-error}, so a client can look up what a code means. Clients key on the code; the
 * message may be reworded.
 */
public interface ErrorCode {

	/** The path of the IG's error CodeSystem under the canonical base. */
	String CODE_SYSTEM_PATH = "/CodeSystem/cwh-error";

	int number();

	IssueType issueType();

	/** A {@link String#format} template for the message; it says what is wrong and what to do instead. */
	String template();

	/** {@code CWH-1001}. */
	default String code() {
		return "CWH-%04d".formatted(number());
	}

	default String message(Object... args) {
		return template().formatted(args);
	}

	/**
	 * An OperationOutcome with one error issue carrying this code in {@code details.coding}, the message as
	 * {@code details.text} and {@code diagnostics}, and the element it is about as {@code expression}.
	 *
	 * @param codeSystem the error CodeSystem's canonical URL (canonical base + {@link #CODE_SYSTEM_PATH})
	 */
	default OperationOutcome outcomeIn(String codeSystem, String expression, Object... args) {
		String message = message(args);
		OperationOutcome outcome = new OperationOutcome();
		var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(issueType())
				.setDiagnostics(code() + ": " + message);
		issue.getDetails().setText(message).addCoding().setSystem(codeSystem).setCode(code());
		if (expression != null) {
			issue.addExpression(expression);
		}
		return outcome;
	}
}
