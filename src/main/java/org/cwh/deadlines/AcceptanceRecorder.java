package org.cwh.deadlines;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.time.Clock;
import java.util.Set;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Notes when a handoff is accepted (leaves requested or received for accepted or later), by the server's clock, in
 * the accepting transaction: the first-contact deadline counts from it. Registered by {@link DeadlinesConfig}.
 */
@Interceptor
public final class AcceptanceRecorder {

	private static final Set<TaskStatus> AWAITING = Set.of(TaskStatus.REQUESTED, TaskStatus.RECEIVED);
	private static final Set<TaskStatus> ACCEPTED = Set.of(TaskStatus.ACCEPTED, TaskStatus.INPROGRESS,
			TaskStatus.ONHOLD, TaskStatus.COMPLETED);

	private final DeadlineClaims claims;
	private final Clock clock;

	AcceptanceRecorder(DeadlineClaims claims, Clock clock) {
		this.claims = claims;
		this.clock = clock;
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = InterceptorOrder.DEADLINES)
	public void accepted(IBaseResource previous, IBaseResource updated) {
		if (previous instanceof Task before && updated instanceof Task after
				&& after.getCode().hasCoding(DeadlineSweep.TASK_CODE_SYSTEM, "fulfill")
				&& AWAITING.contains(before.getStatus()) && ACCEPTED.contains(after.getStatus())) {
			claims.markAccepted(after.getIdElement().getIdPart(), clock.instant());
		}
	}
}
