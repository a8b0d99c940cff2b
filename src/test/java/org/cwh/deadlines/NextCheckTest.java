package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cwh.deadlines.DeadlineCalculator.Deadline;
import org.cwh.deadlines.DeadlineCalculator.Facts;
import org.cwh.deadlines.DeadlineCalculator.Priority;
import org.cwh.deadlines.DeadlineCalculator.Step;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a handoff is next due in the index: after a check that went through, and after failed ones. */
class NextCheckTest {

	private static final Instant T0 = Instant.parse("2026-03-03T09:05:00Z");
	private static final Duration MICRO = Duration.ofNanos(1_000);
	private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(new DeadlinesSettings(
			Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(48), Duration.ofDays(7),
			Duration.ofMinutes(1)));

	private static Deadline deadline(Step step, Duration fromT0) {
		return new Deadline(step, T0.plus(fromT0));
	}

	@Test
	void theEarliestDeadlineStillAheadComesFirst() {
		List<Deadline> open = List.of(deadline(Step.FIRST_VISIT, Duration.ofDays(7)),
				deadline(Step.ACCEPT, Duration.ofHours(24)));
		assertThat(NextCheck.after(open, T0)).contains(T0.plus(Duration.ofHours(24)).plus(MICRO));
	}

	@Test
	void deadlinesAlreadyPastWereRaisedAndAreSkipped() {
		List<Deadline> open = List.of(deadline(Step.ACCEPT, Duration.ofHours(1)),
				deadline(Step.FIRST_VISIT, Duration.ofDays(7)));
		assertThat(NextCheck.after(open, T0.plus(Duration.ofHours(2))))
				.contains(T0.plus(Duration.ofDays(7)).plus(MICRO));
	}

	@Test
	void aDeadlineDueThisVeryInstantIsNotMissedYetSoItIsNextJustAfter() {
		Instant due = T0.plus(Duration.ofHours(1));
		Facts acceptBy = new Facts(TaskStatus.REQUESTED, T0, Optional.of(due), Priority.ROUTINE, Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty());
		assertThat(CALCULATOR.missed(acceptBy, due)).isEmpty();
		assertThat(NextCheck.after(CALCULATOR.open(acceptBy), due)).contains(due.plus(MICRO));
		assertThat(CALCULATOR.missed(acceptBy, due.plus(MICRO))).isNotEmpty();
	}

	@Test
	void nothingOpenOrEverythingPastMeansOnlyAWriteMakesItDue() {
		assertThat(NextCheck.after(List.of(), T0)).isEmpty();
		assertThat(NextCheck.after(List.of(deadline(Step.ACCEPT, Duration.ofHours(1))), T0.plus(Duration.ofDays(1))))
				.isEmpty();
	}

	/** The calculator's open deadlines of a requested routine handoff: accept in 72 h comes before the visit. */
	@Test
	void followsTheCalculatorsOpenDeadlines() {
		Facts requested = facts(TaskStatus.REQUESTED);
		assertThat(NextCheck.after(CALCULATOR.open(requested), T0))
				.contains(T0.plus(Duration.ofHours(72)).plus(MICRO));
		assertThat(NextCheck.after(CALCULATOR.open(requested), T0.plus(Duration.ofDays(4))))
				.contains(T0.plus(Duration.ofDays(7)).plus(MICRO));
		Facts done = new Facts(TaskStatus.INPROGRESS, T0, Optional.empty(), Priority.ROUTINE, Optional.of(T0),
				Optional.of(T0), Optional.of(T0), Optional.of(T0));
		assertThat(NextCheck.after(CALCULATOR.open(done), T0)).isEmpty();
	}

	@ParameterizedTest(name = "failure {0}: again after {1}")
	@CsvSource({"1, PT1M", "2, PT2M", "3, PT4M", "4, PT8M", "5, PT16M", "6, PT32M", "7, PT1H", "8, PT1H",
		"1000, PT1H", "2147483647, PT1H"})
	void failedChecksBackOffToAnHour(int failures, Duration wait) {
		assertThat(NextCheck.retry(failures, T0)).isEqualTo(T0.plus(wait));
	}

	@Test
	void failuresCountFromOne() {
		assertThatThrownBy(() -> NextCheck.retry(0, T0)).isInstanceOf(IllegalArgumentException.class);
	}

	private static Facts facts(TaskStatus status) {
		return new Facts(status, T0, Optional.empty(), Priority.ROUTINE, Optional.empty(), Optional.empty(),
				Optional.of(T0), Optional.empty());
	}
}
