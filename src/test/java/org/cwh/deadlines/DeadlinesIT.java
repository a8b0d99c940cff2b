package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Missed handoff deadlines over HTTP on the shared server: the test moves the shared clock past a deadline, runs the
 * sweep on demand and reads what the server raised: one Flag on the patient and one escalation Task for the referrer,
 * however often the sweep runs; nothing for a deadline met in time.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class DeadlinesIT {

	static final String FLAG_CODE = Handoff.CWH + "cwh-flag-code";

	static DeadlineSweep sweep() {
		return CwhServerExtension.server().bean(DeadlineSweep.class);
	}

	static Instant now() {
		return CwhServerExtension.clock().instant();
	}

	@Test
	void missedAcceptDeadlineFlagsThePatientAndEscalatesToTheReferrerOnce() {
		Handoff handoff = new Handoff(now().plus(Duration.ofHours(2)), TaskPriority.URGENT);
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();

		CwhServerExtension.clock().advance(Duration.ofHours(3));
		sweep().sweep();
		sweep().sweep();

		List<Flag> flags = handoff.flags();
		assertThat(flags).hasSize(1);
		Flag flag = flags.get(0);
		assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
		assertThat(flag.getCode().hasCoding(FLAG_CODE, "handoff-overdue")).isTrue();
		assertThat(((Reference) flag.getExtensionByUrl(Escalations.FLAGGED_HANDOFF).getValue()).getReference())
				.isEqualTo("Task/" + handoff.task);
		List<Task> raised = handoff.raised();
		assertThat(raised).hasSize(1);
		Task escalation = raised.get(0);
		assertThat(escalation.getCode().hasCoding(Handoff.CWH + "cwh-task-code", "escalation")).isTrue();
		assertThat(escalation.getOwner().getReference()).isEqualTo("Organization/" + handoff.requester);
		assertThat(escalation.getFocus().getReference()).isEqualTo("Task/" + handoff.task);
		assertThat(escalation.getStatus()).isEqualTo(TaskStatus.REQUESTED);
		assertThat(escalation.getReasonReference().getReference()).isEqualTo("Flag/" + flag.getIdPart());

		// The referrer finds it in its own inbox, with its own token, like any Task it owns.
		TestClient referrer = CwhServerExtension.client(handoff.requester, "system/Task.rs", Role.REFERRER);
		List<String> inbox = CwhServerExtension.fhirAs(referrer)
				.get("/Task?owner=Organization/" + handoff.requester + "&status=requested").then().statusCode(200)
				.extract().jsonPath().getList("entry.resource.id");
		assertThat(inbox).contains(escalation.getIdPart());
	}

	@Test
	void withoutItsOwnDeadlineAStatHandoffIsDueWithinAnHour() {
		Handoff handoff = new Handoff(null, TaskPriority.STAT);
		CwhServerExtension.clock().advance(Duration.ofMinutes(50));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
		CwhServerExtension.clock().advance(Duration.ofMinutes(11));
		sweep().sweep();
		assertThat(handoff.flags()).singleElement()
				.satisfies(f -> assertThat(f.getCode().hasCoding(FLAG_CODE, "handoff-overdue")).isTrue());
	}

	@Test
	void aHandoffAcceptedInTimeRaisesNothing() {
		Handoff handoff = new Handoff(now().plus(Duration.ofHours(1)), TaskPriority.URGENT);
		handoff.move(TaskStatus.ACCEPTED);
		CwhServerExtension.clock().advance(Duration.ofHours(2));
		sweep().sweep();
		assertThat(handoff.flags()).isEmpty();
		assertThat(handoff.raised()).isEmpty();
	}

	@Test
	void twoSweepsAtOnceRaiseOneFlag() throws Exception {
		Handoff handoff = new Handoff(now().plus(Duration.ofMinutes(30)), TaskPriority.URGENT);
		CwhServerExtension.clock().advance(Duration.ofHours(1));
		Task task = handoff.read();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(() -> sweep().check(task)));
			}
			int raised = 0;
			for (Future<Integer> run : runs) {
				raised += run.get(60, TimeUnit.SECONDS);
			}
			assertThat(raised).isEqualTo(1);
		} finally {
			pool.shutdownNow();
		}
		assertThat(handoff.flags()).hasSize(1);
		assertThat(handoff.raised()).hasSize(1);
	}
}
