package org.cwh.workflow;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Set;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Closes the loop: when a handoff Task becomes {@code completed}, the referral it fulfils ({@code Task.focus}, a
 * ServiceRequest) becomes {@code completed} too, in the same database transaction, so the referrer sees both or
 * neither (notify tells it of both changes). A referral that is no longer active or on hold (revoked, already
 * completed, entered in error) is left as it is. The write is the server's own (a system request): the owner asked
 * for the Task's completion, not for the right to edit the referrer's ServiceRequest. Anything else that reacts to a
 * completed handoff (resolving its Flags) hooks the Task's update itself. Registered by {@link WorkflowConfig}.
 */
@Interceptor
public final class ReferralCompletionInterceptor {

	private static final Set<ServiceRequestStatus> OPEN = Set.of(ServiceRequestStatus.ACTIVE,
			ServiceRequestStatus.ONHOLD);

	private final DaoRegistry daos;

	public ReferralCompletionInterceptor(DaoRegistry daos) {
		this.daos = daos;
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = InterceptorOrder.WORKFLOW)
	public void completeReferral(IBaseResource previous, IBaseResource updated) {
		if (!(previous instanceof Task before) || !(updated instanceof Task after) || !HandoffParties.isHandoff(after)
				|| after.getStatus() != TaskStatus.COMPLETED || before.getStatus() == TaskStatus.COMPLETED) {
			return;
		}
		String focus = HandoffParties.target(after.getFocus());
		if (!focus.startsWith("ServiceRequest/")) {
			return;
		}
		IFhirResourceDao<ServiceRequest> referrals = daos.getResourceDao(ServiceRequest.class);
		SystemRequestDetails server = new SystemRequestDetails();
		ServiceRequest referral = referrals.read(new IdType(focus), server);
		if (OPEN.contains(referral.getStatus())) {
			referral.setStatus(ServiceRequestStatus.COMPLETED);
			referrals.update(referral, server);
		}
	}
}
