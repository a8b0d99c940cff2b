package org.cwh.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Objects;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;

/**
 * Keeps a Task from being used to reach another organization's referral: a Task that a caller limited to its
 * organization writes may point ({@code Task.focus}) only to a ServiceRequest that caller already sees, or to one no
 * other Task points to yet ({@link OrganizationRules#focusOn}). Checked just before commit, when the references of a
 * transaction are final (HAPI defers these hooks to the end of a transaction), so a referral posted with its Task in
 * one Bundle passes and the whole Bundle is refused otherwise. Registered by {@link SecurityConfig}; always on.
 */
@Interceptor(order = InterceptorOrder.AUTHORIZATION)
public final class TaskFocusGuard {

	private final OrganizationRules rules;
	private final FocusingTasks focusing;

	TaskFocusGuard(OrganizationRules rules, FocusingTasks focusing) {
		this.rules = rules;
		this.focusing = focusing;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Task task) {
			check(task, request);
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		if (resource instanceof Task task && !(previous instanceof Task before
				&& Objects.equals(FocusingTasks.serviceRequestId(before), FocusingTasks.serviceRequestId(task)))) {
			check(task, request);
		}
	}

	private void check(Task task, RequestDetails request) {
		Caller caller = Caller.of(request).orElse(null);
		String referral = FocusingTasks.serviceRequestId(task);
		if (caller == null || caller.hasRole(Caller.Role.ADMIN) || referral == null) {
			return;
		}
		String self = task.getIdElement().getIdPart();
		List<TaskParties> others = focusing.current(referral).stream()
				.filter(t -> !t.taskId().equals(self))
				.map(FocusingTasks.FocusingTask::parties)
				.toList();
		Decision decision = rules.focusOn(caller, others);
		if (!decision.allowed()) {
			throw CallerAuthorization.forbidden(decision.reason());
		}
	}
}
