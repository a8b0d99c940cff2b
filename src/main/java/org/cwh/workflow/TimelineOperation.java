package org.cwh.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.HistorySearchDateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cwh.profiles.Canonical;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * {@code GET /fhir/Task/{id}/$timeline}: how a referral went, step by step ({@link HandoffTimeline}), as
 * {@code Parameters}: {@code task}, {@code status}, and one {@code step} per reached step with parts {@code name}
 * (created, received, accepted, first-contact, first-visit, completed, ended), {@code at}, {@code sinceCreated} (a
 * UCUM duration in seconds), {@code source} (the Task, with {@code version} the version that marks the step, or the
 * contact that marks it) and, for {@code ended}, {@code detail} (the final status); then one {@code escalation}
 * per hand the server raised for this handoff (a missed deadline — {@code handoff-overdue},
 * {@code first-contact-overdue}, {@code first-visit-missed} — or {@code high-risk-open-handoff}): {@code code},
 * {@code raised}, {@code active} and the {@code flag}. Registered on the FHIR endpoint by {@link WorkflowConfig}.
 *
 * <p>The Task is read with the caller's request, so whoever may not read it gets what a read would answer (403 or
 * 404). Its history and its contacts are then read as the server: the timeline shows only times and ids, and a
 * referral's parties must see when it moved even through versions or contacts they could not read whole.
 */
public final class TimelineOperation {

	private static final String UCUM = "http://unitsofmeasure.org";
	/** What a missed deadline or a high-risk screening raises (the IG's Flag extension and code system). */
	private static final String FLAGGED_HANDOFF = Canonical.profile("cwh-flagged-handoff");
	private static final String FLAG_CODES = Canonical.base() + "/CodeSystem/cwh-flag-code";

	private final DaoRegistry daos;

	TimelineOperation(DaoRegistry daos) {
		this.daos = daos;
	}

	@Operation(name = "$timeline", idempotent = true, type = Task.class)
	public Parameters timeline(@IdParam IdType id, RequestDetails request) {
		IFhirResourceDao<Task> tasks = daos.getResourceDao(Task.class);
		Task task = tasks.read(id.toUnqualifiedVersionless(), request);
		String taskId = "Task/" + task.getIdElement().getIdPart();

		List<HandoffTimeline.Version> versions = new ArrayList<>();
		IBundleProvider history = tasks.history(task.getIdElement().toUnqualifiedVersionless(),
				new HistorySearchDateRangeParam(), new SystemRequestDetails());
		for (IBaseResource resource : history.getAllResources()) {
			Task version = (Task) resource;
			versions.add(new HandoffTimeline.Version(version.getIdElement().getVersionIdPart(),
					version.getMeta().getLastUpdated().toInstant(),
					version.hasStatus() ? version.getStatus().toCode() : "",
					version.getBusinessStatus().getCoding().stream()
							.filter(c -> HandoffTimeline.STEP_SYSTEM.equals(c.getSystem())).map(Coding::getCode)
							.findFirst().orElse(null)));
		}

		List<HandoffTimeline.Reached> steps = HandoffTimeline.of(taskId, versions, contacts(task));

		Parameters timeline = new Parameters();
		timeline.addParameter().setName("task").setValue(new Reference(taskId));
		timeline.addParameter().setName("status").setValue(new CodeType(task.getStatus().toCode()));
		for (HandoffTimeline.Reached step : steps) {
			ParametersParameterComponent p = timeline.addParameter().setName("step");
			p.addPart().setName("name").setValue(new CodeType(step.step().code()));
			p.addPart().setName("at").setValue(new DateTimeType(Date.from(step.at())));
			Duration since = new Duration();
			since.setValue(step.sinceCreated().toSeconds()).setUnit("s").setSystem(UCUM).setCode("s");
			p.addPart().setName("sinceCreated").setValue(since);
			// HAPI's encoder strips versions from references, so a Task version's number goes in a part of its own.
			String[] source = step.source().split("/_history/");
			p.addPart().setName("source").setValue(new Reference(source[0]));
			if (source.length == 2) {
				p.addPart().setName("version").setValue(new IdType(source[1]));
			}
			if (step.detail() != null) {
				p.addPart().setName("detail").setValue(new CodeType(step.detail()));
			}
		}
		for (Flag flag : escalations(task, taskId)) {
			ParametersParameterComponent p = timeline.addParameter().setName("escalation");
			p.addPart().setName("code").setValue(flag.getCode().getCoding().stream()
					.filter(c -> FLAG_CODES.equals(c.getSystem())).findFirst().orElse(flag.getCode().getCodingFirstRep()));
			p.addPart().setName("raised").setValue(new DateTimeType(flag.getPeriod().hasStart()
					? flag.getPeriod().getStart() : flag.getMeta().getLastUpdated()));
			p.addPart().setName("active").setValue(new BooleanType(flag.getStatus() == Flag.FlagStatus.ACTIVE));
			p.addPart().setName("flag").setValue(new Reference("Flag/" + flag.getIdElement().getIdPart()));
		}
		return timeline;
	}

	/**
	 * The Flags the deadline sweep and the high-risk check put on the patient for this handoff (their
	 * {@code cwh-flagged-handoff} extension names the Task), oldest first. R4 has no search parameter on that
	 * extension, so the patient's Flags are read and filtered.
	 */
	private List<Flag> escalations(Task task, String taskId) {
		String patient = task.getFor().getReferenceElement().toUnqualifiedVersionless().getValue();
		if (patient == null || !patient.startsWith("Patient/")) {
			return List.of();
		}
		List<Flag> flags = new ArrayList<>();
		SearchParameterMap search = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient));
		for (IBaseResource resource : daos.getResourceDao(Flag.class).search(search, new SystemRequestDetails())
				.getAllResources()) {
			Flag flag = (Flag) resource;
			Extension handoff = flag.getExtensionByUrl(FLAGGED_HANDOFF);
			if (handoff != null && handoff.getValue() instanceof Reference r
					&& taskId.equals(r.getReferenceElement().toUnqualifiedVersionless().getValue())) {
				flags.add(flag);
			}
		}
		flags.sort(Comparator.comparing(f -> f.getPeriod().hasStart() ? f.getPeriod().getStart()
				: f.getMeta().getLastUpdated()));
		return flags;
	}

	/**
	 * Outreach for the handoff, as the deadlines count it ({@link Outreach}): Communications part of or based on the
	 * Task, or based on its referral, that count as contact.
	 */
	private List<HandoffTimeline.Contact> contacts(Task task) {
		IFhirResourceDao<Communication> communications = daos.getResourceDao(Communication.class);
		String taskId = "Task/" + task.getIdElement().getIdPart();
		Map<String, HandoffTimeline.Contact> contacts = new LinkedHashMap<>();
		for (String link : Outreach.TASK_LINKS) {
			// One search per link: the referral rides along with the Task where the link may name either.
			ReferenceOrListParam targets = new ReferenceOrListParam().addOr(new ReferenceParam(taskId));
			if (link.equals(Outreach.REFERRAL_LINK)) {
				Outreach.referral(task).ifPresent(referral -> targets.addOr(new ReferenceParam(referral)));
			}
			SearchParameterMap map = SearchParameterMap.newSynchronous().add(link, targets);
			for (IBaseResource resource : communications.search(map, new SystemRequestDetails()).getAllResources()) {
				Communication c = (Communication) resource;
				if (!Outreach.countsAsContact(c)) {
					continue;
				}
				String id = "Communication/" + c.getIdElement().getIdPart();
				Date at = c.hasSent() ? c.getSent() : c.getMeta().getLastUpdated();
				contacts.putIfAbsent(id, new HandoffTimeline.Contact(id, at.toInstant()));
			}
		}
		return new ArrayList<>(contacts.values());
	}
}
