package org.cwh.deadlines;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.cwh.config.InterceptorOrder;
import org.cwh.deadlines.DueIndex.Row;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Keeps {@link DueIndex} in step with the writes, in each write's own transaction: whatever changes a fact
 * {@link HandoffReader} reads makes the handoffs it concerns due now, so the next sweep looks at them.
 *
 * <ul>
 *   <li>a handoff Task created or updated: its row is added or made due (patient and referral as the Task now names
 *   them); closed, no longer a handoff, or deleted: its row goes;</li>
 *   <li>a Communication that counts as contact ({@link HandoffReader#countsAsContact}), before or after the
 *   write, {@code partOf} or {@code basedOn} a Task, or {@code basedOn} a referral;</li>
 *   <li>an Appointment {@code basedOn} a referral that is, or was, fulfilled or a no-show;</li>
 *   <li>the referral ServiceRequest itself;</li>
 *   <li>a crisis Encounter whose {@code period.start} changed (its referrals' handoffs; an Encounter cannot be named
 *   by a referral before it is stored, referential integrity is on, so its creation changes nothing);</li>
 *   <li>a high-risk screening of a patient with handoffs, as {@link ImmediateEscalation} sees it, so the sweep
 *   raises the hand should the immediate escalation fail.</li>
 * </ul>
 *
 * Registered by {@link DeadlinesConfig}.
 */
@Interceptor
public final class DueMarker {

	private final DueIndex index;
	private final DaoRegistry daos;
	private final Clock clock;

	DueMarker(DueIndex index, DaoRegistry daos, Clock clock) {
		this.index = index;
		this.daos = daos;
		this.clock = clock;
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = InterceptorOrder.DEADLINES)
	public void created(IBaseResource resource) {
		if (resource instanceof Task task) {
			if (isOpenHandoff(task)) {
				index.upsert(row(task), clock.instant());
			}
		} else if (!(resource instanceof Encounter)) {
			changed(null, resource);
		}
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = InterceptorOrder.DEADLINES)
	public void updated(IBaseResource previous, IBaseResource updated) {
		if (updated instanceof Task task) {
			if (isOpenHandoff(task)) {
				index.upsert(row(task), clock.instant());
			} else if (isHandoff(task) || previous instanceof Task before && isHandoff(before)) {
				index.remove(HandoffReader.id(task));
			}
		} else if (updated instanceof Encounter after) {
			Date before = previous instanceof Encounter e ? e.getPeriod().getStart() : null;
			if (!Objects.equals(before, after.getPeriod().getStart())) {
				encounterChanged(after);
			}
		} else {
			changed(previous, updated);
		}
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, order = InterceptorOrder.DEADLINES)
	public void deleted(IBaseResource resource) {
		if (resource instanceof Task task) {
			if (isHandoff(task)) {
				index.remove(HandoffReader.id(task));
			}
		} else if (resource instanceof Encounter encounter) {
			encounterChanged(encounter);
		} else {
			changed(null, resource);
		}
	}

	/** Communications, Appointments, referrals and screenings: the handoffs either version concerns. */
	private void changed(IBaseResource previous, IBaseResource current) {
		Set<String> tasks = new LinkedHashSet<>();
		Set<String> referrals = new LinkedHashSet<>();
		for (IBaseResource version : new IBaseResource[] {previous, current}) {
			if (version instanceof Communication c && HandoffReader.countsAsContact(c)) {
				Stream.concat(c.getPartOf().stream(), c.getBasedOn().stream()).map(HandoffReader::reference)
						.filter(r -> r.startsWith("Task/")).forEach(r -> tasks.add(r.substring("Task/".length())));
				c.getBasedOn().stream().map(HandoffReader::reference).filter(r -> r.startsWith("ServiceRequest/"))
						.forEach(referrals::add);
			} else if (version instanceof Appointment a && (a.getStatus() == AppointmentStatus.FULFILLED
					|| a.getStatus() == AppointmentStatus.NOSHOW)) {
				a.getBasedOn().stream().map(HandoffReader::reference).filter(r -> r.startsWith("ServiceRequest/"))
						.forEach(referrals::add);
			} else if (version instanceof ServiceRequest referral) {
				referrals.add("ServiceRequest/" + HandoffReader.id(referral));
			}
		}
		if (current instanceof Observation screening && HandoffReader.isHighRisk(screening)
				&& !(previous instanceof Observation before && HandoffReader.isHighRisk(before))) {
			String patient = HandoffReader.reference(screening.getSubject());
			if (!patient.isEmpty()) {
				index.markPatient(patient, clock.instant());
			}
		}
		tasks.forEach(task -> index.markTask(task, clock.instant()));
		referrals.forEach(referral -> index.markReferral(referral, clock.instant()));
	}

	/** The handoffs of every referral naming this Encounter, found through HAPI as the server. */
	private void encounterChanged(Encounter encounter) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("encounter",
				new ReferenceParam("Encounter/" + HandoffReader.id(encounter)));
		for (IBaseResource referral : daos.getResourceDao(ServiceRequest.class)
				.search(map, new SystemRequestDetails()).getAllResources()) {
			index.markReferral("ServiceRequest/" + HandoffReader.id(referral), clock.instant());
		}
	}

	static boolean isHandoff(Task task) {
		return task.getCode().hasCoding(DeadlineSweep.TASK_CODE_SYSTEM, "fulfill");
	}

	static boolean isOpenHandoff(Task task) {
		return isHandoff(task) && DeadlineCalculator.isOpen(task.getStatus());
	}

	/** The row of an open handoff Task: who it is for and which referral it fulfils, as the Task names them. */
	static Row row(Task task) {
		String patient = HandoffReader.reference(task.getFor());
		String referral = HandoffReader.referral(task);
		return new Row(HandoffReader.id(task), patient.isEmpty() ? null : patient,
				referral.isEmpty() ? null : referral);
	}
}
