package org.cwh.workflow;

import static org.cwh.testing.CwhServerExtension.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Test data for the handoff tests: three organizations (owner, requester, a third), a patient, a referral and an
 * encounter to name as what was done, each with unique ids; Tasks between them, created requested and walked to any
 * status through the table's own moves.
 */
final class Handoffs {

	static final FhirContext ctx = FhirContext.forR4Cached();
	static final String RESULTING_ACTIVITY_SYSTEM =
			"http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

	final String run = UUID.randomUUID().toString().substring(0, 8);
	final String owner = "wf-owner-" + run;
	final String requester = "wf-requester-" + run;
	final String third = "wf-third-" + run;
	final String patient;
	final String encounter;
	final String referral;

	/** Stores the organizations, patient, referral and encounter. */
	Handoffs() {
		for (String org : List.of(owner, requester, third)) {
			Organization organization = new Organization().setName(org).setActive(true);
			organization.setId(org);
			expect(fhir().body(encode(organization)).put("/Organization/" + org), 201);
		}
		Patient person = new Patient();
		person.addName().setFamily("Handoff" + run);
		person.setGender(Enumerations.AdministrativeGender.UNKNOWN);
		patient = "Patient/" + create(person);
		ServiceRequest request = referral();
		referral = "ServiceRequest/" + create(request);
		Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
				.setSubject(new Reference(patient));
		visit.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
		encounter = "Encounter/" + create(visit);
	}

	ServiceRequest referral() {
		ServiceRequest request = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
				.setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference(patient));
		request.getCode().setText("peer support");
		request.setRequester(new Reference("Organization/" + requester));
		request.addPerformer(new Reference("Organization/" + owner));
		return request;
	}

	/** A new referral of its own, for tests that look at what happens to it. */
	String newReferral() {
		return "ServiceRequest/" + create(referral());
	}

	/** A requested handoff Task from requester to owner, not yet stored. */
	Task task() {
		return task(referral);
	}

	Task task(String focus) {
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding().setSystem(HandoffParties.TASK_CODE_SYSTEM).setCode(HandoffParties.FULFILL);
		task.setFocus(new Reference(focus));
		task.setFor(new Reference(patient));
		task.setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType("2026-03-03T01:05:00-08:00"));
		task.setRequester(new Reference("Organization/" + requester));
		task.setOwner(new Reference("Organization/" + owner));
		task.getRestriction().getPeriod().setEndElement(
				new org.hl7.fhir.r4.model.DateTimeType("2026-03-04T01:05:00-08:00"));
		return task;
	}

	/** Stores a requested Task and walks it to {@code status} with the table's moves; returns its id. */
	String taskIn(TaskStatus status) {
		return taskIn(status, referral);
	}

	String taskIn(TaskStatus status, String focus) {
		String id = create(task(focus));
		for (TaskStatus step : pathTo(status)) {
			expect(fhir().body(encode(moved(read(id), step))).put("/Task/" + id), 200);
		}
		return id;
	}

	/** The moves from requested to a status, for walking a new Task there. */
	static List<TaskStatus> pathTo(TaskStatus status) {
		return switch (status) {
			case REQUESTED -> List.of();
			case RECEIVED, ACCEPTED, REJECTED, CANCELLED, ENTEREDINERROR -> List.of(status);
			case INPROGRESS, ONHOLD, COMPLETED, FAILED -> List.of(TaskStatus.ACCEPTED, status);
			default -> throw new IllegalArgumentException("a handoff never reaches " + status.toCode());
		};
	}

	/**
	 * The Task moved to {@code to}, with what the move needs: a statusReason where the table asks for one, an output
	 * naming the encounter on completion, and, for a move that keeps the status, a note so that it changes something.
	 */
	Task moved(Task task, TaskStatus to) {
		Task next = task.copy();
		if (next.getStatus() == to) {
			next.addNote(new Annotation().setText("edit " + UUID.randomUUID()));
		}
		next.setStatus(to);
		if (HandoffStateTable.REFERRAL.needsReason(to) && !next.hasStatusReason()) {
			next.setStatusReason(new CodeableConcept().setText("because " + to.toCode()));
		}
		if (to == TaskStatus.COMPLETED && !TaskTransitionInterceptor.namesResultingActivity(next)) {
			next.addOutput().setValue(new Reference(encounter)).getType().addCoding()
					.setSystem(RESULTING_ACTIVITY_SYSTEM).setCode("resulting-activity");
		}
		return next;
	}

	static Task read(String id) {
		return read(fhir(), id);
	}

	static Task read(RequestSpecification as, String id) {
		return ctx.newJsonParser().parseResource(Task.class,
				as.get("/Task/" + id).then().statusCode(200).extract().asString());
	}

	static String create(Resource resource) {
		return expect(fhir().body(encode(resource)).post("/" + resource.fhirType()), 201).jsonPath().getString("id");
	}

	static Response expect(Response response, int status) {
		if (response.statusCode() != status) {
			throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": "
					+ response.asString());
		}
		return response;
	}

	static String encode(Resource resource) {
		return ctx.newJsonParser().encodeResourceToString(resource);
	}
}
