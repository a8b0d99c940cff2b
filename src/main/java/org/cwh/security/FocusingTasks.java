package org.cwh.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;

/**
 * The Tasks that point to a ServiceRequest ({@code Task.focus}): who sees a referral depends on them. Asked only for
 * callers whose organization limits apply (never for an admin), once per ServiceRequest and request when reading
 * (until the request writes a Task); a write asks again, since the request itself may have changed them. This is an internal authorization lookup
 * ({@link SystemRequestDetails}), not a disclosure: its result is never shown to the caller.
 */
final class FocusingTasks {

	private static final String CACHE = FocusingTasks.class.getName() + ".cache";
	private static final String SHOWN = FocusingTasks.class.getName() + ".shown";

	/** One Task pointing to the ServiceRequest: its logical id and the organizations it names. */
	record FocusingTask(String taskId, TaskParties parties) {}

	private final DaoRegistry daos;

	FocusingTasks(DaoRegistry daos) {
		this.daos = daos;
	}

	/** For a read: remembered for the rest of the request. */
	List<TaskParties> forRead(String serviceRequestId, RequestDetails request) {
		@SuppressWarnings("unchecked")
		Map<String, List<TaskParties>> cache =
				(Map<String, List<TaskParties>>) request.getUserData().computeIfAbsent(CACHE, k -> new HashMap<>());
		return cache.computeIfAbsent(serviceRequestId,
				id -> current(id).stream().map(FocusingTask::parties).toList());
	}

	/**
	 * Remembers that this request is showing its caller this Task (loaded by the request, and one the caller may
	 * read), so that the referral it points to need not be looked up again: an inbox page carries its Tasks and their
	 * referrals, and without this each referral cost a search of every Task pointing to it.
	 */
	void shown(Task task, RequestDetails request) {
		String serviceRequestId = serviceRequestId(task);
		if (serviceRequestId != null) {
			@SuppressWarnings("unchecked")
			Map<String, TaskParties> shown =
					(Map<String, TaskParties>) request.getUserData().computeIfAbsent(SHOWN, k -> new HashMap<>());
			shown.putIfAbsent(serviceRequestId, TaskParties.of(task));
		}
	}

	/** A Task pointing to the ServiceRequest that this request is showing its caller ({@link #shown}), or null. */
	TaskParties shownFocusing(String serviceRequestId, RequestDetails request) {
		@SuppressWarnings("unchecked")
		Map<String, TaskParties> shown = (Map<String, TaskParties>) request.getUserData().get(SHOWN);
		return shown == null ? null : shown.get(serviceRequestId);
	}

	/** Drops what this request remembered: it has just written a Task, which may change who sees a referral. */
	void forget(RequestDetails request) {
		request.getUserData().remove(CACHE);
		request.getUserData().remove(SHOWN);
	}

	/** For a write: as stored now, within the request's own database transaction. */
	List<FocusingTask> current(String serviceRequestId) {
		IFhirResourceDao<Task> tasks = daos.getResourceDao(Task.class);
		SearchParameterMap byFocus =
				SearchParameterMap.newSynchronous("focus", new ReferenceParam("ServiceRequest/" + serviceRequestId));
		List<IBaseResource> found = tasks.search(byFocus, new SystemRequestDetails()).getAllResources();
		return found.stream()
				.map(Task.class::cast)
				.map(t -> new FocusingTask(t.getIdElement().getIdPart(), TaskParties.of(t)))
				.toList();
	}

	/** The ServiceRequest a Task points to, as a logical id, or null when its focus is something else. */
	static String serviceRequestId(Task task) {
		if (!task.hasFocus() || !task.getFocus().hasReference()) {
			return null;
		}
		IdType focus = new IdType(task.getFocus().getReference());
		return !focus.hasBaseUrl() && "ServiceRequest".equals(focus.getResourceType()) && focus.hasIdPart()
				? focus.getIdPart()
				: null;
	}
}
