package org.cwh.workflow;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The warm handoff's Task state table (ARCHITECTURE.md, "The warm handoff"): which status moves exist and which party
 * may make each. Pure: statuses and parties in, answers out; {@link TaskTransitionInterceptor} asks it about every
 * change to a handoff Task, and {@code task-moves.csv} lists its answer for every (from, to, actor) triple.
 *
 * <p>A "move" from a status to itself is an edit that leaves the status alone (a note, a businessStatus step): the
 * parties may make it while the Task is open; nobody may once it is terminal. {@code entered-in-error} is the
 * requester's correction of a record made in error, open from every other status, terminal ones included. A
 * handoff is created {@code requested} and never starts anywhere else. {@code draft} and {@code ready} are not part
 * of the handoff (CwhHandoffTaskStatusVS leaves them out): nothing moves into them.
 */
public final class HandoffStateTable {

	/** Who is asking, relative to the Task. A caller can be several at once (a self-referral, an admin owner). */
	public enum Actor {
		/** The caller's organization is {@code Task.owner}: the receiving organization. */
		OWNER,
		/** The caller's organization is {@code Task.requester}: the referrer. */
		REQUESTER,
		/** A client of any other organization. */
		THIRD_PARTY,
		/** A client with the admin role: may make the moves of either party, and only those. */
		ADMIN,
		/** No caller: internal work of the server or a node with authentication off; the table's moves only. */
		SERVER
	}

	private static final Set<TaskStatus> TERMINAL = EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FAILED,
			TaskStatus.REJECTED, TaskStatus.CANCELLED, TaskStatus.ENTEREDINERROR);
	private static final Set<TaskStatus> NEEDS_REASON =
			EnumSet.of(TaskStatus.REJECTED, TaskStatus.CANCELLED, TaskStatus.ONHOLD, TaskStatus.FAILED);

	/** The table of ARCHITECTURE.md and the one place that spells it. */
	public static final HandoffStateTable REFERRAL = new HandoffStateTable();

	private final Map<TaskStatus, Map<TaskStatus, Set<Actor>>> moves = new EnumMap<>(TaskStatus.class);

	private HandoffStateTable() {
		Set<Actor> owner = EnumSet.of(Actor.OWNER);
		Set<Actor> either = EnumSet.of(Actor.OWNER, Actor.REQUESTER);
		move(TaskStatus.REQUESTED, TaskStatus.RECEIVED, owner);
		move(TaskStatus.REQUESTED, TaskStatus.ACCEPTED, owner);
		move(TaskStatus.REQUESTED, TaskStatus.REJECTED, owner);
		move(TaskStatus.REQUESTED, TaskStatus.CANCELLED, either);
		move(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, owner);
		move(TaskStatus.RECEIVED, TaskStatus.REJECTED, owner);
		move(TaskStatus.RECEIVED, TaskStatus.CANCELLED, either);
		move(TaskStatus.ACCEPTED, TaskStatus.INPROGRESS, owner);
		move(TaskStatus.ACCEPTED, TaskStatus.ONHOLD, owner);
		move(TaskStatus.ACCEPTED, TaskStatus.COMPLETED, owner);
		move(TaskStatus.ACCEPTED, TaskStatus.FAILED, owner);
		move(TaskStatus.ACCEPTED, TaskStatus.CANCELLED, either);
		move(TaskStatus.INPROGRESS, TaskStatus.ONHOLD, owner);
		move(TaskStatus.INPROGRESS, TaskStatus.COMPLETED, owner);
		move(TaskStatus.INPROGRESS, TaskStatus.FAILED, owner);
		move(TaskStatus.INPROGRESS, TaskStatus.CANCELLED, either);
		move(TaskStatus.ONHOLD, TaskStatus.INPROGRESS, owner);
		move(TaskStatus.ONHOLD, TaskStatus.COMPLETED, owner);
		move(TaskStatus.ONHOLD, TaskStatus.FAILED, owner);
		move(TaskStatus.ONHOLD, TaskStatus.CANCELLED, either);
		for (TaskStatus from : statuses()) {
			if (from != TaskStatus.ENTEREDINERROR) {
				move(from, TaskStatus.ENTEREDINERROR, EnumSet.of(Actor.REQUESTER));
			}
			if (!TERMINAL.contains(from)) {
				move(from, from, either);
			}
		}
	}

	private void move(TaskStatus from, TaskStatus to, Set<Actor> parties) {
		moves.computeIfAbsent(from, k -> new EnumMap<>(TaskStatus.class)).put(to, EnumSet.copyOf(parties));
	}

	/** Every real Task status: the enum without HAPI's {@code NULL}. */
	public static Set<TaskStatus> statuses() {
		Set<TaskStatus> all = EnumSet.allOf(TaskStatus.class);
		all.remove(TaskStatus.NULL);
		return all;
	}

	/** Whether this actor may take a Task from one status to another ({@code from == to}: edit it in place). */
	public boolean allows(TaskStatus from, TaskStatus to, Actor actor) {
		Set<Actor> parties = moves.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
		return switch (actor) {
			case OWNER, REQUESTER -> parties.contains(actor);
			case ADMIN, SERVER -> !parties.isEmpty();
			case THIRD_PARTY -> false;
		};
	}

	/** Whether any of the caller's roles towards the Task allows the change. */
	public boolean allows(TaskStatus from, TaskStatus to, Collection<Actor> actors) {
		return actors.stream().anyMatch(actor -> allows(from, to, actor));
	}

	/** Whether the table has the move at all, for somebody: a move nobody may make is a 409, a wrong party a 403. */
	public boolean exists(TaskStatus from, TaskStatus to) {
		return allows(from, to, Actor.SERVER);
	}

	/** The parties (owner, requester) the table names for a change; empty when nobody may make it. */
	public Set<Actor> partiesFor(TaskStatus from, TaskStatus to) {
		Set<Actor> parties = moves.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
		return parties.isEmpty() ? EnumSet.noneOf(Actor.class) : EnumSet.copyOf(parties);
	}

	/** The statuses these actors may move the Task to from {@code from}, in the enum's order; never {@code from}. */
	public Set<TaskStatus> nextFor(TaskStatus from, Collection<Actor> actors) {
		Set<TaskStatus> next = EnumSet.noneOf(TaskStatus.class);
		for (TaskStatus to : statuses()) {
			if (to != from && allows(from, to, actors)) {
				next.add(to);
			}
		}
		return next;
	}

	/** Completed, failed, rejected, cancelled and entered-in-error: the handoff is over. */
	public boolean isTerminal(TaskStatus status) {
		return TERMINAL.contains(status);
	}

	/** Rejected, cancelled, on-hold and failed need a {@code statusReason}: the referrer must learn why. */
	public boolean needsReason(TaskStatus status) {
		return NEEDS_REASON.contains(status);
	}

	/** A handoff is created {@code requested}: a client that posts it accepted or completed skips the receiver. */
	public boolean mayStartAs(TaskStatus status) {
		return status == TaskStatus.REQUESTED;
	}

	/** Only the owner records the steps inside the handoff (businessStatus); admins and the server may too. */
	public boolean maySetBusinessStatus(Collection<Actor> actors) {
		return actors.stream().anyMatch(a -> a == Actor.OWNER || a == Actor.ADMIN || a == Actor.SERVER);
	}
}
