package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.deadlines.DeadlinesIT.FLAG_CODE;
import static org.cwh.deadlines.DeadlinesIT.now;
import static org.cwh.deadlines.DeadlinesIT.sweep;
import static org.cwh.testing.CwhServerExtension.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.deadlines.DeadlineSweep.Swept;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The due index over HTTP on the shared server: a sweep reads only the handoffs that are due (a deadline came, a
 * write changed their facts), plans each one's next look, drops the ones that closed, backs off from one whose check
 * keeps failing without holding up the others, and the backfill at start adds the handoffs an upgrade left without
 * a row. Each test first sweeps until nothing is due, so what other tests left due does not count in its figures.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class DueIndexIT {

	private static final Duration MICRO = Duration.ofNanos(1_000);

	private static DueIndex index() {
		return CwhServerExtension.server().bean(DueIndex.class);
	}

	/** Sweeps until a sweep finds nothing due. */
	static void drain() {
		for (int i = 0; i < 10; i++) {
			if (sweep().sweep().looked() == 0) {
				return;
			}
		}
		throw new AssertionError("handoffs kept coming due over ten sweeps");
	}

	/** When the handoff is next due; fails when it has no row. */
	private static Optional<Instant> nextCheck(Handoff handoff) {
		return index().nextCheck(handoff.task)
				.orElseThrow(() -> new AssertionError("Task/" + handoff.task + " has no row in the due index"));
	}

	private static boolean isDue(Handoff handoff) {
		return nextCheck(handoff).map(next -> !next.isAfter(now())).orElse(false);
	}

	private static Handoff accepted() {
		Handoff handoff = new Handoff(now().plus(Duration.ofHours(4)), TaskPriority.URGENT);
		handoff.move(TaskStatus.ACCEPTED);
		return handoff;
	}

	@Test
	void aSweepReadsNoneOfManyHandoffsWhoseDeadlinesAreFarAway() {
		List<Handoff> handoffs = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			handoffs.add(new Handoff(now().plus(Duration.ofDays(30)), TaskPriority.ROUTINE));
		}
		// A new handoff is due at once: the first sweep reads each and plans its next look.
		assertThat(sweep().sweep().looked()).isGreaterThanOrEqualTo(handoffs.size());
		drain();

		assertThat(sweep().sweep()).isEqualTo(new Swept(0, 0, 0));
		for (Handoff handoff : handoffs) {
			// The first visit (crisis + 7 days) is what comes first, then the accept deadline in 30 days.
			assertThat(nextCheck(handoff)).hasValueSatisfying(next -> assertThat(next)
					.isAfter(now().plus(Duration.ofDays(6))).isBefore(now().plus(Duration.ofDays(8))));
		}
	}

	@Test
	void aHandoffComesDueWhenItsDeadlinePassesAndIsEscalatedOnce() {
		Handoff handoff = new Handoff(now().plus(Duration.ofHours(2)), TaskPriority.URGENT);
		Instant acceptBy = handoff.read().getRestriction().getPeriod().getEnd().toInstant();
		drain();
		assertThat(nextCheck(handoff)).contains(acceptBy.plus(MICRO));

		CwhServerExtension.clock().advance(Duration.ofHours(3));
		assertThat(isDue(handoff)).isTrue();
		Swept swept = sweep().sweep();
		assertThat(swept.looked()).isPositive();
		assertThat(swept.raised()).isPositive();
		drain();

		assertThat(handoff.flags()).singleElement()
				.satisfies(f -> assertThat(f.getCode().hasCoding(FLAG_CODE, "handoff-overdue")).isTrue());
		assertThat(handoff.raised()).hasSize(1);
		// Next: the first visit, seven days after the crisis.
		assertThat(nextCheck(handoff)).hasValueSatisfying(next -> assertThat(next)
				.isAfter(now().plus(Duration.ofDays(6))).isBefore(now().plus(Duration.ofDays(7))));
	}

	@Test
	void writesThatChangeAHandoffsFactsMakeItDueAgain() {
		Handoff handoff = accepted();
		drain();
		assertThat(isDue(handoff)).isFalse();

		Handoff.create(communication(handoff, "appointment-reminder"));
		assertThat(isDue(handoff)).as("a reminder is no contact: nothing changed").isFalse();

		Handoff.create(communication(handoff, "outreach-attempt"));
		assertThat(isDue(handoff)).as("outreach part of the Task").isTrue();
		drain();
		assertThat(isDue(handoff)).isFalse();

		handoff.step("first-visit-scheduled");
		assertThat(isDue(handoff)).as("a businessStatus step").isTrue();
		drain();

		Appointment visit = new Appointment().setStatus(Appointment.AppointmentStatus.FULFILLED)
				.setStart(Date.from(now())).setEnd(Date.from(now().plus(Duration.ofHours(1))));
		visit.addBasedOn(new Reference(handoff.referral));
		visit.addParticipant().setActor(new Reference(handoff.patient))
				.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		Handoff.create(visit);
		assertThat(isDue(handoff)).as("a fulfilled Appointment of the referral").isTrue();
		drain();
		assertThat(nextCheck(handoff)).as("contact and visit done: only a write can bring a deadline back").isEmpty();

		ServiceRequest referral = read(handoff.referral, ServiceRequest.class);
		referral.setPriority(ServiceRequest.ServiceRequestPriority.URGENT);
		Handoff.expect(fhir().body(Handoff.encode(referral)).put("/" + handoff.referral), 200);
		assertThat(isDue(handoff)).as("the referral").isTrue();
		drain();
		assertThat(handoff.flags()).isEmpty();
	}

	@Test
	void aHandoffPostedInOneTransactionWithItsReferralIsFoundByThatReferral() {
		Handoff first = accepted();
		ServiceRequest request = read(first.referral, ServiceRequest.class);
		request.setId((String) null);
		Task task = first.read().setStatus(TaskStatus.REQUESTED).setBusinessStatus(null);
		task.setId((String) null);
		task.setFocus(new Reference("urn:uuid:" + UUID.randomUUID()));
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setFullUrl(task.getFocus().getReference()).setResource(request).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
		bundle.addEntry().setResource(task).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Task");
		List<String> locations = Handoff.expect(fhir().body(Handoff.encode(bundle)).post("/"), 200).jsonPath()
				.getList("entry.response.location");
		String referral = new IdType(locations.get(0)).toUnqualifiedVersionless().getValue();
		String handoff = new IdType(locations.get(1)).getIdPart();
		drain();
		assertThat(index().nextCheck(handoff).orElseThrow()).hasValueSatisfying(next -> assertThat(next)
				.isAfter(now()));

		Appointment visit = new Appointment().setStatus(Appointment.AppointmentStatus.NOSHOW)
				.setStart(Date.from(now())).setEnd(Date.from(now().plus(Duration.ofHours(1))));
		visit.addBasedOn(new Reference(referral));
		visit.addParticipant().setActor(new Reference(first.patient))
				.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		Handoff.create(visit);
		assertThat(index().nextCheck(handoff).orElseThrow()).hasValueSatisfying(next -> assertThat(next)
				.isBeforeOrEqualTo(now()));
		drain();
	}

	@Test
	void anEarlierCrisisStartMovesTheFirstVisitDeadlineAtTheNextSweep() {
		Handoff handoff = accepted();
		handoff.step("contact-made");
		drain();
		assertThat(isDue(handoff)).isFalse();

		Encounter crisis = read(handoff.encounter, Encounter.class);
		crisis.getPeriod().setStart(Date.from(now().minus(Duration.ofDays(8))));
		Handoff.expect(fhir().body(Handoff.encode(crisis)).put("/" + handoff.encounter), 200);
		assertThat(isDue(handoff)).isTrue();
		drain();

		assertThat(handoff.flags()).singleElement()
				.satisfies(f -> assertThat(f.getCode().hasCoding(FLAG_CODE, "first-visit-missed")).isTrue());
	}

	@Test
	void aClosedHandoffLeavesTheIndex() {
		Handoff handoff = accepted();
		assertThat(index().nextCheck(handoff.task)).isPresent();
		handoff.move(TaskStatus.COMPLETED);
		assertThat(index().nextCheck(handoff.task)).isEmpty();

		// A row left behind (as a backfill racing the closing write could) goes at its next look.
		index().addMissing(List.of(new DueIndex.Row(handoff.task, handoff.patient, handoff.referral)), now());
		assertThat(index().nextCheck(handoff.task)).isPresent();
		drain();
		assertThat(index().nextCheck(handoff.task)).isEmpty();
	}

	@Test
	void aHandoffWhoseCheckKeepsFailingIsTriedLessOftenAndHoldsUpNoOther() {
		Handoff overdue = new Handoff(now().plus(Duration.ofMinutes(10)), TaskPriority.URGENT);
		// No patient: the Flag its missed deadline needs cannot be stored, so every check of it fails.
		Task broken = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		broken.getCode().addCoding().setSystem(Handoff.TASK_CODE).setCode("fulfill");
		broken.setAuthoredOn(Date.from(now()));
		broken.setRequester(new Reference("Organization/" + overdue.requester));
		broken.setOwner(new Reference("Organization/" + overdue.owner));
		broken.getRestriction().getPeriod().setEnd(Date.from(now().plus(Duration.ofMinutes(10))));
		String brokenId = Handoff.create(broken);
		try {
			drain();
			CwhServerExtension.clock().advance(Duration.ofMinutes(20));

			Swept swept = sweep().sweep();
			assertThat(swept.failed()).isPositive();
			assertThat(overdue.flags()).hasSize(1);
			assertThat(index().nextCheck(brokenId).orElseThrow()).hasValueSatisfying(next -> assertThat(next)
					.isAfter(now()).isBefore(now().plus(Duration.ofMinutes(1)).plusSeconds(1)));
			assertThat(sweep().sweep().looked()).as("not again before its minute is up").isZero();

			CwhServerExtension.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
			assertThat(sweep().sweep().failed()).isPositive();
			assertThat(index().nextCheck(brokenId).orElseThrow()).hasValueSatisfying(next -> assertThat(next)
					.isAfter(now().plus(Duration.ofMinutes(1))).isBefore(now().plus(Duration.ofMinutes(2)).plusSeconds(1)));
		} finally {
			Task cancelled = read("Task/" + brokenId, Task.class).setStatus(TaskStatus.CANCELLED);
			cancelled.getStatusReason().setText("made broken by a test");
			Handoff.expect(fhir().body(Handoff.encode(cancelled)).put("/Task/" + brokenId), 200);
		}
		assertThat(index().nextCheck(brokenId)).isEmpty();
	}

	@Test
	void theBackfillAtStartAddsTheHandoffsAnUpgradeLeftWithoutARow() throws SQLException {
		List<Handoff> handoffs = List.of(accepted(), new Handoff(now().plus(Duration.ofDays(3)), TaskPriority.ROUTINE));
		drain();
		// As a database from before the index: these handoffs have no row, and no start has filled it.
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection();
				PreparedStatement rows = c.prepareStatement("DELETE FROM cwh_deadline_due WHERE task_id = ?");
				PreparedStatement state = c.prepareStatement("DELETE FROM cwh_deadline_due_state WHERE name = ?")) {
			for (Handoff handoff : handoffs) {
				rows.setString(1, handoff.task);
				rows.executeUpdate();
			}
			state.setString(1, DueIndex.BACKFILLED);
			state.executeUpdate();
		}
		handoffs.forEach(h -> assertThat(index().nextCheck(h.task)).isEmpty());

		DueBackfill backfill = CwhServerExtension.server().bean(DueBackfill.class);
		assertThat(backfill.atStart()).isEqualTo(handoffs.size());
		handoffs.forEach(h -> assertThat(isDue(h)).isTrue());
		assertThat(index().state(DueIndex.BACKFILLED)).isPresent();
		assertThat(backfill.atStart()).as("once per database").isZero();

		drain();
		handoffs.forEach(h -> assertThat(isDue(h)).isFalse());
	}

	private static <T extends org.hl7.fhir.r4.model.Resource> T read(String reference, Class<T> type) {
		return Handoff.ctx.newJsonParser().parseResource(type,
				Handoff.expect(fhir().get("/" + reference), 200).asString());
	}

	private static Communication communication(Handoff handoff, String category) {
		Communication contact = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
				.setSubject(new Reference(handoff.patient)).setSent(Date.from(now()));
		contact.addCategory(new CodeableConcept(new Coding(Handoff.CWH + "cwh-outreach-category", category, null)));
		contact.addPartOf(new Reference("Task/" + handoff.task));
		return contact;
	}
}
