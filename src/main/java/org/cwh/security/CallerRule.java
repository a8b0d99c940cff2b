package org.cwh.security;

import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationFlagsEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor.Verdict;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthorizationSearchParamMatcher;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthorizationSearchParamMatcher.Match;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthorizationSearchParamMatcher.MatchResult;
import ca.uhn.fhir.rest.server.interceptor.auth.IRuleApplier;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cwh.security.Caller.Role;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * One caller's authorization for one request, as a rule of HAPI's {@link
 * ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor}: scopes per resource type and interaction
 * ({@link ScopeGrants}), operations ({@link OperationRules}) and the organization rules for Tasks and ServiceRequests
 * ({@link OrganizationRules}). HAPI asks it
 * <ul>
 *   <li>on the way in: for the request, and for every write entry of a transaction or batch (a refused entry refuses
 *       the whole Bundle): scopes and operations only, since the stored resource is not known yet;
 *   <li>before each resource is created, updated (once with the stored, once with the new version) or deleted:
 *       scopes and organization rules; a refusal there rolls the whole database transaction back;
 *   <li>for each resource on the way out: read scope ({@code r} for reads by id, {@code r} or {@code s} for what a
 *       search, history or operation returns, included resources too: a missing scope refuses the response) and, for
 *       a Task or ServiceRequest read by id, the organization rule (403). Searches are narrowed and filtered before
 *       this ({@link SearchNarrowing}, {@link OrganizationConsentService}).
 * </ul>
 * It always answers (allow or refuse with a reason), so HAPI's default policy is never what decides.
 */
final class CallerRule implements IAuthRule {

	/** A refusal that carries its reason to the 403 response. */
	static final class Refusal extends Verdict {
		private final String reason;

		Refusal(String reason, IAuthRule rule) {
			super(PolicyEnum.DENY, rule);
			this.reason = reason;
		}

		String reason() {
			return reason;
		}
	}

	private static final String TASK = "Task";
	private static final String SERVICE_REQUEST = "ServiceRequest";
	/** HAPI's header that makes an update drop stored tags and security labels the new body lacks. */
	private static final String META_SNAPSHOT_MODE = "X-Meta-Snapshot-Mode";

	private final Caller caller;
	private final ScopeGrants grants;
	private final OrganizationRules organizations;
	private final OperationRules operations;
	private final FocusingTasks focusing;
	private final DaoRegistry daos;
	private final IAuthorizationSearchParamMatcher matcher;

	CallerRule(Caller caller, OrganizationRules organizations, OperationRules operations, FocusingTasks focusing,
			DaoRegistry daos, IAuthorizationSearchParamMatcher matcher) {
		this.caller = caller;
		this.matcher = matcher;
		this.grants = ScopeGrants.of(caller.scopes());
		this.organizations = organizations;
		this.operations = operations;
		this.focusing = focusing;
		this.daos = daos;
	}

	@Override
	public Verdict applyRule(RestOperationTypeEnum operation, RequestDetails request, IBaseResource input,
			IIdType inputId, IBaseResource output, IRuleApplier applier, Set<AuthorizationFlagsEnum> flags,
			Pointcut pointcut) {
		Decision decision;
		if (output != null) {
			decision = shown(operation, request, output);
		} else if (input != null && isStorage(pointcut)) {
			decision = stored(operation, input, request);
		} else {
			decision = requested(operation, request, input, inputId);
		}
		return decision.allowed() ? new Verdict(PolicyEnum.ALLOW, this) : new Refusal(decision.reason(), this);
	}

	@Override
	public String getName() {
		return "CWH access rules for client " + caller.clientId();
	}

	/** May the caller read this resource as the answer to a read by id (scope r, then the organization rule)? */
	Decision readById(IBaseResource resource, RequestDetails request) {
		Decision scope = permits(resource, Interaction.READ);
		return scope.allowed() ? organizationRead(resource, request) : scope;
	}

	private Decision shown(RestOperationTypeEnum operation, RequestDetails request, IBaseResource resource) {
		if (request.getRestOperationType() == RestOperationTypeEnum.TRANSACTION) {
			// The outer transaction or batch response: its GET results were checked as each entry ran, and write
			// echoes the caller may not read are taken out by CallerAuthorization before this check.
			return Decision.ALLOW;
		}
		String type = resource.fhirType();
		if (resource instanceof OperationOutcome && !"OperationOutcome".equals(request.getResourceName())) {
			return Decision.ALLOW;
		}
		return switch (operation) {
			case READ, VREAD, HISTORY_INSTANCE -> readById(resource, request);
			default -> {
				Decision scope = permits(resource, Interaction.READ, Interaction.SEARCH);
				yield scope.allowed() ? scope
						: Decision.deny("the response holds a " + type + ", which this token may not read: "
								+ scope.reason());
			}
		};
	}

	/**
	 * Whether a scope grants one of these interactions on this resource: outright, or through a scope whose query the
	 * resource matches (HAPI's in-memory matcher; a query it cannot evaluate in memory matches nothing).
	 */
	private Decision permits(IBaseResource resource, Interaction... anyOf) {
		String type = resource.fhirType();
		if (grants.allowsAny(type, anyOf)) {
			return Decision.ALLOW;
		}
		List<String> queries = new ArrayList<>();
		for (Interaction interaction : anyOf) {
			queries.addAll(grants.queries(interaction, type));
		}
		if (queries.isEmpty()) {
			return Decision.deny(grants.needs(type, anyOf));
		}
		List<String> unsupported = new ArrayList<>();
		for (String query : queries) {
			MatchResult result = matcher.match(type + "?" + query, resource);
			if (result.match == Match.MATCH) {
				return Decision.ALLOW;
			}
			if (result.match == Match.UNSUPPORTED) {
				unsupported.add(query + " (cannot be evaluated: " + result.unsupportedReason + ")");
			}
		}
		String id = resource.getIdElement().hasIdPart() ? type + "/" + resource.getIdElement().getIdPart() : "the " + type;
		return Decision.deny(id + " matches no query of the scopes that grant it (" + String.join(", ", queries)
				+ (unsupported.isEmpty() ? "" : "; " + String.join(", ", unsupported)) + "): " + grants.needs(type, anyOf));
	}

	private Decision organizationRead(IBaseResource resource, RequestDetails request) {
		if (!organizations.limitsReads(caller)) {
			return Decision.ALLOW;
		}
		if (resource instanceof Task task) {
			return organizations.readTask(caller, TaskParties.of(task));
		}
		if (resource instanceof ServiceRequest referral) {
			return organizations.readServiceRequest(caller,
					focusing.forRead(referral.getIdElement().getIdPart(), request));
		}
		return Decision.ALLOW;
	}

	private static boolean isStorage(Pointcut pointcut) {
		return pointcut == Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED
				|| pointcut == Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED
				|| pointcut == Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED
				|| pointcut == Pointcut.STORAGE_CASCADE_DELETE;
	}

	/** A resource about to be created, updated (old and new version, one call each) or deleted. */
	private Decision stored(RestOperationTypeEnum operation, IBaseResource resource, RequestDetails request) {
		Interaction interaction = switch (operation) {
			case CREATE -> Interaction.CREATE;
			case UPDATE, PATCH -> Interaction.UPDATE;
			case DELETE -> Interaction.DELETE;
			default -> null;
		};
		String type = resource.fhirType();
		if (interaction == null) {
			return Decision.deny("storing a " + type + " during " + operation + " is not open to clients");
		}
		Decision scope = permits(resource, interaction);
		if (!scope.allowed()) {
			return scope;
		}
		if (resource instanceof Task) {
			focusing.forget(request);
		}
		if (caller.hasRole(Role.ADMIN)) {
			return Decision.ALLOW;
		}
		if (resource instanceof Task task) {
			return organizations.writeTask(caller, interaction, TaskParties.of(task));
		}
		if (resource instanceof ServiceRequest referral) {
			boolean needsTasks = interaction == Interaction.UPDATE
					&& (caller.hasRole(Role.PROVIDER) || caller.hasRole(Role.REFERRER));
			List<TaskParties> tasks = needsTasks
					? focusing.current(referral.getIdElement().getIdPart()).stream()
							.map(FocusingTasks.FocusingTask::parties).toList()
					: List.of();
			return organizations.writeServiceRequest(caller, interaction, tasks);
		}
		return Decision.ALLOW;
	}

	/** The request as it arrives, or one write entry of a transaction or batch. */
	private Decision requested(RestOperationTypeEnum operation, RequestDetails request, IBaseResource input,
			IIdType inputId) {
		String type = inputId != null && inputId.hasResourceType() ? inputId.getResourceType()
				: input != null ? input.fhirType() : request.getResourceName();
		return switch (operation) {
			// A transaction's entries are judged one by one by HAPI's transaction rule, which calls this rule.
			case METADATA, GET_PAGE, TRANSACTION -> Decision.ALLOW;
			case READ, VREAD, HISTORY_INSTANCE -> scope(Interaction.READ, type);
			case SEARCH_TYPE, HISTORY_TYPE -> scope(Interaction.SEARCH, SearchNarrowing.searchedType(request));
			case SEARCH_SYSTEM, HISTORY_SYSTEM -> systemSearch(request.getParameters());
			case CREATE -> entry(request, operation, type, scope(Interaction.CREATE, type));
			case UPDATE -> entry(request, operation, type, update(request, type));
			case PATCH -> entry(request, operation, type, scope(Interaction.UPDATE, type));
			case DELETE -> entry(request, operation, type, scope(Interaction.DELETE, type));
			case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> operation(
					request.getOperation(), request.getResourceName(),
					request.getId() != null && request.getId().hasIdPart() ? request.getId().getIdPart() : null, request);
			default -> Decision.deny("the interaction " + operation + " is not open to clients");
		};
	}

	private Decision scope(Interaction interaction, String type) {
		// A scope with a query lets the request in; each resource stored or returned must then match its query.
		return grants.allowsSome(interaction, type) ? Decision.ALLOW : Decision.deny(grants.needs(type, interaction));
	}

	private Decision update(RequestDetails request, String type) {
		String snapshot = request.getHeader(META_SNAPSHOT_MODE);
		if (snapshot != null && snapshot.toUpperCase(Locale.ROOT).contains("SECURITY_LABEL")
				&& !caller.hasRole(Role.ADMIN)) {
			return Decision.deny(META_SNAPSHOT_MODE + " with SECURITY_LABEL removes stored security labels; "
					+ "it needs role admin (clients may not edit security labels)");
		}
		return scope(Interaction.UPDATE, type);
	}

	/** Names the Bundle entry in a refusal of one entry of a transaction or batch. */
	private static Decision entry(RequestDetails request, RestOperationTypeEnum operation, String type,
			Decision decision) {
		if (decision.allowed() || request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION) {
			return decision;
		}
		return Decision.deny("Bundle entry " + operation + " " + type + ": " + decision.reason());
	}

	/** {@code GET /?_type=A,B} needs s on each type listed; a search or history over every type needs {@code *.s}. */
	private Decision systemSearch(Map<String, String[]> parameters) {
		String[] types = parameters.get("_type");
		if (types == null || types.length == 0) {
			return scope(Interaction.SEARCH, "*");
		}
		for (String list : types) {
			for (String type : list.split(",")) {
				Decision decision = scope(Interaction.SEARCH, type.trim());
				if (!decision.allowed()) {
					return decision;
				}
			}
		}
		return Decision.ALLOW;
	}

	/**
	 * A GET entry of a transaction or batch, which HAPI runs without the incoming-request check: the scope it needs,
	 * or the operation's rule. What it returns is still checked on the way out.
	 */
	Decision readEntry(ReadEntry entry, RequestDetails request) {
		Decision decision = switch (entry.kind()) {
			case METADATA -> Decision.ALLOW;
			case READ -> scope(Interaction.READ, entry.resourceType());
			case SEARCH -> "*".equals(entry.resourceType())
					? systemSearch(UrlUtil.parseQueryString(entry.query()))
					: scope(Interaction.SEARCH, entry.resourceType());
			case OPERATION -> operation(entry.operation(), entry.resourceType(),
					entry.instance() ? entry.instanceId() : null, request);
		};
		return decision.allowed() ? decision
				: Decision.deny("Bundle entry GET " + entry.path() + ": " + decision.reason());
	}

	/** @param instanceId the id of the resource the operation runs on, or null at type or server level */
	private Decision operation(String name, String type, String instanceId, RequestDetails request) {
		boolean instance = instanceId != null;
		Decision decision = operations.decide(caller, grants, name, type, instance);
		if (!decision.allowed() || !organizations.limitsReads(caller)) {
			return decision;
		}
		boolean organizationType = TASK.equals(type) || SERVICE_REQUEST.equals(type);
		if (!instance && "$meta".equals(name) && (type == null || organizationType)) {
			// Tags and labels in use across every Task would describe other organizations' Tasks too.
			return Decision.deny("organization rule: $meta over a whole type or server is not open to callers "
					+ "limited to their organization's Tasks and ServiceRequests; ask one resource at a time");
		}
		if (instance && organizationType) {
			IBaseResource target = storedInstance(type, instanceId);
			return target == null ? decision : organizationRead(target, request);
		}
		return decision;
	}

	/** The stored resource an instance operation runs on, or null when there is none (the operation answers 404). */
	private IBaseResource storedInstance(String type, String id) {
		try {
			return daos.getResourceDao(type).read(new IdType(type, id), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return null;
		}
	}
}
