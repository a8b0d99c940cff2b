package org.cwh.deadlines;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.cwh.deadlines.DeadlineCalculator.Facts;
import org.cwh.deadlines.DeadlineCalculator.Priority;
import org.cwh.profiles.Canonical;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Gathers what {@link DeadlineCalculator} needs about one handoff Task, and the events that raise a hand at once,
 * through HAPI's DAOs as the server (a system request): the Task's history (when it was accepted, when a contact or
 * visit step was recorded; the acceptance time itself comes from {@link DeadlineClaims}), the outreach
 * Communications linked to it or its referral, the referral's crisis encounter, its Appointments (fulfilled: the first visit; noshow: an outreach is due) and the patient's high-risk
 * screenings stored after the handoff.
 *
 * <p>Every fact read here has a hook in {@link DueMarker} that makes the handoff due when a write changes it: the
 * sweep reads only due handoffs, so a new fact read here without its hook there is a change no sweep sees.
 */
final class HandoffReader {

	static final String HANDOFF_STEP = Canonical.base() + "/CodeSystem/cwh-handoff-step";
	static final String OUTREACH_CATEGORY = Canonical.base() + "/CodeSystem/cwh-outreach-category";
	static final String RISK_TIER = Canonical.base() + "/CodeSystem/cwh-risk-tier";
	/** How outreach names a handoff: {@code partOf} or {@code basedOn} its Task, or {@code basedOn} its referral. */
	static final List<String> CONTACT_TASK_LINKS = List.of("part-of", "based-on");
	static final String CONTACT_REFERRAL_LINK = "based-on";
	static final String LOINC = "http://loinc.org";
	/** LOINC 93374-7 Suicide risk level; its answer LA9193-9 is High. */
	static final String SUICIDE_RISK_LEVEL = "93374-7";
	static final String LOINC_HIGH = "LA9193-9";

	/** The businessStatus steps that mean somebody tried or managed to reach the person. */
	static final Set<String> CONTACT_STEPS = Set.of("contact-attempted", "contact-made", "first-visit-scheduled",
			"first-visit-attended", "first-visit-missed", "engaged");
	/** The businessStatus steps that mean the first visit happened. */
	static final Set<String> VISIT_STEPS = Set.of("first-visit-attended", "engaged");
	private static final Set<TaskStatus> ACCEPTED = Set.of(TaskStatus.ACCEPTED, TaskStatus.INPROGRESS,
			TaskStatus.ONHOLD, TaskStatus.COMPLETED, TaskStatus.FAILED);

	/**
	 * One handoff as the sweep sees it.
	 *
	 * @param facts the calculator's input
	 * @param referral the ServiceRequest the Task fulfils, when it can be read
	 * @param highRisk ids ({@code Observation/1}) of high-risk screenings of the patient stored after the handoff
	 * @param noShows ids ({@code Appointment/1}) of the referral's Appointments the person did not come to
	 */
	record Snapshot(Facts facts, Optional<ServiceRequest> referral, List<String> highRisk, List<String> noShows) {}

	private final DaoRegistry daos;
	private final DeadlineClaims claims;

	HandoffReader(DaoRegistry daos, DeadlineClaims claims) {
		this.daos = daos;
		this.claims = claims;
	}

	Snapshot read(Task task) {
		SystemRequestDetails server = new SystemRequestDetails();
		List<Task> versions = history(task, server);
		Instant created = versions.isEmpty() ? lastUpdated(task) : lastUpdated(versions.get(0));
		Optional<ServiceRequest> referral = referral(task, server);
		Priority priority = Priority.fromCode(task.hasPriority() ? task.getPriority().toCode()
				: referral.filter(ServiceRequest::hasPriority).map(r -> r.getPriority().toCode()).orElse(null));
		Optional<Instant> acceptBy = task.getRestriction().getPeriod().hasEnd()
				? Optional.of(task.getRestriction().getPeriod().getEnd().toInstant())
				: Optional.empty();
		Instant authoredOn = task.hasAuthoredOn() ? task.getAuthoredOn().toInstant() : created;

		// When this server saw the acceptance, by its clock; a Task accepted before it kept that, by its history.
		Optional<Instant> acceptedAt = claims.acceptedAt(id(task))
				.or(() -> first(versions, v -> ACCEPTED.contains(v.getStatus())));
		Optional<Instant> contactStep = first(versions, v -> hasStep(v, CONTACT_STEPS));
		Optional<Instant> visitStep = first(versions, v -> hasStep(v, VISIT_STEPS));

		Map<String, Communication> contacts = new LinkedHashMap<>();
		for (String link : CONTACT_TASK_LINKS) {
			// One search per link: the referral rides along with the Task where the link may name either.
			ReferenceOrListParam targets = new ReferenceOrListParam().addOr(new ReferenceParam("Task/" + id(task)));
			if (link.equals(CONTACT_REFERRAL_LINK)) {
				referral.ifPresent(r -> targets.addOr(new ReferenceParam("ServiceRequest/" + id(r))));
			}
			communications(link, targets, server).forEach(c -> contacts.putIfAbsent(id(c), c));
		}
		Optional<Instant> contactSent = contacts.values().stream().filter(HandoffReader::countsAsContact)
				.map(c -> c.hasSent() ? c.getSent().toInstant() : lastUpdated(c)).min(Comparator.naturalOrder());

		List<Appointment> appointments = referral.map(r -> appointments(r, server)).orElse(List.of());
		Optional<Instant> visited = appointments.stream().filter(a -> a.getStatus() == AppointmentStatus.FULFILLED)
				.map(a -> a.hasStart() ? a.getStart().toInstant() : lastUpdated(a)).min(Comparator.naturalOrder());
		List<String> noShows = appointments.stream().filter(a -> a.getStatus() == AppointmentStatus.NOSHOW)
				.map(a -> "Appointment/" + id(a)).toList();

		Facts facts = new Facts(task.getStatus(), authoredOn, acceptBy, priority,
				acceptedAt.or(() -> ACCEPTED.contains(task.getStatus()) ? Optional.of(lastUpdated(task))
						: Optional.empty()),
				earliest(contactStep, contactSent), crisisAt(referral, server), earliest(visitStep, visited));
		return new Snapshot(facts, referral, highRisk(task, created, server), noShows);
	}

	/**
	 * Outreach of any kind but an appointment reminder counts as contact, unless it was not done or entered in error;
	 * the timeline's first contact ({@code workflow.Outreach}) follows the same rule.
	 */
	static boolean countsAsContact(Communication communication) {
		if (communication.getStatus() == CommunicationStatus.ENTEREDINERROR
				|| communication.getStatus() == CommunicationStatus.NOTDONE) {
			return false;
		}
		return communication.getCategory().stream().noneMatch(c -> c.hasCoding(OUTREACH_CATEGORY,
				"appointment-reminder"));
	}

	/** Whether a screening says high suicide risk: LOINC 93374-7 answered High, or the CWH tier high or imminent. */
	static boolean isHighRisk(Observation observation) {
		if (!observation.getCode().hasCoding(LOINC, SUICIDE_RISK_LEVEL) || !observation.hasValueCodeableConcept()
				|| observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
				|| observation.getStatus() == Observation.ObservationStatus.CANCELLED) {
			return false;
		}
		var value = observation.getValueCodeableConcept();
		return value.hasCoding(LOINC, LOINC_HIGH) || value.hasCoding(RISK_TIER, "high")
				|| value.hasCoding(RISK_TIER, "imminent");
	}


	private List<Task> history(Task task, SystemRequestDetails server) {
		IBundleProvider versions = daos.getResourceDao(Task.class)
				.history(new IdType("Task", id(task)), null, null, null, server);
		List<Task> oldestFirst = new ArrayList<>();
		for (IBaseResource version : versions.getAllResources()) {
			oldestFirst.add((Task) version);
		}
		oldestFirst.sort(Comparator.comparing(HandoffReader::lastUpdated));
		return oldestFirst;
	}

	private Optional<ServiceRequest> referral(Task task, SystemRequestDetails server) {
		String referral = referral(task);
		if (referral.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(daos.getResourceDao(ServiceRequest.class).read(new IdType(referral), server));
		} catch (ResourceNotFoundException e) {
			return Optional.empty();
		}
	}

	/** {@code ServiceRequest/id} of the referral the Task fulfils (its {@code focus}); empty when it names none. */
	static String referral(Task task) {
		String focus = reference(task.getFocus());
		return focus.startsWith("ServiceRequest/") ? focus : "";
	}

	private Optional<Instant> crisisAt(Optional<ServiceRequest> referral, SystemRequestDetails server) {
		if (referral.isEmpty()) {
			return Optional.empty();
		}
		ServiceRequest request = referral.get();
		Reference encounter = request.getEncounter();
		if (encounter.hasReference()) {
			try {
				Encounter crisis = daos.getResourceDao(Encounter.class)
						.read(new IdType(encounter.getReference()).toUnqualifiedVersionless(), server);
				if (crisis.getPeriod().hasStart()) {
					return Optional.of(crisis.getPeriod().getStart().toInstant());
				}
			} catch (ResourceNotFoundException e) {
				// A referral whose encounter is gone counts from its own date, as one without an encounter does.
			}
		}
		return request.hasAuthoredOn() ? Optional.of(request.getAuthoredOn().toInstant()) : Optional.empty();
	}

	private List<Communication> communications(String parameter, ReferenceOrListParam targets,
			SystemRequestDetails server) {
		SearchParameterMap map = SearchParameterMap.newSynchronous().add(parameter, targets);
		return all(daos.getResourceDao(Communication.class), map, server);
	}

	private List<Appointment> appointments(ServiceRequest referral, SystemRequestDetails server) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("based-on",
				new ReferenceParam("ServiceRequest/" + id(referral)));
		return all(daos.getResourceDao(Appointment.class), map, server);
	}

	/** The patient's high-risk suicide risk levels stored after the handoff was created. */
	private List<String> highRisk(Task task, Instant created, SystemRequestDetails server) {
		if (!task.getFor().hasReference()) {
			return List.of();
		}
		SearchParameterMap map = SearchParameterMap.newSynchronous("subject",
				new ReferenceParam(new IdType(task.getFor().getReference()).toUnqualifiedVersionless().getValue()));
		map.add("code", new TokenParam(LOINC, SUICIDE_RISK_LEVEL));
		map.setLastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(
				new DateParam(ParamPrefixEnum.GREATERTHAN, Date.from(created)), null));
		return all(daos.getResourceDao(Observation.class), map, server).stream().filter(HandoffReader::isHighRisk)
				.map(o -> "Observation/" + id(o)).toList();
	}

	private static <T extends IBaseResource> List<T> all(IFhirResourceDao<T> dao, SearchParameterMap map,
			SystemRequestDetails server) {
		List<T> found = new ArrayList<>();
		for (IBaseResource resource : dao.search(map, server).getAllResources()) {
			@SuppressWarnings("unchecked")
			T typed = (T) resource;
			found.add(typed);
		}
		return found;
	}

	private static boolean hasStep(Task version, Set<String> steps) {
		return version.getBusinessStatus().getCoding().stream()
				.anyMatch(c -> HANDOFF_STEP.equals(c.getSystem()) && steps.contains(c.getCode()));
	}

	private static Optional<Instant> first(List<Task> oldestFirst, Predicate<Task> test) {
		return oldestFirst.stream().filter(test).findFirst().map(HandoffReader::lastUpdated);
	}

	private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
		if (a.isEmpty()) {
			return b;
		}
		return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
	}

	static Instant lastUpdated(IBaseResource resource) {
		Date updated = resource.getMeta().getLastUpdated();
		return updated == null ? Instant.EPOCH : updated.toInstant();
	}

	static String id(IBaseResource resource) {
		return resource.getIdElement().getIdPart();
	}

	/** {@code Type/id} of a reference written relative, absolute or versioned; empty when it names nothing. */
	static String reference(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return "";
		}
		IdType id = new IdType(reference.getReference());
		return id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : "";
	}
}
