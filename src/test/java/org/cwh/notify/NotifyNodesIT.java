package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.config.SettingsSource;
import org.cwh.server.CwhServer;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several CWH nodes on one database, each its own server in this JVM (the one test class that starts more than the
 * shared server): a node that stops with notifications undelivered leaves them to the next node, and two nodes
 * running together deliver each notification once. Runs on H2 and, tagged postgres, on PostgreSQL, where the nodes
 * claim notifications with {@code FOR UPDATE SKIP LOCKED}. The nodes run with authentication off: access is not
 * what these tests are about.
 */
@Tag("postgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyNodesIT {

	static final FhirContext ctx = FhirContext.forR4Cached();
	static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
	static final Duration WITHIN = Duration.ofSeconds(30);

	static String url;
	static String user;
	static String pgName;
	static final List<CwhServer> nodes = new ArrayList<>();

	@BeforeAll
	static void database() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (CwhServerExtension.onPostgres()) {
			pgName = "cwh_nodes_" + suffix;
			pgAdmin("CREATE DATABASE " + pgName);
			url = "jdbc:postgresql://127.0.0.1:5432/" + pgName;
			user = "postgres";
		} else {
			url = "jdbc:h2:mem:cwh-nodes-" + suffix + ";DB_CLOSE_DELAY=-1";
			user = "";
		}
	}

	@AfterAll
	static void stop() throws Exception {
		nodes.forEach(CwhServer::close);
		if (pgName != null) {
			pgAdmin("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
		}
	}

	private static void pgAdmin(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", ""); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	static CwhServer node() {
		Map<String, String> values = new HashMap<>();
		values.put("cwh.port", "0");
		values.put("cwh.db.url", url);
		values.put("cwh.db.user", user);
		values.put("cwh.auth", "off");
		values.put("cwh.directory.seed", "false");
		values.put("cwh.notify.allowed-endpoints", "localhost");
		values.put("cwh.notify.allow-http", "true");
		CwhServer node = CwhServer.start(SettingsSource.ofValues(values), CwhServerExtension.clock());
		nodes.add(node);
		return node;
	}

	static RequestSpecification on(CwhServer node) {
		return RestAssured.given().baseUri(node.baseUrl()).contentType("application/fhir+json")
				.accept("application/fhir+json");
	}

	static String subscribe(CwhServer node, String owner, String endpoint) {
		return on(node).body(ctx.newJsonParser().encodeResourceToString(NotificationDeliveryIT.topicSubscription(
				NotificationDeliveryIT.OWNER_TOPIC, "Task?owner=Organization/" + owner, endpoint)))
				.post("/Subscription").then().statusCode(201).extract().jsonPath().getString("id");
	}

	static void organization(CwhServer node, String id) {
		on(node).body("{\"resourceType\":\"Organization\",\"id\":\"" + id + "\",\"name\":\"" + id + "\"}")
				.put("/Organization/" + id).then().statusCode(201);
	}

	static String createTask(CwhServer node, String owner) {
		Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
				.setOwner(new Reference("Organization/" + owner));
		return on(node).body(ctx.newJsonParser().encodeResourceToString(task)).post("/Task").then().statusCode(201)
				.extract().jsonPath().getString("id");
	}

	static void receive(CwhServer node, String id, String owner) {
		Task task = new Task().setStatus(Task.TaskStatus.RECEIVED).setIntent(Task.TaskIntent.ORDER)
				.setOwner(new Reference("Organization/" + owner));
		task.setId(id);
		on(node).body(ctx.newJsonParser().encodeResourceToString(task)).put("/Task/" + id).then().statusCode(200);
	}

	static int failedAttempts(CwhServer node, String subscriptionId) throws Exception {
		try (Connection c = node.bean(DataSource.class).getConnection(); PreparedStatement s = c.prepareStatement(
				"SELECT COALESCE(SUM(attempts), 0) FROM cwh_notify_outbox WHERE subscription_id = ? "
						+ "AND delivered_at IS NULL")) {
			s.setString(1, subscriptionId);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	@Test
	@Order(1)
	void aRestartedServerDeliversWhatTheStoppedOneLeft() throws Exception {
		int port;
		try (Receiver reserved = new Receiver()) {
			port = reserved.port();
		}
		// The receiver is down (nothing listens on its port) while the first node writes and tries.
		CwhServer first = node();
		String owner = "nodes-owner-" + UUID.randomUUID().toString().substring(0, 8);
		organization(first, owner);
		String subscription = subscribe(first, owner, "http://localhost:" + port + "/hook");
		String task = createTask(first, owner);
		receive(first, task, owner);
		long deadline = System.nanoTime() + WITHIN.toNanos();
		while (failedAttempts(first, subscription) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(failedAttempts(first, subscription)).as("the first node tried and failed").isPositive();
		// Stopped after one or two failures: the next attempt is due 10 or 20 s later (clock moved past it below).
		first.close();
		nodes.remove(first);

		try (Receiver receiver = new Receiver(port)) {
			node();
			CwhServerExtension.clock().advance(Duration.ofSeconds(45));
			List<Receiver.Hit> hits = receiver.awaitDelivered(h -> h.focus().contains("/Task/" + task + "/"), 2,
					WITHIN);
			assertThat(hits).extracting(Receiver.Hit::eventNumber).containsExactly(1L, 2L);
			assertThat(hits.get(0).focus()).endsWith("/Task/" + task + "/_history/1");
			assertThat(hits.get(1).focus()).endsWith("/Task/" + task + "/_history/2");
		}
	}

	@Test
	@Order(2)
	void twoNodesDeliverEachNotificationOnce() throws Exception {
		CwhServer one = nodes.isEmpty() ? node() : nodes.get(0);
		CwhServer two = node();
		String owner = "nodes-pair-" + UUID.randomUUID().toString().substring(0, 8);
		organization(one, owner);
		try (Receiver receiver = new Receiver()) {
			// A plain criteria Subscription this time (no topic).
			String subscription = """
					{"resourceType":"Subscription","status":"requested","reason":"two nodes",
					 "criteria":"Task?owner=Organization/%s",
					 "channel":{"type":"rest-hook","endpoint":"%s","payload":"application/fhir+json"}}"""
					.formatted(owner, receiver.endpoint());
			on(two).body(subscription).post("/Subscription").then().statusCode(201);
			List<String> tasks = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				CwhServer writer = i % 2 == 0 ? one : two;
				String task = createTask(writer, owner);
				receive(i % 3 == 0 ? one : two, task, owner);
				tasks.add(task);
			}
			receiver.awaitDelivered(h -> true, 40, WITHIN);
			// Both nodes poll; give a duplicate the time to show up before counting.
			Thread.sleep(3_000);
			List<Receiver.Hit> hits = receiver.hits();
			assertThat(hits).hasSize(40).allMatch(Receiver.Hit::delivered);
			assertThat(hits).extracting(Receiver.Hit::eventNumber).doesNotHaveDuplicates();
			assertThat(hits).extracting(Receiver.Hit::eventNumber).allMatch(n -> n >= 1 && n <= 40);
			for (String task : tasks) {
				assertThat(hits).filteredOn(h -> h.focus().contains("/Task/" + task + "/"))
						.extracting(h -> h.focus().substring(h.focus().lastIndexOf('/') + 1))
						.containsExactly("1", "2");
			}
		}
	}
}
