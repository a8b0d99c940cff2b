package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.workflow.Handoffs.encode;
import static org.cwh.workflow.Handoffs.expect;
import static org.cwh.workflow.Handoffs.read;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.cwh.testing.CwhServerExtension;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code Task/{id}/$timeline} over HTTP, for the referral's parties, and refused to everyone else. */
@ExtendWith(CwhServerExtension.class)
class TimelineIT {

	private final Handoffs handoffs = new Handoffs();
	private final HandoffActors actors = new HandoffActors(handoffs);

	@Test
	void aWalkedHandoffShowsEveryStepItReachedWithItsSourceToBothParties() {
		String id = handoffs.taskIn(TaskStatus.ACCEPTED);
		Task task = read(id);
		task.setStatus(TaskStatus.INPROGRESS);
		task.getBusinessStatus().addCoding().setSystem(HandoffTimeline.STEP_SYSTEM).setCode("contact-made");
		expect(actors.as(Actor.OWNER).body(encode(task)).put("/Task/" + id), 200);
		Task visited = read(id);
		visited.getBusinessStatus().getCodingFirstRep().setCode("first-visit-attended");
		expect(actors.as(Actor.OWNER).body(encode(visited)).put("/Task/" + id), 200);
		expect(actors.as(Actor.OWNER).body(encode(handoffs.moved(read(id), TaskStatus.COMPLETED)))
				.put("/Task/" + id), 200);

		for (Actor party : List.of(Actor.OWNER, Actor.REQUESTER, Actor.ADMIN)) {
			JsonPath timeline = expect(actors.as(party).get("/Task/" + id + "/$timeline"), 200).jsonPath();
			assertThat(timeline.getString("parameter.find { it.name == 'status' }.valueCode")).isEqualTo("completed");
			assertThat(timeline.getList("parameter.findAll { it.name == 'step' }.collect { it.part[0].valueCode }"))
					.as(party.name()).containsExactly("created", "accepted", "first-contact", "first-visit",
							"completed");
			assertThat(timeline.getString("parameter.find { it.name == 'step' }.part.find { it.name == 'source' }"
					+ ".valueReference.reference")).isEqualTo("Task/" + id);
			assertThat(timeline.getString("parameter.find { it.name == 'step' }.part.find { it.name == 'version' }"
					+ ".valueId")).isEqualTo("1");
			assertThat(timeline.getString("parameter.findAll { it.name == 'step' }[2].part"
					+ ".find { it.name == 'version' }.valueId")).isEqualTo("3");
			assertThat(timeline.getString("parameter.find { it.name == 'step' }.part"
					+ ".find { it.name == 'sinceCreated' }.valueDuration.code")).isEqualTo("s");
		}
	}

	@Test
	void anOutreachCommunicationBasedOnTheTaskIsTheFirstContact() {
		String id = handoffs.taskIn(TaskStatus.INPROGRESS);
		Communication outreach = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
		outreach.addBasedOn(new Reference("Task/" + id));
		outreach.setSubject(new Reference(handoffs.patient));
		outreach.setSentElement(new DateTimeType("2026-03-03T09:00:00Z"));
		String communication = expect(actors.as(Actor.OWNER).body(encode(outreach)).post("/Communication"), 201)
				.jsonPath().getString("id");
		Communication skipped = outreach.copy().setStatus(Communication.CommunicationStatus.NOTDONE);
		skipped.setSentElement(new DateTimeType("2026-03-03T08:00:00Z"));
		expect(actors.as(Actor.OWNER).body(encode(skipped)).post("/Communication"), 201);

		assertFirstContact(id, communication, "2026-03-03T09:00:00");
	}

	@Test
	void aCaringContactOnTheReferralIsTheFirstContactAndAnAppointmentReminderIsNone() {
		String referral = handoffs.newReferral();
		String id = handoffs.taskIn(TaskStatus.INPROGRESS, referral);
		Communication reminder = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
		reminder.addPartOf(new Reference("Task/" + id));
		reminder.setSubject(new Reference(handoffs.patient));
		reminder.addCategory(new CodeableConcept(new Coding(Outreach.CATEGORY_SYSTEM, "appointment-reminder", null)));
		reminder.setSentElement(new DateTimeType("2026-03-03T08:00:00Z"));
		expect(actors.as(Actor.OWNER).body(encode(reminder)).post("/Communication"), 201);
		Communication caring = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
		caring.addBasedOn(new Reference(referral));
		caring.setSubject(new Reference(handoffs.patient));
		caring.addCategory(new CodeableConcept(new Coding(Outreach.CATEGORY_SYSTEM, "caring-contact", null)));
		caring.setSentElement(new DateTimeType("2026-03-03T09:30:00Z"));
		String contact = expect(actors.as(Actor.OWNER).body(encode(caring)).post("/Communication"), 201)
				.jsonPath().getString("id");

		assertFirstContact(id, contact, "2026-03-03T09:30:00");
	}

	/** The Task's timeline names the Communication as its first contact, at the time it was sent. */
	private void assertFirstContact(String task, String communication, String sentAt) {
		JsonPath timeline = expect(actors.as(Actor.REQUESTER).get("/Task/" + task + "/$timeline"), 200).jsonPath();
		String firstContact = "parameter.findAll { it.name == 'step' }.find { it.part[0].valueCode == 'first-contact' }";
		assertThat(timeline.getString(firstContact + ".part.find { it.name == 'source' }.valueReference.reference"))
				.isEqualTo("Communication/" + communication);
		assertThat(timeline.getString(firstContact + ".part.find { it.name == 'at' }.valueDateTime"))
				.startsWith(sentAt);
	}

	@Test
	void aMissedAcceptDeadlineShowsAsAnEscalationWithItsFlag() {
		// The test handoffs are due to be accepted by 2026-03-04: long past, so one sweep raises the hand.
		String id = handoffs.taskIn(TaskStatus.REQUESTED);
		CwhServerExtension.server().bean(org.cwh.deadlines.DeadlineSweep.class).sweep();

		JsonPath timeline = expect(actors.as(Actor.REQUESTER).get("/Task/" + id + "/$timeline"), 200).jsonPath();
		List<String> codes = timeline.getList("parameter.findAll { it.name == 'escalation' }"
				+ ".collect { it.part.find { p -> p.name == 'code' }.valueCoding.code }");
		assertThat(codes).containsExactly("handoff-overdue");
		String flag = timeline.getString("parameter.find { it.name == 'escalation' }.part"
				+ ".find { it.name == 'flag' }.valueReference.reference");
		assertThat(flag).startsWith("Flag/");
		assertThat(timeline.getBoolean("parameter.find { it.name == 'escalation' }.part"
				+ ".find { it.name == 'active' }.valueBoolean")).isTrue();
	}

	@Test
	void aThirdOrganizationGetsNoTimelineAndAnUnknownTaskIsNotFound() {
		String id = handoffs.taskIn(TaskStatus.RECEIVED);

		int status = actors.as(Actor.THIRD_PARTY).get("/Task/" + id + "/$timeline").statusCode();
		assertThat(status).isEqualTo(403);
		JsonPath missing = expect(actors.as(Actor.ADMIN).get("/Task/cwh-no-such-task/$timeline"), 404).jsonPath();
		assertThat(missing.getString("resourceType")).isEqualTo("OperationOutcome");
	}
}
