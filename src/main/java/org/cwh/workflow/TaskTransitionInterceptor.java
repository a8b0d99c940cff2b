package org.cwh.workflow;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cwh.config.InterceptorOrder;
import org.cwh.security.Caller;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Holds every write of a handoff Task (code task-code#fulfill) to {@link HandoffStateTable}: creates, updates, the
 * result of a PATCH, conditional updates and each entry of a transaction or batch, because it hooks HAPI's storage
 * pointcuts on the JPA interceptor service. It asks the table whether the move exists (409 if not) and whether the
 * caller's organization is the party that makes it (403), and refuses what the table implies: a terminal Task does
 * not change (409), rejected/cancelled/on-hold/failed need a statusReason (422), only the owner sets businessStatus
 * (403), owner, requester, focus and code are fixed (422), a handoff starts requested (422), a completion names what
 * was done in {@code output} (422), and a handoff Task is never deleted (409). Without a caller (internal work,
 * authentication off) only the table's moves are checked. Registered by {@link WorkflowConfig}; always on.
 */
@Interceptor
public final class TaskTransitionInterceptor {

	private static final String RESULTING_ACTIVITY = "resulting-activity";

	private final HandoffStateTable table;

	public TaskTransitionInterceptor(HandoffStateTable table) {
		this.table = table;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = InterceptorOrder.WORKFLOW)
	public void checkCreate(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Task task && HandoffParties.isHandoff(task)) {
			checkStart(task, Caller.of(request));
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = InterceptorOrder.WORKFLOW)
	public void checkUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request) {
		if (!(previous instanceof Task before) || !(updated instanceof Task after)) {
			return;
		}
		if (!HandoffParties.isHandoff(before) && !HandoffParties.isHandoff(after)) {
			return;
		}
		Optional<Caller> caller = Caller.of(request);
		if (before.isDeleted()) {
			checkStart(after, caller);
			return;
		}
		checkMove(before, after, caller);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = InterceptorOrder.WORKFLOW)
	public void checkDelete(IBaseResource resource) {
		if (resource instanceof Task task && HandoffParties.isHandoff(task)) {
			throw Refusal.conflict(WorkflowError.TASK_NOT_DELETABLE, null, null, Set.of());
		}
	}

	private void checkStart(Task task, Optional<Caller> caller) {
		TaskStatus status = task.getStatus();
		if (!table.mayStartAs(status)) {
			throw Refusal.unprocessable(WorkflowError.TASK_MUST_START_REQUESTED, "Task.status", code(status));
		}
		Set<Actor> actors = HandoffParties.of(caller, task);
		if (caller.isPresent() && !actors.contains(Actor.REQUESTER) && !actors.contains(Actor.ADMIN)) {
			throw Refusal.forbidden(WorkflowError.TASK_CREATOR_NOT_REQUESTER, "Task.requester", null, Set.of(),
					HandoffParties.describe(caller), orNone(HandoffParties.target(task.getRequester())));
		}
		if (task.hasBusinessStatus() && !table.maySetBusinessStatus(actors)) {
			throw Refusal.forbidden(WorkflowError.TASK_BUSINESS_STATUS_OWNER_ONLY, "Task.businessStatus", status,
					Set.of(), orNone(HandoffParties.target(task.getOwner())), code(status), "none");
		}
	}

	private void checkMove(Task before, Task after, Optional<Caller> caller) {
		// The parties are read from the stored version: a caller cannot make itself the owner by saying so.
		Set<Actor> actors = HandoffParties.of(caller, before);
		TaskStatus from = before.getStatus();
		TaskStatus to = after.getStatus();
		Set<TaskStatus> next = table.nextFor(from, actors);
		requireFixed(before, after, "code", t -> t.getCode());
		requireFixed(before, after, "owner", t -> t.getOwner());
		requireFixed(before, after, "requester", t -> t.getRequester());
		requireFixed(before, after, "focus", t -> t.getFocus());
		if (sameContent(before, after, false)) {
			return;
		}
		if (table.isTerminal(from) && !(to == TaskStatus.ENTEREDINERROR && sameContent(before, after, true))) {
			throw Refusal.conflict(WorkflowError.TASK_TERMINAL, "Task", from, next, code(from), Refusal.list(next));
		}
		if (!table.exists(from, to)) {
			throw Refusal.conflict(WorkflowError.TASK_MOVE_NOT_ALLOWED, "Task.status", from, next, code(from), code(to),
					code(from), Refusal.list(next));
		}
		if (!table.allows(from, to, actors)) {
			if (actors.contains(Actor.THIRD_PARTY)) {
				throw Refusal.forbidden(WorkflowError.TASK_NOT_A_PARTY, "Task", from, next,
						HandoffParties.describe(caller), orNone(HandoffParties.target(before.getOwner())),
						orNone(HandoffParties.target(before.getRequester())), code(from));
			}
			throw Refusal.forbidden(WorkflowError.TASK_MOVE_NOT_YOURS, "Task.status", from, next, code(from), code(to),
					HandoffParties.describe(caller), Refusal.parties(table.partiesFor(from, to)), code(from),
					Refusal.list(next));
		}
		if (!before.getBusinessStatus().equalsDeep(after.getBusinessStatus()) && !table.maySetBusinessStatus(actors)) {
			throw Refusal.forbidden(WorkflowError.TASK_BUSINESS_STATUS_OWNER_ONLY, "Task.businessStatus", from, next,
					orNone(HandoffParties.target(before.getOwner())), code(from), Refusal.list(next));
		}
		if (table.needsReason(to) && !after.hasStatusReason()) {
			throw Refusal.unprocessable(WorkflowError.TASK_STATUS_REASON_REQUIRED, "Task.statusReason", code(to));
		}
		if (to == TaskStatus.COMPLETED && from != TaskStatus.COMPLETED && !namesResultingActivity(after)) {
			throw Refusal.unprocessable(WorkflowError.TASK_OUTPUT_REQUIRED, "Task.output");
		}
	}

	private static void requireFixed(Task before, Task after, String element, Function<Task, Base> value) {
		Base was = value.apply(before);
		Base now = value.apply(after);
		boolean same = was instanceof Reference r1 && now instanceof Reference r2
				? HandoffParties.target(r1).equals(HandoffParties.target(r2))
				: was.equalsDeep(now);
		if (!same) {
			throw Refusal.unprocessable(WorkflowError.TASK_FIXED_ELEMENT_CHANGED, "Task." + element, element,
					display(was), display(now));
		}
	}

	/**
	 * Whether the update changes nothing but meta (versions, labels, tags); with {@code exceptStatus}, also leaving
	 * out what marking a record entered-in-error may touch: status, statusReason and lastModified.
	 */
	private static boolean sameContent(Task before, Task after, boolean exceptStatus) {
		Task a = comparable(before, exceptStatus);
		Task b = comparable(after, exceptStatus);
		return a.equalsDeep(b);
	}

	private static Task comparable(Task task, boolean exceptStatus) {
		Task copy = task.copy();
		copy.setMeta(null);
		copy.setIdElement(null);
		if (exceptStatus) {
			copy.setStatus(null);
			copy.setStatusReason(null);
			copy.setLastModifiedElement(null);
		}
		return copy;
	}

	/** An output of type resulting-activity whose value is a reference to a Procedure or Encounter. */
	static boolean namesResultingActivity(Task task) {
		return task.getOutput().stream()
				.filter(o -> o.getType().getCoding().stream().anyMatch(c -> RESULTING_ACTIVITY.equals(c.getCode())))
				.map(o -> o.getValue() instanceof Reference r ? HandoffParties.target(r) : "")
				.anyMatch(target -> target.startsWith("Procedure/") || target.startsWith("Encounter/"));
	}

	private static String display(Base value) {
		if (value instanceof Reference reference) {
			return orNone(HandoffParties.target(reference));
		}
		if (value instanceof CodeableConcept concept && concept.hasCoding()) {
			return concept.getCodingFirstRep().getSystem() + "|" + concept.getCodingFirstRep().getCode();
		}
		return "(none)";
	}

	private static String orNone(String value) {
		return value.isEmpty() ? "(none)" : value;
	}

	static String code(TaskStatus status) {
		return status == null ? "(none)" : status.toCode();
	}
}
