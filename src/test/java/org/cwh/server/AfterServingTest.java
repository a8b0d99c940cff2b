package org.cwh.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cwh.config.AfterServing;
import org.junit.jupiter.api.Test;

/** The work that runs after "ready": in order, each step whatever the one before did, and done when all are. */
class AfterServingTest {

	@Test
	void stepsRunInOrderAndAFailureDoesNotStopTheRest() throws Exception {
		List<String> ran = new CopyOnWriteArrayList<>();
		List<AfterServing> steps = List.of(
				AfterServing.of("first", () -> ran.add("first")),
				AfterServing.of("broken", () -> {
					ran.add("broken");
					throw new IllegalStateException("the database went away");
				}),
				AfterServing.of("last", () -> ran.add("last")));

		CwhServer.afterServing(steps).get(10, TimeUnit.SECONDS);

		assertThat(ran).containsExactly("first", "broken", "last");
	}
}
