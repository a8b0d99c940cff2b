package org.cwh.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * When each step of a warm handoff is due and which deadlines are missed. Pure: the facts of one handoff and "now" in,
 * deadlines out; {@link DeadlineSweep} gathers the facts from the store and acts on the answer.
 *
 * <ul>
 *   <li><b>accept</b>: the Task's {@code restriction.period.end}, or its {@code authoredOn} plus the window for its
 *   priority ({@code stat} and {@code asap}: the stat window; {@code urgent}; {@code routine} or none). Open while the
 *   Task is {@code requested} or {@code received}.</li>
 *   <li><b>first contact</b>: acceptance plus the first-contact window. Open while the Task is accepted, in progress
 *   or on hold and nobody has made or attempted contact.</li>
 *   <li><b>first visit</b>: the crisis encounter's start (the referral's {@code authoredOn} when there is none) plus
 *   the first-visit window. Open while the handoff is open and no first visit happened.</li>
 * </ul>
 *
 * A deadline is missed when "now" is after it and its step is still not done. A step done late, before anybody looked,
 * raises nothing: the hand goes up while it still helps. Terminal handoffs have no open deadlines.
 */
public final class DeadlineCalculator {

	/** The deadlines of a handoff, in the order a handoff meets them. */
	public enum Step {
		ACCEPT("accept"), FIRST_CONTACT("first-contact"), FIRST_VISIT("first-visit");

		private final String code;

		Step(String code) {
			this.code = code;
		}

		/** The step's name in claims and logs, e.g. {@code first-contact}. */
		public String code() {
			return code;
		}
	}

	/** FHIR's request priorities ({@code Task.priority}); {@link #ROUTINE} when none is given. */
	public enum Priority {
		ROUTINE, URGENT, ASAP, STAT;

		/** {@code urgent} → URGENT; absent or unknown → ROUTINE. */
		public static Priority fromCode(String code) {
			if (code == null) {
				return ROUTINE;
			}
			return switch (code) {
				case "urgent" -> URGENT;
				case "asap" -> ASAP;
				case "stat" -> STAT;
				default -> ROUTINE;
			};
		}
	}

	/**
	 * What is known about one handoff.
	 *
	 * @param status the Task's status
	 * @param authoredOn the Task's {@code authoredOn}
	 * @param acceptBy the Task's {@code restriction.period.end}, when it gives one
	 * @param priority the Task's priority (or its referral's)
	 * @param acceptedAt when the Task first left requested/received for accepted or later; empty while it has not
	 * @param firstContactAt the earliest contact: outreach Communication or a contact step in businessStatus
	 * @param crisisAt the crisis encounter's start, or the referral's authoredOn without one; empty when unknown
	 * @param firstVisitAt when the first visit happened; empty while it has not
	 */
	public record Facts(TaskStatus status, Instant authoredOn, Optional<Instant> acceptBy, Priority priority,
			Optional<Instant> acceptedAt, Optional<Instant> firstContactAt, Optional<Instant> crisisAt,
			Optional<Instant> firstVisitAt) {

		public Facts {
			Objects.requireNonNull(status, "status");
			Objects.requireNonNull(authoredOn, "authoredOn");
			Objects.requireNonNull(acceptBy, "acceptBy");
			Objects.requireNonNull(priority, "priority");
			Objects.requireNonNull(acceptedAt, "acceptedAt");
			Objects.requireNonNull(firstContactAt, "firstContactAt");
			Objects.requireNonNull(crisisAt, "crisisAt");
			Objects.requireNonNull(firstVisitAt, "firstVisitAt");
		}
	}

	/** One deadline of one handoff: the step and the instant it is due. */
	public record Deadline(Step step, Instant due) {}

	private static final Set<TaskStatus> AWAITING_ACCEPTANCE = EnumSet.of(TaskStatus.REQUESTED, TaskStatus.RECEIVED);
	private static final Set<TaskStatus> ACCEPTED = EnumSet.of(TaskStatus.ACCEPTED, TaskStatus.INPROGRESS,
			TaskStatus.ONHOLD);

	private final DeadlinesSettings settings;

	public DeadlineCalculator(DeadlinesSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** Whether a handoff in this status can still miss a deadline: requested through on hold. */
	public static boolean isOpen(TaskStatus status) {
		return AWAITING_ACCEPTANCE.contains(status) || ACCEPTED.contains(status);
	}

	/** The deadline to accept: the Task's own, or authoredOn plus the window of its priority. */
	public Instant acceptDue(Optional<Instant> acceptBy, Priority priority, Instant authoredOn) {
		return acceptBy.orElseGet(() -> authoredOn.plus(acceptWindow(priority)));
	}

	Duration acceptWindow(Priority priority) {
		return switch (priority) {
			case STAT, ASAP -> settings.acceptStat();
			case URGENT -> settings.acceptUrgent();
			case ROUTINE -> settings.acceptRoutine();
		};
	}

	/** The first-contact deadline counted from acceptance. */
	public Instant firstContactDue(Instant acceptedAt) {
		return acceptedAt.plus(settings.firstContactWithin());
	}

	/** The first-visit deadline counted from the crisis encounter (or the referral). */
	public Instant firstVisitDue(Instant crisisAt) {
		return crisisAt.plus(settings.firstVisitWithin());
	}

	/** The deadlines still open for this handoff (not met, not moot), due or not; empty once it is terminal. */
	public List<Deadline> open(Facts facts) {
		List<Deadline> open = new ArrayList<>();
		if (!isOpen(facts.status())) {
			return open;
		}
		if (AWAITING_ACCEPTANCE.contains(facts.status())) {
			open.add(new Deadline(Step.ACCEPT, acceptDue(facts.acceptBy(), facts.priority(), facts.authoredOn())));
		}
		if (ACCEPTED.contains(facts.status()) && facts.firstContactAt().isEmpty()) {
			facts.acceptedAt().ifPresent(at -> open.add(new Deadline(Step.FIRST_CONTACT, firstContactDue(at))));
		}
		if (facts.firstVisitAt().isEmpty()) {
			facts.crisisAt().ifPresent(at -> open.add(new Deadline(Step.FIRST_VISIT, firstVisitDue(at))));
		}
		return open;
	}

	/** The open deadlines that are past at {@code now}: each one is a hand to raise. */
	public List<Deadline> missed(Facts facts, Instant now) {
		return open(facts).stream().filter(d -> now.isAfter(d.due())).toList();
	}
}
