package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deletes over HTTP: a Subscription to a topic whose trigger includes {@code delete} hears a deleted Task that its
 * filter matched, as an id-only notification with request DELETE, after the Task's earlier notifications, also when
 * the receiver was down meanwhile; a Task its filter did not match, and a plain criteria Subscription (create and
 * update only, as in R4), hear nothing of a delete. None of the IG's topics includes delete, so the test stores its
 * own topic.
 */
@ExtendWith(CwhServerExtension.class)
class DeleteNotificationIT {

	static final FhirContext ctx = FhirContext.forR4Cached();
	static final Duration WITHIN = Duration.ofSeconds(20);
	private static final String R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.";
	private static final String R4B = "http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.";

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private final String owner = "notify-delete-owner-" + run;
	private final String otherOwner = "notify-delete-other-" + run;
	private final String topic = "http://cwh.example.org/fhir/SubscriptionTopic/test-task-deleted-" + run;
	private Receiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		receiver = new Receiver();
		CwhServerExtension.ensureOrganization(owner);
		CwhServerExtension.ensureOrganization(otherOwner);
		fhir().body(ctx.newJsonParser().encodeResourceToString(topic(topic, "create", "update", "delete")))
				.post("/Basic").then().statusCode(201);
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	/** A Backport topic on Task with these interactions, shaped as the IG's are (ig/input/fsh/rulesets/TaskTopic.fsh). */
	static Basic topic(String url, String... interactions) {
		Basic basic = new Basic();
		basic.getCode().addCoding().setSystem(Topic.CODE_SYSTEM).setCode(Topic.CODE);
		basic.addModifierExtension(new Extension(R5 + "status", new CodeType("active")));
		basic.addExtension(R5 + "url", new UriType(url));
		Extension trigger = basic.addExtension().setUrl(R4B + "resourceTrigger");
		trigger.addExtension("resource", new UriType("Task"));
		for (String interaction : interactions) {
			trigger.addExtension("supportedInteraction", new CodeType(interaction));
		}
		return basic;
	}

	private String subscribe(Subscription subscription) {
		return fhir().body(ctx.newJsonParser().encodeResourceToString(subscription)).post("/Subscription").then()
				.statusCode(201).body("status", equalTo("active")).extract().jsonPath().getString("id");
	}

	private String createTask(String taskOwner) {
		Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.setOwner(new Reference("Organization/" + taskOwner));
		return fhir().body(ctx.newJsonParser().encodeResourceToString(task)).post("/Task").then().statusCode(201)
				.extract().jsonPath().getString("id");
	}

	private void receive(String id) {
		Task task = new Task().setStatus(Task.TaskStatus.RECEIVED).setIntent(Task.TaskIntent.ORDER);
		task.setOwner(new Reference("Organization/" + owner)).setId(id);
		fhir().body(ctx.newJsonParser().encodeResourceToString(task)).put("/Task/" + id).then().statusCode(200);
	}

	private void delete(String id) {
		fhir().delete("/Task/" + id).then().statusCode(200);
	}

	@Test
	void aDeletedTaskTheFilterMatchedIsNotifiedAfterItsEarlierChangesIdsOnly() throws Exception {
		String subscriptionId = subscribe(NotificationDeliveryIT.topicSubscription(topic,
				"Task?owner=Organization/" + owner, receiver.endpoint()));
		// The receiver is down while the Task is created, changed and deleted: the delete must still come last.
		receiver.answer(500);
		String task = createTask(owner);
		receive(task);
		delete(task);
		String other = createTask(otherOwner);
		delete(other);
		await().atMost(WITHIN).until(() -> !receiver.hits().isEmpty());
		assertThat(receiver.hits()).noneMatch(h -> h.focus().endsWith("/_history/2") || h.focus().endsWith("/_history/3"));

		receiver.answer(200);
		CwhServerExtension.clock().advance(Duration.ofSeconds(45));
		List<Receiver.Hit> hits = receiver.awaitDelivered(h -> h.focus().contains("/Task/" + task + "/"), 3, WITHIN);
		assertThat(hits).extracting(h -> h.focus().substring(h.focus().indexOf("/Task/")))
				.containsExactly("/Task/" + task + "/_history/1", "/Task/" + task + "/_history/2",
						"/Task/" + task + "/_history/3");
		assertThat(hits).extracting(Receiver.Hit::eventNumber).containsExactly(1L, 2L, 3L);

		Receiver.Hit deleted = hits.get(2);
		assertThat(deleted.subscription()).endsWith("/Subscription/" + subscriptionId);
		assertThat(deleted.status().getParameter("topic").getValue().primitiveValue()).isEqualTo(topic);
		Bundle.BundleEntryComponent entry = deleted.bundle().getEntry().get(1);
		assertThat(entry.getFullUrl()).endsWith("/fhir/Task/" + task);
		assertThat(entry.hasResource()).isFalse();
		assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE);
		assertThat(entry.getRequest().getUrl()).isEqualTo("Task/" + task);
		fhir().get("/Task/" + task).then().statusCode(410);

		assertThat(NotificationDeliveryIT.outboxRows("Task/" + other)).as("not the filter's Task").isZero();
	}

	@Test
	void aTopicWithoutDeleteAndPlainCriteriaHearNoDelete() throws Exception {
		String createUpdateTopic = topic + "-no-delete";
		fhir().body(ctx.newJsonParser().encodeResourceToString(topic(createUpdateTopic, "create", "update")))
				.post("/Basic").then().statusCode(201);
		String viaTopic = subscribe(NotificationDeliveryIT.topicSubscription(createUpdateTopic,
				"Task?owner=Organization/" + owner, receiver.endpoint()));
		Subscription plain = NotificationDeliveryIT.topicSubscription("Task?owner=Organization/" + owner, "",
				receiver.endpoint());
		plain.getCriteriaElement().getExtension().clear();
		String viaCriteria = subscribe(plain);

		String task = createTask(owner);
		delete(task);

		assertThat(rows(viaTopic, "Task/" + task)).containsExactly("create");
		assertThat(rows(viaCriteria, "Task/" + task)).containsExactly("create");
	}

	/** The interactions of the outbox rows of one Subscription and focus, in the order written. */
	private static List<String> rows(String subscriptionId, String focus) throws Exception {
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
				"SELECT interaction FROM cwh_notify_outbox WHERE subscription_id = ? AND focus = ? ORDER BY id")) {
			s.setString(1, subscriptionId);
			s.setString(2, focus);
			try (ResultSet rs = s.executeQuery()) {
				List<String> interactions = new ArrayList<>();
				while (rs.next()) {
					interactions.add(rs.getString(1));
				}
				return interactions;
			}
		}
	}
}
