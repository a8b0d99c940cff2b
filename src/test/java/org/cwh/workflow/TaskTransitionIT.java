package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cwh.testing.CwhServerExtension;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.cwh.workflow.TaskMoves.Expected;
import org.cwh.workflow.TaskMoves.Row;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every arrow of the state table over HTTP PUT, for every actor: each row of {@code task-moves.csv} whose start
 * status a handoff can reach gets a fresh Task walked there, and the move is sent; an allowed move is stored, a
 * refused one answers 409 or 403 with its CWH code, the current status and exactly the moves this caller may make,
 * and leaves the Task as it was.
 */
@ExtendWith(CwhServerExtension.class)
class TaskTransitionIT {

	private static final TaskMoves moves = TaskMoves.load();
	private static Handoffs handoffs;

	@BeforeAll
	static void parties() {
		handoffs = new Handoffs();
	}

	@TestFactory
	Stream<DynamicTest> everyMoveByPut() {
		return moves.reachable().stream().filter(r -> r.actor() == Actor.SERVER)
				.map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
	}

	private void check(Row row) {
		String id = handoffs.taskIn(row.from());
		Task before = Handoffs.read(id);
		Response response = fhir().body(Handoffs.encode(handoffs.moved(before, row.to()))).put("/Task/" + id);
		Expected expected = moves.expected(row);
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected.status());
		Task after = Handoffs.read(id);
		if (expected.status() == 200) {
			assertThat(after.getStatus()).isEqualTo(row.to());
			assertThat(after.getMeta().getVersionId()).isNotEqualTo(before.getMeta().getVersionId());
			return;
		}
		assertThat(after.getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
		assertNamesStatusAndMoves(response.jsonPath(), expected.code(), row.from(),
				row.actor() == Actor.THIRD_PARTY ? Set.of() : moves.next(row.from(), row.actor()));
	}

	/** The refusal's code, the Task's current status and the moves this caller may make, machine-readably. */
	static void assertNamesStatusAndMoves(JsonPath outcome, String code, TaskStatus current, Set<TaskStatus> next) {
		assertThat(outcome.getString("issue[0].details.coding[0].code")).as(outcome.prettify()).isEqualTo(code);
		assertThat(outcome.getString("issue[0].diagnostics")).startsWith(code + ": ");
		List<String> info = outcome.getList("issue.findAll { it.severity == 'information' }.diagnostics", String.class);
		List<String> codes = outcome.getList(
				"issue.findAll { it.severity == 'information' }.details.coding.flatten().code", String.class);
		assertThat(info).first().isEqualTo(Refusal.CURRENT_STATUS + ": " + current.toCode());
		assertThat(codes.subList(1, codes.size()))
				.containsExactlyInAnyOrderElementsOf(next.stream().map(TaskStatus::toCode).toList());
		String nextText = next.isEmpty() ? "none" : String.join(", ", next.stream().map(TaskStatus::toCode).toList());
		assertThat(outcome.getString("issue[0].diagnostics")).contains(nextText);
	}
}
