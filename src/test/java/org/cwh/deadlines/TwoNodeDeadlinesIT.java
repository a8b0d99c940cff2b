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
 * escalation Task, not one per node. The second node is started here, on the shared server's database and clock,
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
