package org.cwh.rest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Makes a retried conditional create a success for every caller. When parallel copies of one
 * {@code If-None-Exist} create (or a transaction of them) race, HAPI lets one win and fails the others with 409
 * {@code HAPI-2745}. This hook tells HAPI's transaction service to run the losers again; on the rerun the match URL
 * finds the winner's resource and they answer 200 naming it, which is what a client retrying after a timeout needs.
 * Requests that carry {@code If-Match} are never rerun: a stale version must stay an error. Registered by
 * {@link RestConfig}; always on.
 */
@Interceptor
public final class IdempotentRetryInterceptor {

	static final int MAX_RETRIES = 8;

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	public ResourceVersionConflictResolutionStrategy retryIdempotentWrites(RequestDetails request) {
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		if (request != null && isIdempotentWrite(request)) {
			strategy.setRetry(true);
			strategy.setMaxRetries(MAX_RETRIES);
		}
		return strategy;
	}

	static boolean isIdempotentWrite(RequestDetails request) {
		if (request.getHeader(Constants.HEADER_IF_MATCH) != null) {
			return false;
		}
		RequestTypeEnum method = request.getRequestType();
		if (method == RequestTypeEnum.POST && request.getHeader(Constants.HEADER_IF_NONE_EXIST) != null) {
			return true;
		}
		if (method == RequestTypeEnum.PUT && request.getConditionalUrl(RestOperationTypeEnum.UPDATE) != null) {
			return true;
		}
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == RestOperationTypeEnum.TRANSACTION && request.getResource() instanceof Bundle bundle) {
			return bundle.getEntry().stream()
					.noneMatch(e -> e.hasRequest() && e.getRequest().hasIfMatch());
		}
		return false;
	}
}
