package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Subscription.end} over HTTP: a Subscription is notified until its end, a change at or after it is not (no
 * outbox row), what was written before it is still delivered, and the server turns it {@code off} on its own (its
 * registration goes once nothing waits); one written already past its end is stored off and hears nothing. The end
 * is moved past with the test clock.
 */
@ExtendWith(CwhServerExtension.class)
class SubscriptionEndIT {

	static final FhirContext ctx = FhirContext.forR4Cached();
	static final Duration WITHIN = Duration.ofSeconds(20);

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private final String owner = "notify-end-owner-" + run;
	private Receiver receiver;
	private TestClient provider;

	@BeforeEach
	void setUp() throws Exception {
		receiver = new Receiver();
		provider = CwhServerExtension.client(owner, "system/Subscription.cruds system/Task.rs", Role.PROVIDER);
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	private Subscription endingAt(Instant end) {
		Subscription subscription = NotificationDeliveryIT.topicSubscription(NotificationDeliveryIT.OWNER_TOPIC,
				"Task?owner=Organization/" + owner, receiver.endpoint());
		subscription.setEnd(Date.from(end));
		return subscription;
	}

	private io.restassured.response.Response post(Subscription subscription) {
		var response = fhirAs(provider).body(ctx.newJsonParser().encodeResourceToString(subscription))
				.post("/Subscription");
		response.then().statusCode(201);
		return response;
	}

	private String createTask() {
		Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.setOwner(new Reference("Organization/" + owner));
		return fhir().body(ctx.newJsonParser().encodeResourceToString(task)).post("/Task").then().statusCode(201)
				.extract().jsonPath().getString("id");
	}

	@Test
	void aSubscriptionIsNotifiedUntilItsEndThenTheServerTurnsItOff() throws Exception {
		var clock = CwhServerExtension.clock();
		String id = post(endingAt(clock.instant().plus(Duration.ofMinutes(1)))).then()
				.body("status", equalTo("active")).extract().jsonPath().getString("id");

		String before = createTask();
		receiver.awaitDelivered(h -> h.focus().contains("/Task/" + before + "/"), 1, WITHIN);

		// Written before the end, refused by the receiver until after it: still delivered then.
		receiver.answer(500);
		String pending = createTask();
		await().atMost(WITHIN).until(() -> receiver.hits().stream()
				.anyMatch(h -> h.focus().contains("/Task/" + pending + "/")));

		clock.advance(Duration.ofSeconds(90));
		String after = createTask();
		assertThat(NotificationDeliveryIT.outboxRows("Task/" + after)).as("a change after the end").isZero();

		await().atMost(WITHIN).untilAsserted(() -> fhir().get("/Subscription/" + id).then().statusCode(200)
				.body("status", equalTo("off")).body("error", containsString("its end")));

		receiver.answer(200);
		clock.advance(Duration.ofSeconds(45));
		receiver.awaitDelivered(h -> h.focus().contains("/Task/" + pending + "/"), 1, WITHIN);
		String afterOff = createTask();
		assertThat(NotificationDeliveryIT.outboxRows("Task/" + afterOff)).as("a change after turning off").isZero();
		assertThat(receiver.hits()).noneMatch(h -> h.focus().contains("/Task/" + after + "/")
				|| h.focus().contains("/Task/" + afterOff + "/"));

		// Kept for what was still to deliver; once that is out and the end is long enough ago, deleted.
		assertThat(registrations(id)).isOne();
		clock.advance(EndedSubscriptions.KEEP_RETIRED);
		await().atMost(WITHIN).until(() -> registrations(id) == 0);
	}

	private static int registrations(String subscriptionId) throws Exception {
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
				"SELECT COUNT(*) FROM cwh_notify_subscription WHERE subscription_id = ?")) {
			s.setString(1, subscriptionId);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	@Test
	void aSubscriptionWrittenPastItsEndIsStoredOffAndHearsNothing() throws Exception {
		String id = post(endingAt(CwhServerExtension.clock().instant().minus(Duration.ofMinutes(1)))).then()
				.body("status", equalTo("off")).body("error", containsString("its end")).extract().jsonPath()
				.getString("id");
		fhir().get("/Subscription/" + id).then().statusCode(200).body("status", equalTo("off"));

		String task = createTask();
		assertThat(NotificationDeliveryIT.outboxRows("Task/" + task)).isZero();
	}

	@Test
	void anEndMovedIntoThePastTurnsAnActiveSubscriptionOffAtOnce() throws Exception {
		Subscription subscription = endingAt(CwhServerExtension.clock().instant().plus(Duration.ofHours(1)));
		String id = post(subscription).jsonPath().getString("id");
		String before = createTask();
		receiver.awaitDelivered(h -> h.focus().contains("/Task/" + before + "/"), 1, WITHIN);

		subscription.setId(id);
		subscription.setEnd(Date.from(CwhServerExtension.clock().instant().minusSeconds(1)));
		fhirAs(provider).body(ctx.newJsonParser().encodeResourceToString(subscription)).put("/Subscription/" + id)
				.then().statusCode(200).body("status", equalTo("off"));
		String after = createTask();
		assertThat(NotificationDeliveryIT.outboxRows("Task/" + after)).isZero();
	}
}
