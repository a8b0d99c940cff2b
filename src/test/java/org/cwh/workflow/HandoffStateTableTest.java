package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cwh.workflow.HandoffStateTable.Actor;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The state table cell by cell (STYLE.md §2.7): {@code task-moves.csv} states the answer for every (from, to, actor)
 * triple over the Task statuses and the five actors, written from ARCHITECTURE.md's table; a guard fails when a
 * status or actor is added without a row.
 */
class HandoffStateTableTest {

	private static final String CSV = "/workflow/task-moves.csv";
	private static final HandoffStateTable table = HandoffStateTable.REFERRAL;

	@ParameterizedTest(name = "{0} -> {1} by {2}: {3}")
	@CsvFileSource(resources = CSV, numLinesToSkip = 1)
	void everyMoveIsDecided(TaskStatus from, TaskStatus to, Actor actor, boolean allowed) {
		assertEquals(allowed, table.allows(from, to, actor));
	}

	@Test
	void tableListsEveryTriple() throws IOException {
		Set<String> expected = new HashSet<>();
		for (TaskStatus from : HandoffStateTable.statuses()) {
			for (TaskStatus to : HandoffStateTable.statuses()) {
				for (Actor actor : Actor.values()) {
					expected.add(from + "," + to + "," + actor);
				}
			}
		}
		List<String> rows;
		try (InputStream in = getClass().getResourceAsStream(CSV)) {
			rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
		}
		Set<String> listed = new HashSet<>();
		for (String row : rows) {
			listed.add(row.substring(0, row.lastIndexOf(',')));
		}
		assertEquals(expected, listed);
		assertEquals(expected.size(), rows.size(), "each triple exactly once");
		assertThat(HandoffStateTable.statuses()).hasSize(TaskStatus.values().length - 1);
	}

	@Test
	void nextMovesAreTheAllowedOnesWithoutStaying() {
		assertEquals(EnumSet.of(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.REJECTED, TaskStatus.CANCELLED),
				table.nextFor(TaskStatus.REQUESTED, Set.of(Actor.OWNER)));
		assertEquals(EnumSet.of(TaskStatus.CANCELLED, TaskStatus.ENTEREDINERROR),
				table.nextFor(TaskStatus.REQUESTED, Set.of(Actor.REQUESTER)));
		assertEquals(EnumSet.of(TaskStatus.ENTEREDINERROR), table.nextFor(TaskStatus.COMPLETED, Set.of(Actor.ADMIN)));
		assertEquals(Set.of(), table.nextFor(TaskStatus.COMPLETED, Set.of(Actor.OWNER)));
		assertEquals(Set.of(), table.nextFor(TaskStatus.ACCEPTED, Set.of(Actor.THIRD_PARTY)));
	}

	@Test
	void aSelfReferralMakesTheMovesOfBothParties() {
		Set<Actor> both = Set.of(Actor.OWNER, Actor.REQUESTER);
		assertEquals(EnumSet.of(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.REJECTED, TaskStatus.CANCELLED,
				TaskStatus.ENTEREDINERROR), table.nextFor(TaskStatus.REQUESTED, both));
	}

	@Test
	void partiesAreNamedForEveryExistingMove() {
		for (TaskStatus from : HandoffStateTable.statuses()) {
			for (TaskStatus to : HandoffStateTable.statuses()) {
				assertEquals(table.exists(from, to), !table.partiesFor(from, to).isEmpty(), from + "->" + to);
			}
		}
		assertEquals(EnumSet.of(Actor.OWNER, Actor.REQUESTER),
				table.partiesFor(TaskStatus.ACCEPTED, TaskStatus.CANCELLED));
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = "NULL", mode = EnumSource.Mode.EXCLUDE)
	void onlyRequestedStarts(TaskStatus status) {
		assertEquals(status == TaskStatus.REQUESTED, table.mayStartAs(status));
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = "NULL", mode = EnumSource.Mode.EXCLUDE)
	void reasonsAndTerminalStatusesAreThoseOfTheDesign(TaskStatus status) {
		assertEquals(Set.of("rejected", "cancelled", "on-hold", "failed").contains(status.toCode()),
				table.needsReason(status));
		assertEquals(Set.of("completed", "failed", "rejected", "cancelled", "entered-in-error")
				.contains(status.toCode()), table.isTerminal(status));
	}

	@Test
	void onlyTheOwnerAdminOrServerSetBusinessStatus() {
		for (Actor actor : Actor.values()) {
			assertEquals(actor == Actor.OWNER || actor == Actor.ADMIN || actor == Actor.SERVER,
					table.maySetBusinessStatus(Set.of(actor)), actor.name());
		}
	}
}
