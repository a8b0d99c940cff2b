package org.cwh.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Leaves the Tasks and ServiceRequests a caller may not see out of everything that returns many resources: search
 * results and their {@code _include}/{@code _revinclude}s, history, paging, {@code $everything}, and the GET entries
 * of a batch. Adapts HAPI's consent framework (which calls {@link #canSeeResource} before paging) to
 * {@link OrganizationRules}.
 *
 * <p>A request that cannot return a hidden Task or ServiceRequest is authorized whole at its start, so HAPI skips the
 * per-resource calls, keeps {@code Bundle.total} and allows {@code _summary=count}: any request of a caller without
 * organization limits, a read by id (a refusal there is a 403 from {@link CallerRule}, not a silent 404), a write,
 * and a search without includes whose type either is not Task or ServiceRequest or was narrowed by a parameter
 * ({@link SearchNarrowing}). Otherwise HAPI filters, clears {@code Bundle.total} (it would count hidden
 * resources) and refuses {@code _total=accurate} and {@code _summary=count}.
 */
final class OrganizationConsentService implements IConsentService {

	private static final Set<RestOperationTypeEnum> BY_ID =
			Set.of(RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE);
	private static final Set<RestOperationTypeEnum> WRITES = Set.of(RestOperationTypeEnum.CREATE,
			RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE,
			RestOperationTypeEnum.METADATA);

	private final OrganizationRules rules;
	private final FocusingTasks focusing;

	OrganizationConsentService(OrganizationRules rules, FocusingTasks focusing) {
		this.rules = rules;
		this.focusing = focusing;
	}

	/** Whether nothing in this request's answer can be a Task or ServiceRequest hidden from its caller. */
	boolean authorizesWholeRequest(RequestDetails request) {
		Caller caller = Caller.of(request).orElse(null);
		if (caller == null || !rules.limitsReads(caller)) {
			return true;
		}
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (BY_ID.contains(operation) || WRITES.contains(operation)) {
			return true;
		}
		if (operation != RestOperationTypeEnum.SEARCH_TYPE || includes(request)) {
			return false;
		}
		return switch (SearchNarrowing.searchedType(request)) {
			case "Task" -> rules.taskSearch(caller).isPresent();
			case "ServiceRequest" -> rules.serviceRequestSearch(caller).isPresent();
			default -> true;
		};
	}

	private static boolean includes(RequestDetails request) {
		return request.getParameters().keySet().stream()
				.anyMatch(name -> name.startsWith("_include") || name.startsWith("_revinclude"));
	}

	@Override
	public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
		return authorizesWholeRequest(request) ? ConsentOutcome.AUTHORIZED : ConsentOutcome.PROCEED;
	}

	@Override
	public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource,
			IConsentContextServices services) {
		Caller caller = Caller.of(request).orElse(null);
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (caller == null || !rules.limitsReads(caller) || BY_ID.contains(operation)
				|| operation == RestOperationTypeEnum.TRANSACTION) {
			// A read by id inside a batch: CallerRule answers it with a 403 for that entry. A transaction or batch
			// write entry (its sub-request keeps the Bundle's TRANSACTION type; GET entries get their own) shows the
			// resource it just wrote: CallerAuthorization decides on that echo after the commit.
			return ConsentOutcome.PROCEED;
		}
		Decision decision;
		if (resource instanceof Task task) {
			decision = rules.readTask(caller, TaskParties.of(task));
			if (decision.allowed()) {
				focusing.shown(task, request);
			}
		} else if (resource instanceof ServiceRequest referral) {
			// A Task of this answer that the caller may see points to the referral (the inbox with
			// _include=Task:focus): that one Task decides as the search of all of them would.
			String id = referral.getIdElement().getIdPart();
			TaskParties shown = focusing.shownFocusing(id, request);
			decision = rules.readServiceRequest(caller, shown != null ? List.of(shown) : focusing.forRead(id, request));
		} else {
			return ConsentOutcome.PROCEED;
		}
		return decision.allowed() ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT;
	}
}
