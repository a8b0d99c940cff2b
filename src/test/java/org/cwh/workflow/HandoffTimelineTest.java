package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cwh.workflow.HandoffTimeline.Contact;
import org.cwh.workflow.HandoffTimeline.Reached;
import org.cwh.workflow.HandoffTimeline.Step;
import org.cwh.workflow.HandoffTimeline.Version;
import org.junit.jupiter.api.Test;

class HandoffTimelineTest {

	private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	private static Version v(int id, int minutes, String status, String businessStatus) {
		return new Version(String.valueOf(id), T0.plus(Duration.ofMinutes(minutes)), status, businessStatus);
	}

	private static List<String> names(List<Reached> steps) {
		return steps.stream().map(s -> s.step().code()).toList();
	}

	@Test
	void aCompletedHandoffReachesEveryStepInOrderWithTheTimeSinceItWasCreated() {
		List<Reached> steps = HandoffTimeline.of("Task/7", List.of(
				v(6, 3000, "completed", "engaged"),
				v(1, 0, "requested", null),
				v(2, 30, "received", null),
				v(3, 45, "accepted", null),
				v(4, 600, "in-progress", "contact-made"),
				v(5, 2000, "in-progress", "first-visit-attended")), List.of());

		assertThat(names(steps)).containsExactly("created", "received", "accepted", "first-contact", "first-visit",
				"completed");
		assertThat(steps.get(2).sinceCreated()).isEqualTo(Duration.ofMinutes(45));
		assertThat(steps.get(3).source()).isEqualTo("Task/7/_history/4");
		assertThat(steps.get(5).at()).isEqualTo(T0.plus(Duration.ofMinutes(3000)));
	}

	@Test
	void aStepKeepsTheTimeItWasFirstReached() {
		List<Reached> steps = HandoffTimeline.of("Task/7", List.of(
				v(1, 0, "requested", null),
				v(2, 10, "accepted", null),
				v(3, 20, "on-hold", null),
				v(4, 30, "in-progress", "contact-attempted"),
				v(5, 40, "in-progress", "contact-made")), List.of());

		assertThat(steps).filteredOn(s -> s.step() == Step.ACCEPTED).singleElement()
				.satisfies(s -> assertThat(s.at()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
		assertThat(steps).filteredOn(s -> s.step() == Step.FIRST_CONTACT).singleElement()
				.satisfies(s -> assertThat(s.source()).isEqualTo("Task/7/_history/4"));
	}

	@Test
	void anOutreachCommunicationBeforeTheTaskSaysSoIsTheFirstContact() {
		Instant call = T0.plus(Duration.ofMinutes(90));
		List<Reached> steps = HandoffTimeline.of("Task/7", List.of(
				v(1, 0, "requested", null),
				v(2, 60, "accepted", null),
				v(3, 500, "in-progress", "contact-made")),
				List.of(new Contact("Communication/c2", call.plusSeconds(600)), new Contact("Communication/c1", call)));

		assertThat(steps).filteredOn(s -> s.step() == Step.FIRST_CONTACT).singleElement().satisfies(s -> {
			assertThat(s.source()).isEqualTo("Communication/c1");
			assertThat(s.sinceCreated()).isEqualTo(Duration.ofMinutes(90));
		});
	}

	@Test
	void aLaterContactDoesNotReplaceAnEarlierBusinessStatus() {
		List<Reached> steps = HandoffTimeline.of("Task/7", List.of(
				v(1, 0, "requested", null), v(2, 5, "in-progress", "contact-attempted")),
				List.of(new Contact("Communication/c1", T0.plus(Duration.ofHours(3)))));

		assertThat(steps).filteredOn(s -> s.step() == Step.FIRST_CONTACT).singleElement()
				.satisfies(s -> assertThat(s.source()).isEqualTo("Task/7/_history/2"));
	}

	@Test
	void aRejectedHandoffEndsWithItsStatus() {
		List<Reached> steps = HandoffTimeline.of("Task/7", List.of(
				v(1, 0, "requested", null), v(2, 5, "received", null), v(3, 9, "rejected", null)), List.of());

		assertThat(names(steps)).containsExactly("created", "received", "ended");
		assertThat(steps.get(2).detail()).isEqualTo("rejected");
	}

	@Test
	void noVersionsNoSteps() {
		assertThat(HandoffTimeline.of("Task/7", List.of(), List.of())).isEmpty();
	}

	@Test
	void versionsStoredInTheSameMillisecondKeepTheirVersionOrder() {
		List<Reached> steps = HandoffTimeline.of("Task/7", List.of(
				v(2, 0, "cancelled", null), v(1, 0, "requested", null)), List.of());

		assertThat(steps.get(0).step()).isEqualTo(Step.CREATED);
		assertThat(steps.get(0).source()).isEqualTo("Task/7/_history/1");
		assertThat(steps.get(1).detail()).isEqualTo("cancelled");
	}
}
