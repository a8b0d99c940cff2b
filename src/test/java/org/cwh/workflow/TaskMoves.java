package org.cwh.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The rows of {@code task-moves.csv}, and what the server must answer to each over HTTP: the CSV says whether the
 * table allows a move; the status and error code of a refusal follow from it (a final Task: 409 CWH-1003; no such
 * move for anybody: 409 CWH-1001; a move of the other party: 403 CWH-1002, of nobody's business: 403 CWH-1008).
 */
record TaskMoves(List<Row> rows) {

	record Row(TaskStatus from, TaskStatus to, Actor actor, boolean allowed) {

		@Override
		public String toString() {
			return from.toCode() + " -> " + to.toCode() + " by " + actor.name().toLowerCase() + ": "
					+ (allowed ? "allowed" : "refused");
		}
	}

	/** What the server answers: 200, or a refusal status with its CWH code. */
	record Expected(int status, String code) {}

	static TaskMoves load() {
		try (InputStream in = TaskMoves.class.getResourceAsStream("/workflow/task-moves.csv")) {
			List<Row> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
					.map(line -> line.split(","))
					.map(f -> new Row(TaskStatus.valueOf(f[0]), TaskStatus.valueOf(f[1]), Actor.valueOf(f[2]),
							Boolean.parseBoolean(f[3])))
					.toList();
			return new TaskMoves(rows);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Rows a handoff can be in: it starts requested, and nothing moves into draft or ready. */
	List<Row> reachable() {
		return rows.stream().filter(r -> r.from() != TaskStatus.DRAFT && r.from() != TaskStatus.READY).toList();
	}

	boolean allowed(TaskStatus from, TaskStatus to, Actor actor) {
		return rows.stream().anyMatch(r -> r.from() == from && r.to() == to && r.actor() == actor && r.allowed());
	}

	/** The statuses the CSV lets this actor move a Task to from {@code from}. */
	Set<TaskStatus> next(TaskStatus from, Actor actor) {
		Set<TaskStatus> next = EnumSet.noneOf(TaskStatus.class);
		rows.stream().filter(r -> r.from() == from && r.actor() == actor && r.allowed() && r.to() != from)
				.forEach(r -> next.add(r.to()));
		return next;
	}

	Expected expected(Row row) {
		if (row.allowed()) {
			return new Expected(200, null);
		}
		boolean terminal = Set.of(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.REJECTED, TaskStatus.CANCELLED,
				TaskStatus.ENTEREDINERROR).contains(row.from());
		if (terminal && (row.to() != TaskStatus.ENTEREDINERROR || row.from() == TaskStatus.ENTEREDINERROR)) {
			return new Expected(409, "CWH-1003");
		}
		if (!allowed(row.from(), row.to(), Actor.SERVER)) {
			return new Expected(409, "CWH-1001");
		}
		return new Expected(403, row.actor() == Actor.THIRD_PARTY ? "CWH-1008" : "CWH-1002");
	}
}
