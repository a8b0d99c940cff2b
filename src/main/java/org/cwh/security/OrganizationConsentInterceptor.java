package org.cwh.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import org.cwh.config.InterceptorOrder;

/**
 * HAPI's {@link ConsentInterceptor} running {@link OrganizationConsentService}. HAPI refuses {@code _total=accurate}
 * and {@code _summary=count} on every request as soon as any consent service is registered, before asking the
 * service; a request the service authorizes whole (nothing hidden can be in its answer) is authorized first here, so
 * counts keep working for admins, agencies and narrowed searches. Its own instance, so the Part 2 consent service of
 * the privacy feature decides independently. Registered on the RestfulServer by {@link SecurityConfig}.
 */
@Interceptor(order = InterceptorOrder.AUTHORIZATION)
public final class OrganizationConsentInterceptor extends ConsentInterceptor {

	private final OrganizationConsentService service;

	OrganizationConsentInterceptor(OrganizationConsentService service) {
		super(service);
		this.service = service;
	}

	@Override
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void interceptPreHandled(RequestDetails request) {
		if (service.authorizesWholeRequest(request)) {
			authorizeRequest(request);
			return;
		}
		super.interceptPreHandled(request);
	}
}
