package org.cwh.profiles;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Holds a REST write that arrives while the validator is still warming ({@link ProfileEnforcer#warmUp}) until it is
 * warm, before HAPI opens the write's database transaction. Waiting later, inside the transaction, held a pooled
 * connection per waiting request: a burst of writes right after start (50 retries of one handoff) took every
 * connection while the warm-up, which reads profiles from the database, waited for one. Registered on the
 * RestfulServer by {@link ProfilesConfig}; reads never wait.
 */
@Interceptor
final class WarmValidatorGate {

	private final ProfileEnforcer enforcer;

	WarmValidatorGate(ProfileEnforcer enforcer) {
		this.enforcer = enforcer;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void awaitWarmValidator(RequestDetails request) {
		RequestTypeEnum method = request.getRequestType();
		if (method == RequestTypeEnum.POST || method == RequestTypeEnum.PUT || method == RequestTypeEnum.PATCH) {
			enforcer.awaitWarmUp();
		}
	}
}
