package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rest-hook notifications end to end over HTTP: a receiving organization subscribes to the IG's owner topic, Tasks it
 * owns are created and changed, and a real receiver (JDK HTTP server) gets id-only Backport notifications, in order,
 * also after answering 500 for a while; a rolled-back transaction notifies nobody.
 */
@ExtendWith(CwhServerExtension.class)
class NotificationDeliveryIT {

	static final FhirContext ctx = FhirContext.forR4Cached();
	static final String OWNER_TOPIC = "http://cwh.example.org/fhir/SubscriptionTopic/cwh-task-for-owner";
	static final Duration WITHIN = Duration.ofSeconds(20);

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private final String owner = "notify-owner-" + run;
	private final String requester = "notify-requester-" + run;
	private Receiver receiver;
	private TestClient provider;

	@BeforeEach
	void setUp() throws Exception {
		receiver = new Receiver();
		CwhServerExtension.ensureOrganization(requester);
		provider = CwhServerExtension.client(owner, "system/Subscription.cruds system/Task.rs", Role.PROVIDER);
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	static Subscription topicSubscription(String topic, String filter, String endpoint) {
		Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
				.setReason("test").setCriteria(topic);
		subscription.getCriteriaElement().addExtension(SubscriptionRules.FILTER_CRITERIA, new StringType(filter));
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
				.setPayload("application/fhir+json").addHeader("Authorization: Bearer receiver-secret");
		subscription.getChannel().getPayloadElement().addExtension(SubscriptionRules.PAYLOAD_CONTENT,
				new org.hl7.fhir.r4.model.CodeType("id-only"));
		return subscription;
	}

	private String subscribe() {
		Subscription subscription = topicSubscription(OWNER_TOPIC, "Task?owner=Organization/" + owner,
				receiver.endpoint());
		var response = fhirAs(provider).body(ctx.newJsonParser().encodeResourceToString(subscription))
				.post("/Subscription");
		response.then().statusCode(201).body("status", equalTo("active"));
		return response.jsonPath().getString("id");
	}

	private Task task(String status) {
		Task task = new Task().setStatus(Task.TaskStatus.fromCode(status)).setIntent(Task.TaskIntent.ORDER);
		task.setOwner(new Reference("Organization/" + owner)).setRequester(new Reference("Organization/" + requester));
		task.setDescription("notification test");
		return task;
	}

	private String create(Task task) {
		return fhir().body(ctx.newJsonParser().encodeResourceToString(task)).post("/Task").then().statusCode(201)
				.extract().jsonPath().getString("id");
	}

	private void update(String id, Task task) {
		task.setId(id);
		fhir().body(ctx.newJsonParser().encodeResourceToString(task)).put("/Task/" + id).then().statusCode(200);
	}

	@Test
	void theOwnerHearsOfANewTaskAndItsChangeIdsOnly() throws Exception {
		String subscriptionId = subscribe();
		String taskId = create(task("requested"));
		update(taskId, task("received"));

		List<Receiver.Hit> hits = receiver.awaitDelivered(h -> h.focus().contains("/Task/" + taskId + "/"), 2, WITHIN);
		assertThat(hits).hasSize(2);
		Receiver.Hit first = hits.get(0);
		assertThat(first.authorization()).isEqualTo("Bearer receiver-secret");
		assertThat(first.contentType()).startsWith("application/fhir+json");
		Bundle bundle = first.bundle();
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.HISTORY);
		assertThat(bundle.getMeta().hasProfile(Notification.BUNDLE_PROFILE)).isTrue();
		Parameters status = first.status();
		assertThat(first.subscription()).endsWith("/Subscription/" + subscriptionId);
		assertThat(status.getParameter("topic").getValue().primitiveValue()).isEqualTo(OWNER_TOPIC);
		assertThat(status.getParameter("type").getValue().primitiveValue()).isEqualTo("event-notification");
		assertThat(first.eventNumber()).isEqualTo(1);
		assertThat(first.focus()).endsWith("/fhir/Task/" + taskId + "/_history/1");
		// id-only: the focus entry names the Task, carries no content.
		assertThat(bundle.getEntry()).hasSize(2);
		assertThat(bundle.getEntry().get(1).getFullUrl()).endsWith("/fhir/Task/" + taskId);
		assertThat(bundle.getEntry().get(1).hasResource()).isFalse();
		assertThat(first.body()).doesNotContain("notification test");

		assertThat(hits.get(1).eventNumber()).isEqualTo(2);
		assertThat(hits.get(1).focus()).endsWith("/fhir/Task/" + taskId + "/_history/2");
	}

	@Test
	void aTaskOfAnotherOwnerIsNotNotified() throws Exception {
		subscribe();
		Task other = task("requested").setOwner(new Reference("Organization/" + requester));
		String otherId = create(other);
		String mineId = create(task("requested"));
		receiver.awaitDelivered(h -> h.focus().contains("/Task/" + mineId + "/"), 1, WITHIN);
		assertThat(receiver.hits()).noneMatch(h -> h.focus().contains("/Task/" + otherId + "/"));
	}

	@Test
	void aReceiverThatFailsGetsEveryNotificationLaterInOrderPerTask() throws Exception {
		subscribe();
		receiver.answer(500);
		String a = create(task("requested"));
		update(a, task("received"));
		update(a, task("accepted"));
		String b = create(task("requested"));
		update(b, task("received"));
		// The receiver is attempted and refuses; later versions of a Task wait behind the first.
		long deadline = System.nanoTime() + WITHIN.toNanos();
		while (receiver.hits().size() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(receiver.hits()).isNotEmpty().noneMatch(Receiver.Hit::delivered);
		assertThat(receiver.hits()).noneMatch(h -> h.focus().endsWith("/_history/2"));

		// Back up: move the clock past the back-off (10 s after a first failure, 20 s after a second) instead of
		// waiting for it. Moves stay small: the shared clock also dates other tests' tokens.
		receiver.answer(200);
		CwhServerExtension.clock().advance(Duration.ofSeconds(45));
		List<Receiver.Hit> forA = receiver.awaitDelivered(h -> h.focus().contains("/Task/" + a + "/"), 3, WITHIN);
		List<Receiver.Hit> forB = receiver.awaitDelivered(h -> h.focus().contains("/Task/" + b + "/"), 2, WITHIN);
		assertThat(forA).extracting(Receiver.Hit::focus).containsExactly(
				focus(forA, a, 1), focus(forA, a, 2), focus(forA, a, 3));
		assertThat(forB).extracting(Receiver.Hit::focus).containsExactly(focus(forB, b, 1), focus(forB, b, 2));
		assertThat(receiver.delivered(h -> true)).extracting(Receiver.Hit::eventNumber)
				.containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
	}

	private static String focus(List<Receiver.Hit> hits, String id, int version) {
		String any = hits.get(0).focus();
		return any.substring(0, any.indexOf("/Task/")) + "/Task/" + id + "/_history/" + version;
	}

	@Test
	void aRolledBackTransactionNotifiesNobody() throws Exception {
		subscribe();
		String taskId = "notify-rollback-" + run;
		Task task = task("requested");
		task.setId(taskId);
		// The Task's outbox row is written before commit; the invalid Flag (profile claimed, no subject) is refused
		// after, when the transaction's entries are validated, and everything rolls back.
		String flag = """
				{"resourceType":"Flag","meta":{"profile":["http://cwh.example.org/fhir/StructureDefinition/cwh-handoff-flag"]},
				 "status":"active","code":{"text":"overdue"}}""";
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":%s,"request":{"method":"PUT","url":"Task/%s"}},
				 {"resource":%s,"request":{"method":"POST","url":"Flag"}}]}"""
				.formatted(ctx.newJsonParser().encodeResourceToString(task), taskId, flag);
		fhir().body(bundle).post("/").then().statusCode(422);
		fhir().get("/Task/" + taskId).then().statusCode(404);
		assertThat(outboxRows("Task/" + taskId)).isZero();

		// The same Task written alone is notified: the subscription did match it.
		fhir().body(ctx.newJsonParser().encodeResourceToString(task)).put("/Task/" + taskId).then().statusCode(201);
		receiver.awaitDelivered(h -> h.focus().contains("/Task/" + taskId + "/"), 1, WITHIN);
		assertThat(outboxRows("Task/" + taskId)).isEqualTo(1);
	}

	/**
	 * A delivered notification stays for {@code cwh.notify.keep-delivered} (7 days), then the purge deletes it; one
	 * not yet delivered stays however old it is.
	 */
	@Test
	void deliveredNotificationsAreDeletedAfterTheKeepTimeUndeliveredOnesStay() throws Exception {
		subscribe();
		String delivered = create(task("requested"));
		receiver.awaitDelivered(h -> h.focus().contains("/Task/" + delivered + "/"), 1, WITHIN);
		// The receiver has it; the dispatcher records that right after.
		org.awaitility.Awaitility.await().atMost(WITHIN).until(() -> deliveredRows("Task/" + delivered) == 1);
		receiver.answer(500);
		String pending = create(task("requested"));
		Dispatcher dispatcher = CwhServerExtension.server().bean(Dispatcher.class);
		dispatcher.purgeDelivered();
		assertThat(outboxRows("Task/" + delivered)).as("delivered just now: kept").isEqualTo(1);

		Duration keep = CwhServerExtension.server().bean(NotifySettings.class).keepDelivered();
		CwhServerExtension.clock().advance(keep.plusMinutes(1));
		assertThat(dispatcher.purgeDelivered()).isPositive();
		assertThat(outboxRows("Task/" + delivered)).isZero();
		assertThat(outboxRows("Task/" + pending)).as("not delivered yet: kept").isEqualTo(1);
		receiver.answer(200);
		receiver.awaitDelivered(h -> h.focus().contains("/Task/" + pending + "/"), 1, WITHIN);
	}

	private static int deliveredRows(String focus) throws Exception {
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
				"SELECT COUNT(*) FROM cwh_notify_outbox WHERE focus = ? AND delivered_at IS NOT NULL")) {
			s.setString(1, focus);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	static int outboxRows(String focus) throws Exception {
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM cwh_notify_outbox WHERE focus = ?")) {
			s.setString(1, focus);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}
}
