package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.SettingsSource;
import org.cwh.server.CwhServer;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two CWH nodes on one PostgreSQL database sweep at the same moment: each missed deadline raises one Flag and one
 * escalation Task, not one per node, and each due handoff is read by one of them. The second node is started here, on the shared server's database and clock,
 * with its timer off; only in the PostgreSQL pass, where several nodes are the production setup.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "cwh.test.db", matches = "postgres")
@ExtendWith(CwhServerExtension.class)
class TwoNodeDeadlinesIT {

	private static CwhServer second;

	@BeforeAll
	static void startSecondNode() {
		DatabaseSettings db = CwhServerExtension.server().bean(DatabaseSettings.class);
		second = CwhServer.start(SettingsSource.ofValues(Map.of("cwh.port", "0", "cwh.db.url", db.url(),
				"cwh.db.user", db.user(), "cwh.db.password", db.password(), "cwh.directory.seed", "false",
				"cwh.deadlines.sweep-every", "off")), CwhServerExtension.clock());
	}

	@AfterAll
	static void stopSecondNode() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void twoNodesSweepingTheDueIndexTogetherRaiseEachHandOnceAndReadEachHandoffOnce() throws Exception {
		List<Handoff> handoffs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			handoffs.add(new Handoff(DeadlinesIT.now().plus(Duration.ofMinutes(10)), TaskPriority.URGENT));
		}
		List<DeadlineSweep> sweeps = List.of(DeadlinesIT.sweep(), second.bean(DeadlineSweep.class));
		// Nothing due but what this test makes due: the handoffs just stored, then their passed deadlines.
		DueIndexIT.drain();
		CwhServerExtension.clock().advance(Duration.ofMinutes(20));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<DeadlineSweep.Swept>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				DeadlineSweep sweep = sweeps.get(i % 2);
				runs.add(pool.submit(sweep::sweep));
			}
			int looked = 0;
			int raised = 0;
			for (Future<DeadlineSweep.Swept> run : runs) {
				looked += run.get(120, TimeUnit.SECONDS).looked();
				raised += run.get().raised();
			}
			// Each due row is leased by one sweep: the nodes share the work instead of doing it twice.
			assertThat(looked).isEqualTo(raised);
			assertThat(raised).isGreaterThanOrEqualTo(3);
		} finally {
			pool.shutdownNow();
		}
		for (Handoff handoff : handoffs) {
			assertThat(handoff.flags()).hasSize(1);
			assertThat(handoff.raised()).hasSize(1);
		}
	}

	@Test
	void twoNodesSweepingTogetherRaiseEachHandOnce() throws Exception {
		List<Handoff> handoffs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			handoffs.add(new Handoff(DeadlinesIT.now().plus(Duration.ofMinutes(10)), TaskPriority.URGENT));
		}
		CwhServerExtension.clock().advance(Duration.ofMinutes(20));
		List<DeadlineSweep> sweeps = List.of(DeadlinesIT.sweep(), second.bean(DeadlineSweep.class));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				DeadlineSweep sweep = sweeps.get(i % 2);
				runs.add(pool.submit(() -> handoffs.stream().mapToInt(h -> sweep.check(h.read())).sum()));
			}
			int raised = 0;
			for (Future<Integer> run : runs) {
				raised += run.get(120, TimeUnit.SECONDS);
			}
			assertThat(raised).isEqualTo(3);
		} finally {
			pool.shutdownNow();
		}
		for (Handoff handoff : handoffs) {
			assertThat(handoff.flags()).hasSize(1);
			assertThat(handoff.raised()).hasSize(1);
		}
	}
}
