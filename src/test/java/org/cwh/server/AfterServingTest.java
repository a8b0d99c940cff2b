package org.cwh.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cwh.config.AfterServing;
import org.junit.jupiter.api.Test;

/**
 * The work that runs after "ready": once the node has answered its first request (or a grace has passed), in order,
 * each step whatever the one before did, and done when all are.
 */
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

		CwhServer.afterServing(steps, CompletableFuture.completedFuture(null), () -> ran.add("background"))
				.get(10, TimeUnit.SECONDS);

		assertThat(ran).containsExactly("background", "first", "broken", "last");
	}

	@Test
	void nothingStartsBeforeTheFirstAnswerThenEverythingRuns() throws Exception {
		List<String> ran = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
		CompletableFuture<Void> done = CwhServer.afterServing(List.of(AfterServing.of("warm-up", () -> ran.add("warm-up"))),
				firstAnswer, () -> ran.add("background"));

		assertThat(done).isNotDone();
		assertThat(ran).isEmpty();
		firstAnswer.complete(null);
		done.get(10, TimeUnit.SECONDS);
		assertThat(ran).containsExactly("background", "warm-up");
	}

	@Test
	void withoutAnyRequestTheWorkStartsAfterTheGrace() throws Exception {
		List<String> ran = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		CwhServer.afterServing(List.of(AfterServing.of("warm-up", () -> ran.add("warm-up"))),
				new CompletableFuture<>(), () -> { }).get(CwhServer.FIRST_ANSWER_GRACE.toSeconds() + 10, TimeUnit.SECONDS);

		assertThat(ran).containsExactly("warm-up");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(CwhServer.FIRST_ANSWER_GRACE);
	}
}
