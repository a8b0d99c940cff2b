package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
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
 * Every arrow of the state table, for every actor: each row of {@code task-moves.csv} whose start status a handoff
 * can reach gets a fresh Task walked there, and the move is sent by PUT as a client of the owner's organization
 * (role provider), of the requester's (role referrer), of a third organization, as an admin, and, for the server
 * itself, through the DAO without a caller. An allowed move is stored; a refused one answers 409 or 403 with its CWH
 * code, the current status and exactly the moves this caller may make, and leaves the Task as it was. A third
 * organization is refused by authorization (package security) before the table is asked: 403, whatever the move.
 */
@ExtendWith(CwhServerExtension.class)
class TaskTransitionIT {

	private static final TaskMoves moves = TaskMoves.load();
	private static Handoffs handoffs;
	private static HandoffActors actors;

	@BeforeAll
	static void parties() {
		handoffs = new Handoffs();
		actors = new HandoffActors(handoffs);
	}

	@TestFactory
	Stream<DynamicTest> everyMoveByEveryActor() {
		return moves.reachable().stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
	}

	private void check(Row row) {
		String id = handoffs.taskIn(row.from());
		Task before = Handoffs.read(id);
		HandoffActors.Answer answer = actors.put(row.actor(), handoffs.moved(before, row.to()));
		Expected expected = row.actor() == Actor.THIRD_PARTY ? new Expected(403, null) : moves.expected(row);
		assertThat(answer.status()).as(answer.body()).isEqualTo(expected.status());
		Task after = Handoffs.read(id);
		if (expected.status() == 200) {
			assertThat(after.getStatus()).isEqualTo(row.to());
			assertThat(after.getMeta().getVersionId()).isNotEqualTo(before.getMeta().getVersionId());
			return;
		}
		assertThat(after.getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
		if (expected.code() != null) {
			assertNamesStatusAndMoves(JsonPath.from(answer.body()), expected.code(), row.from(),
					moves.next(row.from(), row.actor()));
		}
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
