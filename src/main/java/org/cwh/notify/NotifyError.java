package org.cwh.notify;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.cwh.config.ErrorCode;
import org.cwh.profiles.Canonical;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Why a Subscription is refused, CWH-1301 to CWH-1399, each with its HTTP status; the IG's CodeSystem
 * {@code cwh-error} defines them.
 */
enum NotifyError implements ErrorCode {

	/** 422: only rest-hook is delivered. */
	CHANNEL_NOT_REST_HOOK(1301, IssueType.NOTSUPPORTED,
			"This server delivers rest-hook Subscriptions only, not %s: set channel.type to rest-hook"),
	/** 422: SSRF guard and https rule. */
	ENDPOINT_NOT_ALLOWED(1302, IssueType.SECURITY, "Subscription.channel.endpoint is refused: %s"),
	/** 422: notifications carry no PHI. */
	PAYLOAD_NOT_ID_ONLY(1303, IssueType.NOTSUPPORTED,
			"This server sends id-only notifications (ids, never content): set the backport-payload-content of "
					+ "channel.payload to id-only, not %s"),
	/** 422: criteria the server cannot evaluate. */
	CRITERIA_INVALID(1304, IssueType.INVALID,
			"Subscription criteria '%s' cannot be used: %s. Use a topic url with filters such as "
					+ "Task?owner=Organization/<id>, or a query such as Task?owner=Organization/<id>"),
	/** 422: a topic url the server does not hold. */
	TOPIC_UNKNOWN(1305, IssueType.NOTFOUND, "No active SubscriptionTopic has the url %s on this server; known: %s"),
	/** 422: a header that is not "Name: value" or one the server sets. */
	HEADER_INVALID(1306, IssueType.INVALID,
			"channel.header '%s' is not 'Name: value' with a header name the server does not set itself"),
	/** 403: providers subscribe to the Tasks they own, referrers to the Tasks they requested. */
	NOT_YOUR_TASKS(1307, IssueType.FORBIDDEN,
			"%s may subscribe only to Tasks of its own organization: the criteria or every filter must say %s");

	static final String CODE_SYSTEM = Canonical.base() + CODE_SYSTEM_PATH;

	private final int number;
	private final IssueType issueType;
	private final String template;

	NotifyError(int number, IssueType issueType, String template) {
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

	BaseServerResponseException refuse(String expression, Object... args) {
		OperationOutcome outcome = outcomeIn(CODE_SYSTEM, expression, args);
		String message = outcome.getIssueFirstRep().getDiagnostics();
		return this == NOT_YOUR_TASKS
				? new ForbiddenOperationException(message, outcome)
				: new UnprocessableEntityException(message, outcome);
	}
}
