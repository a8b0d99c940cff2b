package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.deadlines.DeadlinesIT.FLAG_CODE;
import static org.cwh.deadlines.DeadlinesIT.now;
import static org.cwh.deadlines.DeadlinesIT.sweep;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deadlines after acceptance (first contact, first visit), what meets them (outreach Communications, handoff
 * steps, a fulfilled Appointment), the hands raised at once (a high-risk screening, a no-show), and the Flags
 * resolved when the handoff completes; over HTTP on the shared server with the shared clock moved.
 */
@ExtendWith(CwhServerExtension.class)
class HandoffStepsIT {

	private static final String LOINC = "http://loinc.org";

	private static Handoff accepted() {
		Handoff handoff = new Handoff(now().plus(Duration.ofHours(4)), TaskPriority.URGENT);
		handoff.move(TaskStatus.ACCEPTED);
		return handoff;
	}

	private static List<String> flagCodes(Handoff handoff) {
		return handoff.flags().stream().map(f -> f.getCode().getCodingFirstRep().getCode()).sorted().toList();
	}

	@Test
	void nobodyReachingThePersonInTimeIsFlaggedOnce() {
		Handoff handoff = accepted();
		CwhServerExtension.clock().advance(Duration.ofHours(47));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
		CwhServerExtension.clock().advance(Duration.ofHours(2));
		sweep().sweep();
		sweep().sweep();
		assertThat(flagCodes(handoff)).containsExactly("first-contact-overdue");
		assertThat(handoff.raised()).singleElement().satisfies(t -> {
			assertThat(t.getOwner().getReference()).isEqualTo("Organization/" + handoff.requester);
			assertThat(t.getReasonCode().hasCoding(FLAG_CODE, "first-contact-overdue")).isTrue();
		});
	}

	@Test
	void anOutreachAttemptCountsAsFirstContact() {
		Handoff handoff = accepted();
		Communication attempt = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
				.setSubject(new Reference(handoff.patient)).setSent(Date.from(now()));
		attempt.getMeta().addProfile("http://cwh.example.org/fhir/StructureDefinition/cwh-outreach");
		attempt.addCategory(new CodeableConcept(new Coding(Handoff.CWH + "cwh-outreach-category", "outreach-attempt",
				null)));
		attempt.addPartOf(new Reference("Task/" + handoff.task));
		Handoff.create(attempt);
		CwhServerExtension.clock().advance(Duration.ofHours(49));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
	}

	@Test
	void anOutreachBasedOnTheTaskCountsAsFirstContact() {
		Handoff handoff = accepted();
		Communication checkIn = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
				.setSubject(new Reference(handoff.patient)).setSent(Date.from(now()));
		checkIn.addCategory(new CodeableConcept(new Coding(Handoff.CWH + "cwh-outreach-category",
				"post-crisis-check-in", null)));
		checkIn.addBasedOn(new Reference("Task/" + handoff.task));
		Handoff.create(checkIn);
		CwhServerExtension.clock().advance(Duration.ofHours(49));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
	}

	@Test
	void aCaringContactOnTheReferralCountsAsFirstContact() {
		Handoff handoff = accepted();
		Communication caring = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
				.setSubject(new Reference(handoff.patient));
		caring.addCategory(new CodeableConcept(new Coding(Handoff.CWH + "cwh-outreach-category", "caring-contact",
				null)));
		caring.addBasedOn(new Reference(handoff.referral));
		Handoff.create(caring);
		CwhServerExtension.clock().advance(Duration.ofHours(49));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
	}

	@Test
	void anAppointmentReminderIsNoContact() {
		Handoff handoff = accepted();
		Communication reminder = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
				.setSubject(new Reference(handoff.patient));
		reminder.addCategory(new CodeableConcept(new Coding(Handoff.CWH + "cwh-outreach-category",
				"appointment-reminder", null)));
		reminder.addPartOf(new Reference("Task/" + handoff.task));
		Handoff.create(reminder);
		CwhServerExtension.clock().advance(Duration.ofHours(49));
		sweep().sweep();
		assertThat(flagCodes(handoff)).containsExactly("first-contact-overdue");
	}

	@Test
	void aContactStepCountsAsFirstContact() {
		Handoff handoff = accepted();
		handoff.step("contact-attempted");
		CwhServerExtension.clock().advance(Duration.ofHours(49));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
	}

	@Test
	void noFirstVisitWithinSevenDaysOfTheCrisisIsFlagged() {
		Handoff handoff = accepted();
		handoff.step("contact-made");
		CwhServerExtension.clock().advance(Duration.ofDays(6));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
		CwhServerExtension.clock().advance(Duration.ofDays(1).plusHours(1));
		sweep().sweep();
		sweep().sweep();
		assertThat(flagCodes(handoff)).containsExactly("first-visit-missed");
		assertThat(handoff.raised()).hasSize(1);
	}

	@Test
	void aFulfilledAppointmentMeetsTheFirstVisit() {
		Handoff handoff = accepted();
		handoff.step("contact-made");
		Handoff.create(appointment(handoff, Appointment.AppointmentStatus.FULFILLED));
		CwhServerExtension.clock().advance(Duration.ofDays(8));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
		assertThat(handoff.raised()).isEmpty();
	}

	@Test
	void aHighRiskScreeningEscalatesAtOnce() {
		Handoff handoff = accepted();
		Handoff.create(riskLevel(handoff, "LA6751-7"));
		assertThat(handoff.flags()).isEmpty();

		Handoff.create(riskLevel(handoff, "LA9193-9"));
		assertThat(flagCodes(handoff)).containsExactly("high-risk-open-handoff");
		assertThat(handoff.raised()).singleElement().satisfies(t -> {
			assertThat(t.getPriority()).isEqualTo(TaskPriority.STAT);
			assertThat(t.getOwner().getReference()).isEqualTo("Organization/" + handoff.requester);
		});
		sweep().sweep();
		assertThat(handoff.flags()).hasSize(1);
	}

	@Test
	void aNoShowAsksThePeerSupportOrganizationToReachOut() {
		Handoff handoff = new Handoff(now().plus(Duration.ofHours(4)), TaskPriority.URGENT,
				List.of(new Coding(Handoff.CWH + "cwh-referral-category", "peer-support", null)));
		handoff.move(TaskStatus.ACCEPTED);
		String missed = Handoff.create(appointment(handoff, Appointment.AppointmentStatus.NOSHOW));
		assertThat(handoff.raised()).singleElement().satisfies(t -> {
			assertThat(t.getCode().hasCoding(Handoff.CWH + "cwh-task-code", "outreach")).isTrue();
			assertThat(t.getOwner().getReference()).isEqualTo("Organization/" + handoff.owner);
			assertThat(t.getFocus().getReference()).isEqualTo("Appointment/" + missed);
		});
		sweep().sweep();
		assertThat(handoff.raised()).hasSize(1);
	}

	@Test
	void withoutAPeerSupportOrganizationTheReferrerReachesOut() {
		Handoff handoff = accepted();
		Handoff.create(appointment(handoff, Appointment.AppointmentStatus.NOSHOW));
		assertThat(handoff.raised()).singleElement()
				.satisfies(t -> assertThat(t.getOwner().getReference())
						.isEqualTo("Organization/" + handoff.requester));
	}

	@Test
	void completingTheHandoffResolvesItsFlags() {
		Handoff handoff = accepted();
		CwhServerExtension.clock().advance(Duration.ofHours(49));
		sweep().sweep();
		assertThat(handoff.flags()).singleElement()
				.satisfies(f -> assertThat(f.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE));
		handoff.move(TaskStatus.COMPLETED);
		assertThat(handoff.flags()).singleElement().satisfies(f -> {
			assertThat(f.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
			assertThat(f.getPeriod().hasEnd()).isTrue();
		});
		sweep().sweep();
		assertThat(handoff.flags()).hasSize(1);
	}

	private static Appointment appointment(Handoff handoff, Appointment.AppointmentStatus status) {
		Appointment visit = new Appointment().setStatus(status).setStart(Date.from(now()))
				.setEnd(Date.from(now().plus(Duration.ofHours(1))));
		visit.addBasedOn(new Reference(handoff.referral));
		visit.addParticipant().setActor(new Reference(handoff.patient))
				.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		return visit;
	}

	private static Observation riskLevel(Handoff handoff, String answer) {
		Observation level = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setSubject(new Reference(handoff.patient));
		level.getMeta().addProfile("http://cwh.example.org/fhir/StructureDefinition/cwh-risk-screening");
		level.addCategory(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/observation-category", "survey", null)));
		level.getCode().addCoding(new Coding(LOINC, "93374-7", null));
		level.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(now())));
		level.setValue(new CodeableConcept(new Coding(LOINC, answer, null)));
		return level;
	}
}
