package org.cwh.deadlines;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.cwh.profiles.Canonical;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionCallback;

/**
 * Raises a hand once: claims it in {@link DeadlineClaims} and, in the same database transaction, stores what it
 * stands for. A missed deadline or a high-risk screening puts a {@code cwh-handoff-flag} Flag on the patient (code
 * from {@code cwh-flag-code}, extension {@code cwh-flagged-handoff} naming the handoff Task) and an escalation Task
 * ({@code cwh-task-code#escalation}) owned and requested by the handoff's requester (so a client with role referrer
 * sees and closes it), with the handoff as {@code partOf} and
 * {@code focus} and the Flag as {@code reasonReference}; notify delivers it like any Task. A no-show on the first
 * visit stores an outreach Task ({@code cwh-task-code#outreach}) for the organization that should reach out,
 * requested by the referrer. The
 * writes are the server's own (system requests), so the state table and the access rules treat them as such.
 */
final class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	static final String FLAG_CODE = Canonical.base() + "/CodeSystem/cwh-flag-code";
	static final String TASK_CODE = Canonical.base() + "/CodeSystem/cwh-task-code";
	static final String FLAGGED_HANDOFF = Canonical.profile("cwh-flagged-handoff");
	static final String HANDOFF_FLAG = Canonical.profile("cwh-handoff-flag");

	/** What a raised hand is about: its claim key and the flag code (and words) it carries. */
	enum Reason {
		HANDOFF_OVERDUE("handoff-overdue", "Handoff overdue: the receiving organization did not accept it in time."),
		FIRST_CONTACT_OVERDUE("first-contact-overdue",
				"First contact overdue: nobody reached or tried to reach the person in time after acceptance."),
		FIRST_VISIT_MISSED("first-visit-missed", "First visit missed: no first visit within the time allowed."),
		HIGH_RISK("high-risk-open-handoff",
				"High-risk screening with an open handoff: a new screening shows high suicide risk.");

		final String flagCode;
		final String text;

		Reason(String flagCode, String text) {
			this.flagCode = flagCode;
			this.text = text;
		}
	}

	private final DaoRegistry daos;
	private final IHapiTransactionService transactions;
	private final DeadlineClaims claims;
	private final Clock clock;

	Escalations(DaoRegistry daos, IHapiTransactionService transactions, DeadlineClaims claims, Clock clock) {
		this.daos = daos;
		this.transactions = transactions;
		this.claims = claims;
		this.clock = clock;
	}

	/**
	 * Flags the patient and escalates to the referrer, once per (handoff, what, which). Returns whether this call did
	 * it; false when it was done before, by this node or another.
	 */
	boolean escalate(Task handoff, String what, String which, Reason reason) {
		String taskId = handoff.getIdElement().getIdPart();
		if (claims.isClaimed(taskId, what, which)) {
			return false;
		}
		return once(taskId, what, which, now -> {
			SystemRequestDetails server = new SystemRequestDetails();
			Flag flag = flag(handoff, reason, now);
			IdType flagId = (IdType) daos.getResourceDao(Flag.class).create(flag, server).getId();
			Task escalation = serverTask(handoff, "escalation", reason, now)
					.setPriority(reason == Reason.HIGH_RISK ? TaskPriority.STAT : TaskPriority.URGENT)
					.setOwner(new Reference(HandoffReader.reference(handoff.getRequester())));
			escalation.setReasonReference(new Reference(flagId.toUnqualifiedVersionless().getValue()));
			escalation.getFocus().setReference("Task/" + taskId);
			daos.getResourceDao(Task.class).create(escalation, server);
			log.info("handoff Task/{} escalated: {} ({})", taskId, reason.flagCode, what);
		});
	}

	/** Asks {@code owner} to reach out after a missed first visit ({@code appointment}), once per Appointment. */
	boolean outreach(Task handoff, String appointment, String owner) {
		String taskId = handoff.getIdElement().getIdPart();
		if (claims.isClaimed(taskId, "no-show", appointment)) {
			return false;
		}
		return once(taskId, "no-show", appointment, now -> {
			Task outreach = serverTask(handoff, "outreach", Reason.FIRST_VISIT_MISSED, now)
					.setPriority(TaskPriority.URGENT).setOwner(new Reference(owner))
					.setDescription("First visit missed: reach out to the person.");
			outreach.getFocus().setReference(appointment);
			daos.getResourceDao(Task.class).create(outreach, new SystemRequestDetails());
			log.info("handoff Task/{}: outreach Task for {} after a missed visit", taskId, owner);
		});
	}

	private boolean once(String taskId, String what, String which, java.util.function.Consumer<Instant> act) {
		TransactionCallback<Boolean> work = status -> {
			Instant now = clock.instant();
			if (!claims.claim(taskId, what, which, now)) {
				// Another node, or an earlier sweep, holds the claim: end this transaction without acting.
				status.setRollbackOnly();
				return false;
			}
			act.accept(now);
			return true;
		};
		return transactions.withSystemRequest().withPropagation(Propagation.REQUIRES_NEW).execute(work);
	}

	private static Flag flag(Task handoff, Reason reason, Instant now) {
		Flag flag = new Flag().setStatus(Flag.FlagStatus.ACTIVE)
				.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(FLAG_CODE, reason.flagCode,
						null)).setText(reason.text))
				.setSubject(new Reference(HandoffReader.reference(handoff.getFor())));
		flag.getMeta().addProfile(HANDOFF_FLAG);
		flag.getPeriod().setStart(Date.from(now));
		flag.addExtension(FLAGGED_HANDOFF, new Reference("Task/" + handoff.getIdElement().getIdPart()));
		return flag;
	}

	private static Task serverTask(Task handoff, String code, Reason reason, Instant now) {
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER);
		task.getCode().addCoding(new org.hl7.fhir.r4.model.Coding(TASK_CODE, code, null));
		task.setDescription(reason.text);
		task.addPartOf(new Reference("Task/" + handoff.getIdElement().getIdPart()));
		task.setFor(new Reference(HandoffReader.reference(handoff.getFor())));
		task.setAuthoredOn(Date.from(now));
		// The referrer asks: the escalation is its own follow-up item and the outreach is on its behalf; the access
		// rules let a referrer see and close the Tasks its organization requested.
		task.setRequester(new Reference(HandoffReader.reference(handoff.getRequester())));
		task.getReasonCode().addCoding(new org.hl7.fhir.r4.model.Coding(FLAG_CODE, reason.flagCode, null));
		return task;
	}
}
