package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cwh.deadlines.DeadlineCalculator.Deadline;
import org.cwh.deadlines.DeadlineCalculator.Facts;
import org.cwh.deadlines.DeadlineCalculator.Priority;
import org.cwh.deadlines.DeadlineCalculator.Step;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every status, priority and step of {@link DeadlineCalculator}, with the default windows. */
class DeadlineCalculatorTest {

	private static final Instant T0 = Instant.parse("2026-03-03T09:05:00Z");
	private static final DeadlinesSettings DEFAULTS = new DeadlinesSettings(Duration.ofHours(1),
			Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(48), Duration.ofDays(7), Duration.ofMinutes(1));
	private final DeadlineCalculator calculator = new DeadlineCalculator(DEFAULTS);

	/** A handoff authored at T0, accepted an hour later, from a crisis at T0, with nothing done yet. */
	private static Facts facts(TaskStatus status) {
		return new Facts(status, T0, Optional.empty(), Priority.ROUTINE, Optional.of(T0.plus(Duration.ofHours(1))),
				Optional.empty(), Optional.of(T0), Optional.empty());
	}

	@ParameterizedTest(name = "{0} within {1}")
	@CsvSource({"STAT, PT1H", "ASAP, PT1H", "URGENT, PT24H", "ROUTINE, PT72H"})
	void acceptWindowFollowsThePriority(Priority priority, Duration window) {
		assertThat(calculator.acceptDue(Optional.empty(), priority, T0)).isEqualTo(T0.plus(window));
	}

	@ParameterizedTest
	@EnumSource(Priority.class)
	void theTasksOwnDeadlineWinsOverEveryPriority(Priority priority) {
		Instant own = T0.plus(Duration.ofMinutes(20));
		assertThat(calculator.acceptDue(Optional.of(own), priority, T0)).isEqualTo(own);
	}

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(value = {"stat, STAT", "asap, ASAP", "urgent, URGENT", "routine, ROUTINE", "other, ROUTINE",
		"NULL, ROUTINE"}, nullValues = "NULL")
	void priorityCodes(String code, Priority priority) {
		assertThat(Priority.fromCode(code)).isEqualTo(priority);
	}

	/** Which deadlines each status keeps open when nothing has been done. */
	@ParameterizedTest(name = "{0}")
	@EnumSource(value = TaskStatus.class, names = "NULL", mode = EnumSource.Mode.EXCLUDE)
	void openDeadlinesByStatus(TaskStatus status) {
		Set<Step> expected = switch (status) {
			case REQUESTED, RECEIVED -> EnumSet.of(Step.ACCEPT, Step.FIRST_VISIT);
			case ACCEPTED, INPROGRESS, ONHOLD -> EnumSet.of(Step.FIRST_CONTACT, Step.FIRST_VISIT);
			default -> EnumSet.noneOf(Step.class);
		};
		assertThat(steps(calculator.open(facts(status)))).isEqualTo(expected);
		assertThat(DeadlineCalculator.isOpen(status)).isEqualTo(!expected.isEmpty());
	}

	@Test
	void eachDeadlineCountsFromItsOwnStart() {
		List<Deadline> requested = calculator.open(facts(TaskStatus.REQUESTED));
		assertThat(requested).containsExactly(new Deadline(Step.ACCEPT, T0.plus(Duration.ofHours(72))),
				new Deadline(Step.FIRST_VISIT, T0.plus(Duration.ofDays(7))));
		List<Deadline> accepted = calculator.open(facts(TaskStatus.ACCEPTED));
		assertThat(accepted).containsExactly(new Deadline(Step.FIRST_CONTACT, T0.plus(Duration.ofHours(49))),
				new Deadline(Step.FIRST_VISIT, T0.plus(Duration.ofDays(7))));
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = TaskStatus.class, names = {"REQUESTED", "RECEIVED"})
	void acceptIsMissedOnlyAfterItsInstant(TaskStatus status) {
		Instant due = T0.plus(Duration.ofHours(72));
		assertThat(steps(calculator.missed(facts(status), due))).isEmpty();
		assertThat(steps(calculator.missed(facts(status), due.plusNanos(1)))).containsExactly(Step.ACCEPT);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = TaskStatus.class, names = {"ACCEPTED", "INPROGRESS", "ONHOLD"})
	void firstContactIsMissedOnlyAfterItsInstant(TaskStatus status) {
		Instant due = T0.plus(Duration.ofHours(49));
		assertThat(steps(calculator.missed(facts(status), due))).isEmpty();
		assertThat(steps(calculator.missed(facts(status), due.plusNanos(1)))).containsExactly(Step.FIRST_CONTACT);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = TaskStatus.class, names = {"REQUESTED", "RECEIVED", "ACCEPTED", "INPROGRESS", "ONHOLD"})
	void firstVisitIsMissedAfterSevenDays(TaskStatus status) {
		Instant due = T0.plus(Duration.ofDays(7));
		assertThat(steps(calculator.missed(facts(status), due))).doesNotContain(Step.FIRST_VISIT);
		assertThat(steps(calculator.missed(facts(status), due.plusNanos(1)))).contains(Step.FIRST_VISIT);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = TaskStatus.class, names = {"COMPLETED", "FAILED", "REJECTED", "CANCELLED", "ENTEREDINERROR",
		"DRAFT", "READY"})
	void aHandoffThatIsNotOpenMissesNothing(TaskStatus status) {
		assertThat(calculator.missed(facts(status), T0.plus(Duration.ofDays(365)))).isEmpty();
	}

	@Test
	void aContactEvenALateOneClosesTheFirstContactDeadline() {
		Facts contacted = new Facts(TaskStatus.INPROGRESS, T0, Optional.empty(), Priority.URGENT,
				Optional.of(T0), Optional.of(T0.plus(Duration.ofHours(50))), Optional.of(T0), Optional.empty());
		assertThat(steps(calculator.missed(contacted, T0.plus(Duration.ofHours(60))))).isEmpty();
	}

	@Test
	void aFirstVisitClosesTheFirstVisitDeadline() {
		Facts visited = new Facts(TaskStatus.INPROGRESS, T0, Optional.empty(), Priority.URGENT,
				Optional.of(T0), Optional.of(T0), Optional.of(T0), Optional.of(T0.plus(Duration.ofDays(2))));
		assertThat(calculator.missed(visited, T0.plus(Duration.ofDays(30)))).isEmpty();
	}

	@Test
	void withoutAnAcceptanceTimeOrACrisisThoseDeadlinesAreUnknown() {
		Facts unknown = new Facts(TaskStatus.ACCEPTED, T0, Optional.empty(), Priority.ROUTINE, Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty());
		assertThat(calculator.open(unknown)).isEmpty();
	}

	@Test
	void theTasksOwnAcceptDeadlineIsUsed() {
		Facts own = new Facts(TaskStatus.RECEIVED, T0, Optional.of(T0.plus(Duration.ofMinutes(30))), Priority.ROUTINE,
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
		assertThat(calculator.missed(own, T0.plus(Duration.ofMinutes(31))))
				.containsExactly(new Deadline(Step.ACCEPT, T0.plus(Duration.ofMinutes(30))));
	}

	@Test
	void settingsChangeTheWindows() {
		DeadlineCalculator shorter = new DeadlineCalculator(new DeadlinesSettings(Duration.ofMinutes(5),
				Duration.ofMinutes(6), Duration.ofMinutes(7), Duration.ofMinutes(8), Duration.ofMinutes(9),
				Duration.ZERO));
		assertThat(shorter.acceptDue(Optional.empty(), Priority.STAT, T0)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
		assertThat(shorter.acceptDue(Optional.empty(), Priority.URGENT, T0)).isEqualTo(T0.plus(Duration.ofMinutes(6)));
		assertThat(shorter.acceptDue(Optional.empty(), Priority.ROUTINE, T0)).isEqualTo(T0.plus(Duration.ofMinutes(7)));
		assertThat(shorter.firstContactDue(T0)).isEqualTo(T0.plus(Duration.ofMinutes(8)));
		assertThat(shorter.firstVisitDue(T0)).isEqualTo(T0.plus(Duration.ofMinutes(9)));
	}

	private static Set<Step> steps(List<Deadline> deadlines) {
		return deadlines.stream().map(Deadline::step).collect(Collectors.toCollection(() -> EnumSet.noneOf(Step.class)));
	}
}
