package org.cwh.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The scheduler ignores HAPI's start on context refresh and starts on its after-serving step. Without Spring nothing
 * of HAPI's is wired, so a start that reached HAPI fails at once: that is how these tests see whether it did.
 */
class DeferredSchedulerTest {

	@Test
	void theRefreshEventsStartDoesNotReachHapi() {
		DeferredScheduler scheduler = new DeferredScheduler();
		assertDoesNotThrow(scheduler::start);
		assertDoesNotThrow(scheduler::start);
	}

	@Test
	void theAfterServingStepStartsHapisScheduler() {
		DeferredScheduler scheduler = new DeferredScheduler();
		assertThrows(NullPointerException.class, scheduler::run);
	}
}
