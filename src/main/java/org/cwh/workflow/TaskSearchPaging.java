package org.cwh.workflow;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

/**
 * Serves REST searches of Task, the inbox that receivers poll ({@code Task?owner=…&status=requested,received}) and
 * the referrers' list of what they sent, as offset pages: HAPI runs them synchronously and links the next page with
 * {@code _offset}/{@code _count}, instead of storing each search (a row, its result ids, its includes) so that
 * {@code _getpages} can continue it. Every organization polls every few seconds, and the server never reuses a stored
 * search (a poll must see what was stored a second ago), so storing them was pure cost: measured at 20,000 Tasks,
 * the inbox query took half the time without it. The price is offset paging's: a Task that changes between two page
 * requests can move across the page boundary, which a poller sees on its next poll. A client's own {@code _offset},
 * {@code _summary=count}, {@code _total} and internal searches are left as HAPI runs them. Registered on the JPA
 * interceptor service by {@link WorkflowConfig}; always on.
 */
@Interceptor
public final class TaskSearchPaging {

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void pageByOffset(RequestDetails request, SearchParameterMap params) {
		boolean taskSearch = request instanceof ServletRequestDetails && "Task".equals(request.getResourceName())
				&& request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE;
		if (!taskSearch || params.getOffset() != null || params.getSearchTotalMode() != null
				|| params.getSummaryMode() != null || params.getEverythingMode() != null) {
			return;
		}
		IPagingProvider paging = request.getServer().getPagingProvider();
		if (paging == null) {
			return;
		}
		Integer count = params.getCount();
		params.setCount(count == null ? paging.getDefaultPageSize() : Math.min(count, paging.getMaximumPageSize()));
		params.setOffset(0);
	}
}
