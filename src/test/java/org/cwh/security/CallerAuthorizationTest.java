package org.cwh.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

/**
 * A request without a caller: internal work is not limited, and with authentication on a REST request without one
 * (which authentication never lets through) gets only the CapabilityStatement. HTTP cannot produce it, so it is
 * checked here on HAPI's own request objects.
 */
class CallerAuthorizationTest {

	private static final RestfulServer SERVER = new RestfulServer(FhirContext.forR4Cached());

	private static PolicyEnum decide(boolean authenticationOn, RequestDetails request, RestOperationTypeEnum operation) {
		CallerAuthorization authorization =
				new CallerAuthorization(new OrganizationRules(), new OperationRules(), null, null, null, authenticationOn);
		request.setRestOperationType(operation);
		return authorization.applyRulesAndReturnDecision(operation, request, null, new IdType("Task", "1"), null,
				Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED).getDecision();
	}

	private static ServletRequestDetails rest() {
		ServletRequestDetails request = new ServletRequestDetails();
		request.setServer(SERVER);
		return request;
	}

	@Test
	void restRequestWithoutCallerGetsOnlyMetadataWhenAuthenticationIsOn() {
		assertThat(decide(true, rest(), RestOperationTypeEnum.READ)).isEqualTo(PolicyEnum.DENY);
		assertThat(decide(true, rest(), RestOperationTypeEnum.DELETE)).isEqualTo(PolicyEnum.DENY);
		assertThat(decide(true, rest(), RestOperationTypeEnum.METADATA)).isEqualTo(PolicyEnum.ALLOW);
	}

	@Test
	void withoutAuthenticationOrForInternalWorkNothingIsLimited() {
		assertThat(decide(false, rest(), RestOperationTypeEnum.DELETE)).isEqualTo(PolicyEnum.ALLOW);
		SystemRequestDetails internal = new SystemRequestDetails();
		internal.setServer(SERVER);
		assertThat(decide(true, internal, RestOperationTypeEnum.DELETE)).isEqualTo(PolicyEnum.ALLOW);
	}
}
