package org.cwh.rest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Gives a successful PATCH the {@code ETag} of the version it created, as HAPI already does for create, update and
 * read: HAPI 8.8.0's {@code RestfulServerUtils.streamResponseAsResource} lists only CREATE, UPDATE, READ and VREAD,
 * so without this a client would have to read the resource again before its next {@code If-Match}. Registered by
 * {@link RestConfig}; always on.
 */
@Interceptor
public final class PatchEtagInterceptor {

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void addEtag(RequestDetails request, ResponseDetails response, HttpServletResponse servletResponse) {
		if (request.getRestOperationType() != RestOperationTypeEnum.PATCH || servletResponse == null
				|| servletResponse.containsHeader(Constants.HEADER_ETAG)) {
			return;
		}
		IBaseResource resource = response.getResponseResource();
		if (resource != null && resource.getMeta() != null && resource.getMeta().getVersionId() != null
				&& resource.fhirType().equals(request.getResourceName())) {
			servletResponse.addHeader(Constants.HEADER_ETAG, "W/\"" + resource.getMeta().getVersionId() + "\"");
		}
	}
}
