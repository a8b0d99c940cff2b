package org.cwh.security;

import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry.SearchParamLookupContextEnum;
import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cwh.config.InterceptorOrder;
import org.cwh.security.OrganizationRules.SearchRestriction;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Makes searches return only what the caller may see, counted right, by adding search parameters (AND) before HAPI
 * runs them:
 * <ul>
 *   <li>for a caller limited to its organization's handoffs, a provider's {@code Task?…} gets
 *       {@code owner=Organization/<own>}, a referrer's {@code requester=…}; a ServiceRequest search gets
 *       {@code _has:Task:focus:owner=…} (or {@code requester});
 *   <li>where the only scope that grants {@code s} on the type has a query ({@code system/Observation.rs?category=
 *       laboratory}), that query's parameters. With several such scopes (an OR across parameters) nothing is added and
 *       each result must match one of them, or the search is refused (403).
 * </ul>
 * The same is done to the GET entries of a transaction or batch, which HAPI runs without the incoming-request hooks.
 *
 * <p>HAPI's {@code SearchNarrowingInterceptor} cannot say this: it narrows by compartment, and R4 defines no
 * Organization compartment. What a parameter cannot narrow (a caller with both roles, includes, history,
 * {@code $everything}) is filtered one resource at a time by {@link OrganizationConsentService}.
 *
 * <p>For callers limited to their organization it also refuses searches that would filter on Tasks or
 * ServiceRequests they may not see and so reveal them through which results come back: {@code _has} (HAPI #6065:
 * reverse chains ignore authorization), {@code _filter}, and chains that pass through a Task or ServiceRequest (except
 * {@code Task?focus:ServiceRequest.…}, whose ServiceRequests the caller sees through that Task). Registered by
 * {@link SecurityConfig}; always on.
 */
@Interceptor(order = InterceptorOrder.AUTHORIZATION)
public final class SearchNarrowing {

	private static final Set<String> LIMITED_TYPES = Set.of("Task", "ServiceRequest");

	private final OrganizationRules rules;
	private final ISearchParamRegistry searchParams;

	SearchNarrowing(OrganizationRules rules, ISearchParamRegistry searchParams) {
		this.rules = rules;
		this.searchParams = searchParams;
	}

	/**
	 * A search, once HAPI knows it is one and before it binds the parameters (PRE_HANDLED would be too late); runs
	 * after authentication attached the caller at this pointcut ({@link InterceptorOrder#SECURITY}).
	 */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void narrowSearch(RequestDetails request) {
		Caller caller = Caller.of(request).orElse(null);
		if (caller != null && request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE) {
			Map<String, String[]> parameters = request.getParameters();
			Map<String, String[]> narrowed = narrowed(caller, searchedType(request), parameters);
			// Only a new map: HAPI hands out an unmodifiable view, and its error path removes _summary from what is set.
			if (narrowed != parameters) {
				request.setParameters(narrowed);
			}
		}
	}

	/** The GET entries of a transaction or batch, once its Bundle is parsed and before HAPI runs them. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void narrowReadEntries(RequestDetails request) {
		Caller caller = Caller.of(request).orElse(null);
		if (caller == null) {
			return;
		}
		if (request.getRestOperationType() == RestOperationTypeEnum.TRANSACTION
				&& request.getResource() instanceof Bundle bundle) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getRequest().getMethod() == Bundle.HTTPVerb.GET && entry.getRequest().hasUrl()) {
					narrow(caller, entry.getRequest());
				}
			}
		}
	}

	/** The type a search returns: its resource type, or for {@code Patient/1/Task} the compartment's. */
	static String searchedType(RequestDetails request) {
		String compartment = request.getCompartmentName();
		String type = compartment != null ? compartment : request.getResourceName();
		return type == null ? "*" : type;
	}

	private void narrow(Caller caller, Bundle.BundleEntryRequestComponent request) {
		ReadEntry entry = ReadEntry.parse(request.getUrl());
		if (entry.kind() != ReadEntry.Kind.SEARCH) {
			return;
		}
		Map<String, String[]> before = UrlUtil.parseQueryString(entry.query());
		Map<String, String[]> after = narrowed(caller, entry.resourceType(), before);
		if (after == before) {
			return;
		}
		StringBuilder url = new StringBuilder(entry.path()).append('?');
		after.forEach((name, values) -> {
			for (String value : values) {
				url.append(url.charAt(url.length() - 1) == '?' ? "" : "&").append(UrlUtil.escapeUrlParam(name))
						.append('=').append(UrlUtil.escapeUrlParam(value));
			}
		});
		request.setUrl(url.toString());
	}

	/** The parameters with the caller's restrictions added, or the same map when there is none to add. */
	Map<String, String[]> narrowed(Caller caller, String resourceType, Map<String, String[]> parameters) {
		List<SearchRestriction> restrictions = new ArrayList<>();
		if (rules.limitsReads(caller)) {
			for (String name : parameters.keySet()) {
				refuseHiddenFilters(resourceType, name);
			}
			switch (resourceType) {
				case "Task" -> rules.taskSearch(caller).ifPresent(restrictions::add);
				case "ServiceRequest" -> rules.serviceRequestSearch(caller).ifPresent(restrictions::add);
				default -> { }
			}
		}
		List<String> queries = ScopeGrants.of(caller.scopes()).queries(Interaction.SEARCH, resourceType);
		if (queries.size() == 1 && !"*".equals(resourceType)) {
			UrlUtil.parseQueryString(queries.get(0)).forEach((name, values) -> {
				for (String value : values) {
					restrictions.add(new SearchRestriction(name, value));
				}
			});
		}
		Map<String, String[]> narrowed = parameters;
		for (SearchRestriction restriction : restrictions) {
			String[] existing = narrowed.getOrDefault(restriction.parameter(), new String[0]);
			// The provider's own inbox already says owner=Organization/<own>: the same condition again would only
			// join the owner's links twice (and HAPI asserts against duplicate parameters).
			if (Arrays.asList(existing).contains(restriction.value())) {
				continue;
			}
			if (narrowed == parameters) {
				narrowed = new LinkedHashMap<>(parameters);
			}
			String[] values = Arrays.copyOf(existing, existing.length + 1);
			values[existing.length] = restriction.value();
			narrowed.put(restriction.parameter(), values);
		}
		return narrowed;
	}

	private void refuseHiddenFilters(String resourceType, String parameter) {
		if (parameter.startsWith("_has")) {
			throw CallerAuthorization.forbidden("organization rule: _has is refused for callers limited to their "
					+ "organization's Tasks and ServiceRequests: it filters on resources the caller may not see "
					+ "(HAPI FHIR #6065); search the other type directly");
		}
		if (parameter.equals("_filter")) {
			throw CallerAuthorization.forbidden("organization rule: _filter is refused for callers limited to "
					+ "their organization's Tasks and ServiceRequests; use search parameters");
		}
		if (parameter.indexOf('.') > 0 && chainPassesHiddenTypes(resourceType, parameter)) {
			throw CallerAuthorization.forbidden("organization rule: the chained parameter '" + parameter
					+ "' passes through Tasks or ServiceRequests of other organizations; callers limited to their "
					+ "organization's may chain from Task through focus only");
		}
	}

	/** Whether a chain such as {@code based-on.status} can step onto a Task or ServiceRequest (other than Task.focus). */
	private boolean chainPassesHiddenTypes(String resourceType, String parameter) {
		String[] hops = parameter.split("\\.");
		Set<String> types = Set.of(resourceType);
		for (int i = 0; i < hops.length - 1; i++) {
			String[] nameAndType = hops[i].split(":", 2);
			Set<String> next = new HashSet<>();
			for (String type : types) {
				RuntimeSearchParam param = searchParams.getActiveSearchParam(type, nameAndType[0],
						SearchParamLookupContextEnum.SEARCH);
				if (param == null || param.getParamType() != RestSearchParameterTypeEnum.REFERENCE) {
					continue;
				}
				Set<String> targets = nameAndType.length == 2 ? Set.of(nameAndType[1])
						: param.getTargets().isEmpty() ? LIMITED_TYPES : param.getTargets();
				boolean focusOfTask = i == 0 && "Task".equals(type) && "focus".equals(nameAndType[0]);
				if (!focusOfTask && targets.stream().anyMatch(LIMITED_TYPES::contains)) {
					return true;
				}
				next.addAll(targets);
			}
			types = next;
		}
		return false;
	}
}
