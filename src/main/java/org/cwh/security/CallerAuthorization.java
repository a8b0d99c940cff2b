package org.cwh.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthorizationSearchParamMatcher;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's {@link AuthorizationInterceptor} with one {@link CallerRule} per request, built from the request's
 * {@link Caller}: SMART scopes per type and interaction, roles for operations, organization rules for Tasks and
 * ServiceRequests. HAPI walks requests, transaction and batch write entries, stores and responses; this class adds
 * what HAPI leaves out: GET entries of a transaction or batch (HAPI checks only what they return, so an operation
 * there would go unchecked), write echoes in a transaction response ({@code Prefer: return=representation}) that the
 * caller may not read (left out, their location stays: refusing after the commit would hide that they were stored),
 * and a conditional create that matched a stored resource the caller may not read (403, nothing stored). A refusal is
 * a 403 OperationOutcome naming the missing scope or the broken rule. Requests without a caller (internal work,
 * authentication off) are not limited; with authentication on, a REST request without one gets only the
 * CapabilityStatement (fail closed). Registered on the RestfulServer by {@link SecurityConfig}; always on.
 */
@Interceptor(order = InterceptorOrder.AUTHORIZATION)
public final class CallerAuthorization extends AuthorizationInterceptor {

	private static final Logger log = LoggerFactory.getLogger(CallerAuthorization.class);

	private final OrganizationRules organizations;
	private final OperationRules operations;
	private final FocusingTasks focusing;
	private final DaoRegistry daos;
	private final boolean authenticationOn;

	/**
	 * @param matcher HAPI's in-memory matcher for SMART v2 scopes with a query
	 * @param authenticationOn whether a REST request without a caller is a fault (fail closed) or expected
	 */
	CallerAuthorization(OrganizationRules organizations, OperationRules operations, FocusingTasks focusing,
			DaoRegistry daos, IAuthorizationSearchParamMatcher matcher, boolean authenticationOn) {
		super(PolicyEnum.DENY);
		setAuthorizationSearchParamMatcher(matcher);
		this.organizations = organizations;
		this.operations = operations;
		this.focusing = focusing;
		this.daos = daos;
		this.authenticationOn = authenticationOn;
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		Optional<Caller> caller = Caller.of(request);
		if (caller.isEmpty() && authenticationOn && request instanceof ServletRequestDetails) {
			// Authentication lets only the CapabilityStatement through without a token; anything else arriving
			// without a caller is a fault upstream, and is refused rather than served unlimited.
			return new RuleBuilder().allow("CapabilityStatement").metadata().build();
		}
		if (caller.isEmpty()) {
			return new RuleBuilder().allowAll("internal request or authentication off").build();
		}
		List<IAuthRule> rules = new ArrayList<>(new RuleBuilder()
				.allow("transaction and batch: every write entry by the caller's rule").transaction().withAnyOperation()
				.andApplyNormalRules().build());
		rules.add(rule(caller.get()));
		return rules;
	}

	private CallerRule rule(Caller caller) {
		return new CallerRule(caller, organizations, operations, focusing, daos, getSearchParamMatcher());
	}

	@Override
	protected void handleDeny(RequestDetails request, Verdict verdict) {
		String reason = verdict instanceof CallerRule.Refusal refusal ? refusal.reason()
				: Caller.of(request).isEmpty() ? "this request reached authorization without an authenticated caller"
				: "no rule allows this request";
		log.info("refused {} {} for client {}: {}", request.getRestOperationType(), request.getResourceName(),
				Caller.of(request).map(Caller::clientId).orElse("(none)"), reason);
		throw forbidden(reason);
	}

	/** A 403 whose OperationOutcome says which scope or rule refused the request. */
	static ForbiddenOperationException forbidden(String reason) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.FORBIDDEN).setDiagnostics(reason);
		return new ForbiddenOperationException(reason, outcome);
	}

	/** GET entries of a transaction or batch: HAPI's transaction rule skips them on the way in. */
	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = InterceptorOrder.AUTHORIZATION)
	public void checkReadEntries(RequestDetails request) {
		Optional<Caller> caller = Caller.of(request);
		if (caller.isEmpty() || request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION
				|| !(request.getResource() instanceof Bundle bundle)) {
			return;
		}
		CallerRule rule = rule(caller.get());
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getRequest().getMethod() == Bundle.HTTPVerb.GET && entry.getRequest().hasUrl()) {
				Decision decision = rule.readEntry(ReadEntry.parse(entry.getRequest().getUrl()), request);
				if (!decision.allowed()) {
					throw forbidden(decision.reason());
				}
			}
		}
	}

	/**
	 * Before HAPI checks the response: takes write echoes the caller may not read out of a transaction response, and
	 * refuses a conditional create that matched a stored resource the caller may not read.
	 */
	@Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = InterceptorOrder.AUTHORIZATION - 1)
	public void checkEchoes(RequestDetails request, ResponseDetails response) {
		Optional<Caller> caller = Caller.of(request);
		if (caller.isEmpty() || response.getResponseResource() == null) {
			return;
		}
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == RestOperationTypeEnum.TRANSACTION && response.getResponseResource() instanceof Bundle reply) {
			CallerRule rule = rule(caller.get());
			for (Bundle.BundleEntryComponent entry : reply.getEntry()) {
				if (entry.hasResource() && !(entry.getResource() instanceof Bundle)
						&& !(entry.getResource() instanceof OperationOutcome)
						&& !rule.readById(entry.getResource(), request).allowed()) {
					entry.setResource(null);
				}
			}
		} else if (operation == RestOperationTypeEnum.CREATE && response.getResponseCode() == 200) {
			Decision decision = rule(caller.get()).readById(response.getResponseResource(), request);
			if (!decision.allowed()) {
				throw forbidden("If-None-Exist matched a stored " + response.getResponseResource().fhirType()
						+ " this client may not read; nothing was stored: " + decision.reason());
			}
		}
	}
}
