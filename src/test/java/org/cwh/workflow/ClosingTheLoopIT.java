package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;

import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The owner completes the handoff with what was done as its output, and the server completes the referral with it,
 * in the same transaction; a refused completion leaves the referral open, and a referral that is no longer open is
 * left as it is.
 */
@ExtendWith(CwhServerExtension.class)
class ClosingTheLoopIT {

	private static Handoffs handoffs;

	@BeforeAll
	static void parties() {
		handoffs = new Handoffs();
	}

	@Test
	void completingTheHandoffCompletesTheReferral() {
		String referral = handoffs.newReferral();
		String id = handoffs.taskIn(TaskStatus.INPROGRESS, referral);
		fhir().body(Handoffs.encode(handoffs.moved(Handoffs.read(id), TaskStatus.COMPLETED))).put("/Task/" + id)
				.then().statusCode(200);
		assertThat(referral(referral).getStatus()).isEqualTo(ServiceRequestStatus.COMPLETED);
		Task done = Handoffs.read(id);
		assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(done.getOutputFirstRep().getValue()).hasFieldOrPropertyWithValue("reference", handoffs.encounter);
	}

	@Test
	void completingInATransactionCompletesTheReferralInIt() {
		String referral = handoffs.newReferral();
		String id = handoffs.taskIn(TaskStatus.ACCEPTED, referral);
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":%s,"request":{"method":"PUT","url":"Task/%s"}}]}"""
				.formatted(Handoffs.encode(handoffs.moved(Handoffs.read(id), TaskStatus.COMPLETED)), id);
		fhir().body(bundle).post("/").then().statusCode(200);
		assertThat(referral(referral).getStatus()).isEqualTo(ServiceRequestStatus.COMPLETED);
	}

	@Test
	void aRefusedCompletionLeavesTheReferralOpen() {
		String referral = handoffs.newReferral();
		String id = handoffs.taskIn(TaskStatus.INPROGRESS, referral);
		Task withoutOutput = Handoffs.read(id).setStatus(TaskStatus.COMPLETED);
		fhir().body(Handoffs.encode(withoutOutput)).put("/Task/" + id).then().statusCode(422);
		assertThat(referral(referral).getStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
	}

	@Test
	void aRevokedReferralStaysRevoked() {
		String referral = handoffs.newReferral();
		String id = handoffs.taskIn(TaskStatus.INPROGRESS, referral);
		ServiceRequest revoked = referral(referral).setStatus(ServiceRequestStatus.REVOKED);
		fhir().body(Handoffs.encode(revoked)).put("/" + referral).then().statusCode(200);
		fhir().body(Handoffs.encode(handoffs.moved(Handoffs.read(id), TaskStatus.COMPLETED))).put("/Task/" + id)
				.then().statusCode(200);
		assertThat(referral(referral).getStatus()).isEqualTo(ServiceRequestStatus.REVOKED);
	}

	@Test
	void otherMovesLeaveTheReferralOpen() {
		String referral = handoffs.newReferral();
		handoffs.taskIn(TaskStatus.FAILED, referral);
		assertThat(referral(referral).getStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
	}

	private static ServiceRequest referral(String reference) {
		return Handoffs.ctx.newJsonParser().parseResource(ServiceRequest.class,
				fhir().get("/" + reference).then().statusCode(200).extract().asString());
	}
}
