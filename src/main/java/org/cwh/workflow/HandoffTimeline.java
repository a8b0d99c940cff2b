package org.cwh.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of one referral, from the versions of its Task and the contacts recorded against it: when it was created,
 * received, accepted, first contact made (or attempted), first visit attended, and how it ended. Pure: the operation
 * ({@link TimelineOperation}) reads the history and the contacts; this class only decides which version or contact
 * marks each step, so the rules are tested without a server.
 *
 * <p>A step is reached the first time it is seen and keeps that time, even when a later version moves back (an
 * {@code on-hold} Task resumed is still accepted when it was first accepted).
 */
final class HandoffTimeline {

	/** The steps in the order a handoff reaches them. */
	enum Step {
		CREATED("created"),
		RECEIVED("received"),
		ACCEPTED("accepted"),
		FIRST_CONTACT("first-contact"),
		FIRST_VISIT("first-visit"),
		COMPLETED("completed"),
		/** Rejected, cancelled or failed: the handoff ended without completing. */
		ENDED("ended");

		private final String code;

		Step(String code) {
			this.code = code;
		}

		String code() {
			return code;
		}
	}

	/** One stored version of the Task: when it was stored and what it said. */
	record Version(String versionId, Instant stored, String status, String businessStatus) {
	}

	/** A contact recorded against the Task (an outreach {@code Communication}): when it was sent or recorded. */
	record Contact(String reference, Instant at) {
	}

	/**
	 * One reached step.
	 *
	 * @param source what marks it: {@code Task/1/_history/3} or the contact's reference
	 * @param detail the status the handoff ended in, for {@link Step#ENDED}; otherwise null
	 */
	record Reached(Step step, Instant at, Duration sinceCreated, String source, String detail) {
	}

	/** The IG's CodeSystem of the steps inside {@code in-progress} ({@code Task.businessStatus}). */
	static final String STEP_SYSTEM = "http://cwh.example.org/fhir/CodeSystem/cwh-handoff-step";

	private static final Set<String> CONTACT_STEPS = Set.of("contact-attempted", "contact-made");
	private static final Set<String> VISIT_STEPS = Set.of("first-visit-attended", "engaged");
	private static final Set<String> ENDINGS = Set.of("rejected", "cancelled", "failed");

	private HandoffTimeline() {
	}

	/**
	 * @param taskId {@code Task/<id>}
	 * @param versions every stored version, in any order
	 * @param contacts the contacts recorded against the Task
	 * @return the reached steps, earliest first
	 */
	static List<Reached> of(String taskId, List<Version> versions, List<Contact> contacts) {
		List<Version> ordered = versions.stream().sorted(Comparator.comparing(Version::stored)
				.thenComparing(v -> Long.parseLong(v.versionId()))).toList();
		if (ordered.isEmpty()) {
			return List.of();
		}
		Instant created = ordered.get(0).stored();
		Map<Step, Reached> reached = new LinkedHashMap<>();
		for (Version v : ordered) {
			String source = taskId + "/_history/" + v.versionId();
			reach(reached, Step.CREATED, v.stored(), created, source, null);
			switch (v.status()) {
				case "received" -> reach(reached, Step.RECEIVED, v.stored(), created, source, null);
				case "accepted", "in-progress", "on-hold" -> reach(reached, Step.ACCEPTED, v.stored(), created, source,
						null);
				case "completed" -> reach(reached, Step.COMPLETED, v.stored(), created, source, null);
				default -> {
					if (ENDINGS.contains(v.status())) {
						reach(reached, Step.ENDED, v.stored(), created, source, v.status());
					}
				}
			}
			if (v.businessStatus() != null && CONTACT_STEPS.contains(v.businessStatus())) {
				reach(reached, Step.FIRST_CONTACT, v.stored(), created, source, null);
			}
			if (v.businessStatus() != null && VISIT_STEPS.contains(v.businessStatus())) {
				reach(reached, Step.FIRST_VISIT, v.stored(), created, source, null);
			}
		}
		Optional<Contact> firstContact = contacts.stream().min(Comparator.comparing(Contact::at));
		firstContact.ifPresent(c -> {
			Reached byTask = reached.get(Step.FIRST_CONTACT);
			if (byTask == null || c.at().isBefore(byTask.at())) {
				reached.put(Step.FIRST_CONTACT, new Reached(Step.FIRST_CONTACT, c.at(),
						Duration.between(created, c.at()), c.reference(), null));
			}
		});
		List<Reached> steps = new ArrayList<>(reached.values());
		steps.sort(Comparator.comparing(Reached::at).thenComparing(Reached::step));
		return steps;
	}

	private static void reach(Map<Step, Reached> reached, Step step, Instant at, Instant created, String source,
			String detail) {
		reached.putIfAbsent(step, new Reached(step, at, Duration.between(created, at), source, detail));
	}
}
