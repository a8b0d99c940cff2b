package org.cwh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hundred clients change one handoff at once, each with {@code If-Match} of the version it read: every attempt on
 * a stale version is refused with 412 and retried after a fresh read, every client's change is in the final Task,
 * and no change is lost. On PostgreSQL too, where several nodes would share the row.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class ConcurrentUpdatesIT {

	private static final int CLIENTS = 100;

	@Test
	void parallelIfMatchPatchesLoseNothing() throws Exception {
		Handoffs handoffs = new Handoffs();
		String id = handoffs.taskIn(TaskStatus.INPROGRESS);
		long firstVersion = Long.parseLong(Handoffs.read(id).getMeta().getVersionId());
		ConcurrentLinkedQueue<Integer> refusals = new ConcurrentLinkedQueue<>();
		AtomicInteger stale = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> clients = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				String mark = "client " + i;
				clients.add(pool.submit(() -> {
					start.await();
					for (int attempt = 1; ; attempt++) {
						Response read = fhir().get("/Task/" + id);
						String etag = read.header("ETag");
						Response patch = fhir().header("If-Match", etag).body(addNote(mark)).patch("/Task/" + id);
						if (patch.statusCode() == 200) {
							return attempt;
						}
						refusals.add(patch.statusCode());
						if (patch.statusCode() == 412) {
							stale.incrementAndGet();
						}
						if (patch.statusCode() != 412 || attempt > 10 * CLIENTS) {
							throw new AssertionError(patch.statusCode() + ": " + patch.asString());
						}
					}
				}));
			}
			start.countDown();
			for (Future<Integer> client : clients) {
				client.get(10, TimeUnit.MINUTES);
			}
		} finally {
			pool.shutdownNow();
		}
		Task last = Handoffs.read(id);
		List<String> notes = last.getNote().stream().map(Annotation::getText).toList();
		for (int i = 0; i < CLIENTS; i++) {
			assertThat(notes).contains("client " + i);
		}
		assertThat(notes).hasSize(CLIENTS);
		assertThat(refusals).allMatch(status -> status == 412);
		assertThat(stale.get()).isEqualTo(refusals.size());
		// One new version per client: no change applied twice, none applied over another.
		assertThat(Long.parseLong(last.getMeta().getVersionId())).isEqualTo(firstVersion + CLIENTS);
	}

	private static String addNote(String text) {
		return """
				{"resourceType":"Parameters","parameter":[{"name":"operation","part":[
				 {"name":"type","valueCode":"add"},{"name":"path","valueString":"Task"},
				 {"name":"name","valueString":"note"},{"name":"value","valueAnnotation":{"text":"%s"}}]}]}"""
				.formatted(text);
	}
}
