package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.EnumSet;
import java.util.UUID;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state table holds on every way a Task is written, not only PUT: JSON Patch, FHIRPath Patch, conditional
 * update, transaction and batch entries, create and delete; final Tasks do not change; fixed elements stay fixed;
 * Tasks that are not handoffs are left alone.
 */
@ExtendWith(CwhServerExtension.class)
class TaskWritePathsIT {

	private static Handoffs handoffs;

	@BeforeAll
	static void parties() {
		handoffs = new Handoffs();
	}

	@Test
	void jsonPatchMakesAnAllowedMove() {
		String id = handoffs.taskIn(TaskStatus.REQUESTED);
		jsonPatch(id, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"received\"}]").then().statusCode(200);
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.RECEIVED);
	}

	@Test
	void jsonPatchIsRefusedAMoveTheTableLacks() {
		String id = handoffs.taskIn(TaskStatus.REQUESTED);
		Response response = jsonPatch(id, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"in-progress\"}]");
		response.then().statusCode(409);
		TaskTransitionIT.assertNamesStatusAndMoves(response.jsonPath(), "CWH-1001", TaskStatus.REQUESTED,
				EnumSet.of(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.REJECTED, TaskStatus.CANCELLED,
						TaskStatus.ENTEREDINERROR));
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.REQUESTED);
	}

	@Test
	void fhirPathPatchNeedsAStatusReasonToReject() {
		String id = handoffs.taskIn(TaskStatus.RECEIVED);
		Response response = fhirPathReplaceStatus(id, "rejected");
		response.then().statusCode(422);
		assertThat(response.jsonPath().getString("issue[0].details.coding[0].code")).isEqualTo("CWH-1004");
		assertThat(response.jsonPath().getList("issue[0].expression")).containsExactly("Task.statusReason");
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.RECEIVED);
	}

	@Test
	void fhirPathPatchMakesAnAllowedMove() {
		String id = handoffs.taskIn(TaskStatus.ACCEPTED);
		fhirPathReplaceStatus(id, "in-progress").then().statusCode(200);
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.INPROGRESS);
	}

	@Test
	void aConditionalUpdateIsChecked() {
		String identifier = UUID.randomUUID().toString();
		Task task = handoffs.task();
		task.addIdentifier().setSystem("urn:cwh:test:handoff").setValue(identifier);
		String id = Handoffs.create(task);
		Task stored = Handoffs.read(id);
		stored.setIdElement(null);
		String url = "/Task?identifier=urn:cwh:test:handoff|" + identifier;
		fhir().body(Handoffs.encode(handoffs.moved(stored, TaskStatus.COMPLETED))).put(url).then().statusCode(409);
		fhir().body(Handoffs.encode(handoffs.moved(stored, TaskStatus.ACCEPTED))).put(url).then().statusCode(200);
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.ACCEPTED);
	}

	@Test
	void aRefusedTransactionEntryStoresNothingOfTheTransaction() {
		String id = handoffs.taskIn(TaskStatus.REQUESTED);
		String marker = UUID.randomUUID().toString();
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":{"resourceType":"Basic","code":{"text":"%s"}},"request":{"method":"POST","url":"Basic"}},
				 {"resource":%s,"request":{"method":"PUT","url":"Task/%s"}}]}"""
				.formatted(marker, Handoffs.encode(handoffs.moved(Handoffs.read(id), TaskStatus.COMPLETED)), id);
		Response response = fhir().body(bundle).post("/");
		response.then().statusCode(409);
		assertThat(response.jsonPath().getString("issue[0].details.coding[0].code")).isEqualTo("CWH-1001");
		fhir().get("/Basic?code:text=" + marker).then().body("total", equalTo(0));
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.REQUESTED);
	}

	@Test
	void anAllowedTransactionEntryIsStored() {
		String id = handoffs.taskIn(TaskStatus.RECEIVED);
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":%s,"request":{"method":"PUT","url":"Task/%s"}}]}"""
				.formatted(Handoffs.encode(handoffs.moved(Handoffs.read(id), TaskStatus.ACCEPTED)), id);
		fhir().body(bundle).post("/").then().statusCode(200);
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.ACCEPTED);
	}

	@Test
	void aBatchRefusesOnlyTheRefusedEntry() {
		String refused = handoffs.taskIn(TaskStatus.COMPLETED);
		String allowed = handoffs.taskIn(TaskStatus.REQUESTED);
		String batch = """
				{"resourceType":"Bundle","type":"batch","entry":[
				 {"resource":%s,"request":{"method":"PUT","url":"Task/%s"}},
				 {"resource":%s,"request":{"method":"PUT","url":"Task/%s"}}]}"""
				.formatted(Handoffs.encode(handoffs.moved(Handoffs.read(refused), TaskStatus.INPROGRESS)), refused,
						Handoffs.encode(handoffs.moved(Handoffs.read(allowed), TaskStatus.RECEIVED)), allowed);
		JsonPath response = fhir().body(batch).post("/").then().statusCode(200).extract().jsonPath();
		assertThat(response.getString("entry[0].response.status")).startsWith("409");
		assertThat(response.getString("entry[1].response.status")).startsWith("200");
		assertThat(Handoffs.read(allowed).getStatus()).isEqualTo(TaskStatus.RECEIVED);
	}

	@Test
	void aHandoffIsCreatedRequestedOnly() {
		for (TaskStatus status : EnumSet.of(TaskStatus.DRAFT, TaskStatus.ACCEPTED, TaskStatus.COMPLETED)) {
			Task task = handoffs.moved(handoffs.task(), status);
			Response response = fhir().body(Handoffs.encode(task)).post("/Task");
			response.then().statusCode(422);
			assertThat(response.jsonPath().getString("issue[0].details.coding[0].code")).isEqualTo("CWH-1007");
		}
	}

	@Test
	void aFinalTaskDoesNotChangeEvenANote() {
		String id = handoffs.taskIn(TaskStatus.COMPLETED);
		Task before = Handoffs.read(id);
		Response response = fhir().body(Handoffs.encode(handoffs.moved(before, TaskStatus.COMPLETED)))
				.put("/Task/" + id);
		response.then().statusCode(409);
		TaskTransitionIT.assertNamesStatusAndMoves(response.jsonPath(), "CWH-1003", TaskStatus.COMPLETED,
				EnumSet.of(TaskStatus.ENTEREDINERROR));
		assertThat(Handoffs.read(id).getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
	}

	@Test
	void sendingAFinalTaskBackUnchangedIsNotAChange() {
		String id = handoffs.taskIn(TaskStatus.REJECTED);
		Task before = Handoffs.read(id);
		fhir().body(Handoffs.encode(before)).put("/Task/" + id).then().statusCode(200);
		assertThat(Handoffs.read(id).getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
	}

	@Test
	void markingAFinalTaskEnteredInErrorChangesOnlyTheStatus() {
		String id = handoffs.taskIn(TaskStatus.COMPLETED);
		Task withNote = handoffs.moved(Handoffs.read(id), TaskStatus.COMPLETED);
		withNote.setStatus(TaskStatus.ENTEREDINERROR);
		fhir().body(Handoffs.encode(withNote)).put("/Task/" + id).then().statusCode(409);
		Task marked = Handoffs.read(id).setStatus(TaskStatus.ENTEREDINERROR);
		marked.setStatusReason(new CodeableConcept().setText("wrong patient"));
		fhir().body(Handoffs.encode(marked)).put("/Task/" + id).then().statusCode(200);
		assertThat(Handoffs.read(id).getStatus()).isEqualTo(TaskStatus.ENTEREDINERROR);
	}

	@Test
	void theOwnerCannotBeChanged() {
		String id = handoffs.taskIn(TaskStatus.RECEIVED);
		Task reassigned = Handoffs.read(id).setOwner(new Reference("Organization/" + handoffs.third));
		Response response = fhir().body(Handoffs.encode(reassigned)).put("/Task/" + id);
		response.then().statusCode(422);
		assertThat(response.jsonPath().getString("issue[0].details.coding[0].code")).isEqualTo("CWH-1005");
		assertThat(response.jsonPath().getList("issue[0].expression")).containsExactly("Task.owner");
	}

	@Test
	void theReferralCannotBeChangedNorTheTaskStopBeingAHandoff() {
		String id = handoffs.taskIn(TaskStatus.ACCEPTED);
		Task refocused = Handoffs.read(id).setFocus(new Reference(handoffs.newReferral()));
		fhir().body(Handoffs.encode(refocused)).put("/Task/" + id).then().statusCode(422)
				.body("issue[0].expression[0]", equalTo("Task.focus"));
		Task recoded = Handoffs.read(id);
		recoded.getCode().getCodingFirstRep().setCode("approve");
		fhir().body(Handoffs.encode(recoded)).put("/Task/" + id).then().statusCode(422)
				.body("issue[0].expression[0]", equalTo("Task.code"));
	}

	@Test
	void aHandoffTaskIsNotDeleted() {
		String id = handoffs.taskIn(TaskStatus.REQUESTED);
		Response response = fhir().delete("/Task/" + id);
		response.then().statusCode(409);
		assertThat(response.jsonPath().getString("issue[0].details.coding[0].code")).isEqualTo("CWH-1010");
		fhir().get("/Task/" + id).then().statusCode(200);
	}

	@Test
	void aCompletionNamesWhatWasDone() {
		String id = handoffs.taskIn(TaskStatus.INPROGRESS);
		Task done = Handoffs.read(id).setStatus(TaskStatus.COMPLETED);
		Response response = fhir().body(Handoffs.encode(done)).put("/Task/" + id);
		response.then().statusCode(422);
		assertThat(response.jsonPath().getString("issue[0].details.coding[0].code")).isEqualTo("CWH-1009");
		assertThat(response.jsonPath().getList("issue[0].expression")).containsExactly("Task.output");
	}

	@Test
	void tasksThatAreNotHandoffsAreLeftAlone() {
		Task other = handoffs.task().setStatus(TaskStatus.COMPLETED);
		other.getCode().getCodingFirstRep().setCode("approve");
		String id = Handoffs.create(other);
		Task back = Handoffs.read(id).setStatus(TaskStatus.DRAFT);
		fhir().body(Handoffs.encode(back)).put("/Task/" + id).then().statusCode(200);
		fhir().delete("/Task/" + id).then().statusCode(200);
	}

	private static Response jsonPatch(String id, String patch) {
		return fhir().contentType("application/json-patch+json").body(patch).patch("/Task/" + id);
	}

	private static Response fhirPathReplaceStatus(String id, String status) {
		return fhir().body("""
				{"resourceType":"Parameters","parameter":[{"name":"operation","part":[
				 {"name":"type","valueCode":"replace"},{"name":"path","valueString":"Task.status"},
				 {"name":"value","valueCode":"%s"}]}]}""".formatted(status)).patch("/Task/" + id);
	}
}
