package org.cwh.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import org.cwh.config.InterceptorOrder;

/**
 * Hands the caller the {@link BearerFilter} found to HAPI: copies it onto the request's {@link RequestDetails} at the
 * first hook that has one, so every later hook (authorization, consent, workflow, audit) can ask
 * {@link Caller#of(RequestDetails)}. Transaction and batch entries share their bundle's request data, so they carry
 * the same caller. Registered by {@link SecurityConfig}.
 */
@Interceptor
final class CallerInterceptor {

	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = InterceptorOrder.SECURITY)
	public void attachCaller(RequestDetails request, HttpServletRequest servletRequest) {
		if (servletRequest.getAttribute(BearerFilter.ATTRIBUTE) instanceof Caller caller) {
			caller.attachTo(request);
		}
	}
}
