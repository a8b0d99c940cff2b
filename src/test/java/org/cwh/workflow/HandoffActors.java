package org.cwh.workflow;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.Task;

/**
 * The five actors of the state table as real callers of the test server: registered clients (with real tokens) of
 * the owner's organization (role provider), the requester's (role referrer) and a third organization (provider); the
 * test admin; and the server itself, writing through HAPI's DAO without a caller, as internal work does.
 */
final class HandoffActors {

	private static final String SCOPES = "system/Task.cruds system/ServiceRequest.cruds system/Patient.rs "
			+ "system/Encounter.rs system/Communication.cruds system/Appointment.cruds system/Flag.rs";

	/** What the server answered: the HTTP status (or the exception's, on the DAO path) and the body. */
	record Answer(int status, String body) {}

	private final TestClient owner;
	private final TestClient requester;
	private final TestClient third;

	HandoffActors(Handoffs handoffs) {
		owner = CwhServerExtension.client(handoffs.owner, SCOPES, Role.PROVIDER);
		requester = CwhServerExtension.client(handoffs.requester, SCOPES, Role.REFERRER);
		third = CwhServerExtension.client(handoffs.third, SCOPES, Role.PROVIDER);
	}

	/** rest-assured as this actor; the server actor has no HTTP side. */
	RequestSpecification as(Actor actor) {
		return switch (actor) {
			case OWNER -> fhirAs(owner);
			case REQUESTER -> fhirAs(requester);
			case THIRD_PARTY -> fhirAs(third);
			case ADMIN -> fhir();
			case SERVER -> throw new IllegalArgumentException("the server writes through the DAO, not HTTP");
		};
	}

	/** PUTs the Task as this actor (the server: DAO update with a system request). */
	Answer put(Actor actor, Task task) {
		if (actor == Actor.SERVER) {
			try {
				CwhServerExtension.server().bean(DaoRegistry.class).getResourceDao(Task.class)
						.update(task, new SystemRequestDetails());
				return new Answer(200, "");
			} catch (BaseServerResponseException e) {
				IBaseOperationOutcome outcome = e.getOperationOutcome();
				return new Answer(e.getStatusCode(), outcome == null ? e.getMessage()
						: Handoffs.ctx.newJsonParser().encodeResourceToString(outcome));
			}
		}
		Response response = as(actor).body(Handoffs.encode(task)).put("/Task/" + task.getIdElement().getIdPart());
		return new Answer(response.statusCode(), response.asString());
	}
}
