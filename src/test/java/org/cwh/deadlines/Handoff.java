package org.cwh.deadlines;

import static org.cwh.testing.CwhServerExtension.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * One handoff of a deadline test, stored by the test operator over HTTP: its own referrer and receiver, a patient, a
 * crisis encounter that started now (by the shared test clock), the referral and the handoff Task, authored now.
 * Then the steps a test needs: move the Task, read the Flags and the Tasks the server raised about it.
 */
final class Handoff {

	static final FhirContext ctx = FhirContext.forR4Cached();
	static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
	static final String CWH = "http://cwh.example.org/fhir/CodeSystem/";

	final String run = UUID.randomUUID().toString().substring(0, 8);
	final String owner = "dl-owner-" + run;
	final String requester = "dl-requester-" + run;
	final String patient;
	final String encounter;
	final String referral;
	final String task;

	/** A requested handoff whose Task carries {@code acceptBy} as restriction.period.end (none when null). */
	Handoff(Instant acceptBy, Task.TaskPriority priority) {
		this(acceptBy, priority, List.of());
	}

	Handoff(Instant acceptBy, Task.TaskPriority priority, List<Coding> referralCategories) {
		CwhServerExtension.ensureOrganization(owner);
		CwhServerExtension.ensureOrganization(requester);
		Instant now = CwhServerExtension.clock().instant();
		Patient person = new Patient();
		person.addName().setFamily("Deadline" + run);
		person.setGender(Enumerations.AdministrativeGender.UNKNOWN);
		patient = "Patient/" + create(person);
		Encounter crisis = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
				.setSubject(new Reference(patient));
		crisis.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("FLD");
		crisis.getPeriod().setStart(Date.from(now));
		encounter = "Encounter/" + create(crisis);
		ServiceRequest request = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
				.setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference(patient))
				.setEncounter(new Reference(encounter)).setAuthoredOn(Date.from(now));
		request.getCode().setText("peer support");
		request.setRequester(new Reference("Organization/" + requester));
		request.addPerformer(new Reference("Organization/" + owner));
		referralCategories.forEach(c -> request.addCategory(new CodeableConcept(c)));
		referral = "ServiceRequest/" + create(request);
		Task handoff = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		handoff.getCode().addCoding().setSystem(TASK_CODE).setCode("fulfill");
		handoff.setFocus(new Reference(referral)).setFor(new Reference(patient)).setAuthoredOn(Date.from(now));
		handoff.setRequester(new Reference("Organization/" + requester));
		handoff.setOwner(new Reference("Organization/" + owner));
		if (priority != null) {
			handoff.setPriority(priority);
		}
		if (acceptBy != null) {
			handoff.getRestriction().getPeriod().setEnd(Date.from(acceptBy));
		}
		task = create(handoff);
	}

	Task read() {
		return ctx.newJsonParser().parseResource(Task.class,
				fhir().get("/Task/" + task).then().statusCode(200).extract().asString());
	}

	/** Moves the Task to {@code to} as the operator, with the output a completion needs. */
	void move(TaskStatus to) {
		Task next = read().setStatus(to);
		if (to == TaskStatus.COMPLETED) {
			next.addOutput().setValue(new Reference(encounter)).getType().addCoding()
					.setSystem("http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes")
					.setCode("resulting-activity");
		}
		expect(fhir().body(encode(next)).put("/Task/" + task), 200);
	}

	/** Sets the handoff step (Task.businessStatus) to a cwh-handoff-step code. */
	void step(String code) {
		Task next = read();
		next.setBusinessStatus(new CodeableConcept(new Coding(CWH + "cwh-handoff-step", code, null)));
		expect(fhir().body(encode(next)).put("/Task/" + task), 200);
	}

	/** The Flags on this handoff's patient (all of them carry the handoff, so all are about it). */
	List<Flag> flags() {
		return search("/Flag?subject=" + patient, Flag.class);
	}

	/** The Tasks the server raised about this handoff (partOf the handoff Task). */
	List<Task> raised() {
		return search("/Task?part-of=Task/" + task, Task.class);
	}

	static <T extends Resource> List<T> search(String query, Class<T> type) {
		Bundle bundle = ctx.newJsonParser().parseResource(Bundle.class,
				fhir().get(query).then().statusCode(200).extract().asString());
		List<T> found = new ArrayList<>();
		bundle.getEntry().forEach(e -> found.add(type.cast(e.getResource())));
		return found;
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
