package org.cwh.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.model.sched.ISchedulerService;
import java.util.concurrent.TimeUnit;
import org.cwh.config.DeferredScheduler;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobKey;

/**
 * The order of the running server's work after "ready": HAPI's periodic jobs start first (starting them is quick,
 * and bulk export and subscription retries run on them), validated writes wait for the warm-up, the seed's writes
 * are validated, the publication matters to clients only, the deadline sweep runs once a minute anyway, and HAPI's
 * search-parameter identity table is read by no request.
 */
@ExtendWith(CwhServerExtension.class)
class AfterServingIT {

	@Test
	void theSchedulerStartsThenTheValidatorWarmsThenTheSeedThenThePublicationThenTheBackfillThenTheIdentities() {
		assertThat(CwhServerExtension.server().afterServingSteps()).containsExactly("HAPI scheduler",
				"profiles: validator warm-up",
				"directory seed", "profiles: publication", "deadlines: due index backfill",
				"search parameter identities");
	}

	@Test
	void hapisJobsAreScheduledOnceTheNodeServes() throws Exception {
		CwhServerExtension.server().settled().get(2, TimeUnit.MINUTES);
		ISchedulerService scheduler = CwhServerExtension.server().bean(ISchedulerService.class);
		assertThat(scheduler).isInstanceOf(DeferredScheduler.class);
		// HAPI schedules its jobs only as it starts the scheduler: batch2 maintenance and the stale search clean-up.
		assertThat(scheduler.getClusteredJobKeysForUnitTest()).extracting(JobKey::getName)
				.anyMatch(name -> name.contains("JobMaintenanceService") || name.contains("StaleSearch"));
	}
}
