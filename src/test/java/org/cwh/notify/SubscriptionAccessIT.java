package org.cwh.notify;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.fhirAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import java.util.UUID;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may subscribe to what, and where notifications may go, over HTTP: a provider to the Tasks it owns, a referrer
 * to the Tasks it requested, nobody to an address the operator has not allowed (SSRF); refusals are OperationOutcomes
 * with a CWH code and nothing is stored.
 */
@ExtendWith(CwhServerExtension.class)
class SubscriptionAccessIT {

	static final FhirContext ctx = FhirContext.forR4Cached();
	static final String REQUESTER_TOPIC = "http://cwh.example.org/fhir/SubscriptionTopic/cwh-task-for-requester";

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private final TestClient provider = CwhServerExtension.client("notify-acl-owner-" + run,
			"system/Subscription.cruds", Role.PROVIDER);
	private final TestClient referrer = CwhServerExtension.client("notify-acl-referrer-" + run,
			"system/Subscription.cruds", Role.REFERRER);

	private static String json(Subscription s) {
		return ctx.newJsonParser().encodeResourceToString(s);
	}

	@Test
	void aProviderSubscribesToItsOwnTasksOnly() {
		String own = "Task?owner=Organization/" + provider.organizationId();
		fhirAs(provider).body(json(NotificationDeliveryIT.topicSubscription(NotificationDeliveryIT.OWNER_TOPIC, own,
				"http://localhost:9/hook"))).post("/Subscription").then().statusCode(201)
				.body("status", equalTo("active"));

		String endpoint = "http://localhost:9/other-" + run;
		fhirAs(provider).body(json(NotificationDeliveryIT.topicSubscription(NotificationDeliveryIT.OWNER_TOPIC,
				"Task?owner=Organization/" + referrer.organizationId(), endpoint))).post("/Subscription")
				.then().statusCode(403)
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].details.coding[0].code", equalTo("CWH-1307"));
		fhir().get("/Subscription?url=" + endpoint).then().statusCode(200).body("total", equalTo(0));
	}

	@Test
	void aReferrerSubscribesToTheTasksItRequested() {
		fhirAs(referrer).body(json(NotificationDeliveryIT.topicSubscription(REQUESTER_TOPIC,
				"Task?requester=Organization/" + referrer.organizationId(), "http://localhost:9/hook")))
				.post("/Subscription").then().statusCode(201);
		fhirAs(referrer).body(json(NotificationDeliveryIT.topicSubscription(NotificationDeliveryIT.OWNER_TOPIC,
				"Task?owner=Organization/" + referrer.organizationId(), "http://localhost:9/hook")))
				.post("/Subscription").then().statusCode(403);
	}

	@Test
	void anEndpointTheOperatorHasNotAllowedIsRefused() {
		for (String endpoint : new String[] {"https://evil.example.net/hook-" + run,
			"http://169.254.169.254/latest/meta-data/" + run, "http://localhost.evil.net/" + run,
			"http://user@localhost/" + run}) {
			fhirAs(provider).body(json(NotificationDeliveryIT.topicSubscription(NotificationDeliveryIT.OWNER_TOPIC,
					"Task?owner=Organization/" + provider.organizationId(), endpoint))).post("/Subscription")
					.then().statusCode(422)
					.body("issue[0].details.coding[0].code", equalTo("CWH-1302"))
					.body("issue[0].expression[0]", equalTo("Subscription.channel.endpoint"));
			fhir().get("/Subscription?url=" + endpoint).then().statusCode(200).body("total", equalTo(0));
		}
	}

	@Test
	void anUpdateIsCheckedLikeACreate() {
		Subscription s = NotificationDeliveryIT.topicSubscription(NotificationDeliveryIT.OWNER_TOPIC,
				"Task?owner=Organization/" + provider.organizationId(), "http://localhost:9/hook");
		String id = fhirAs(provider).body(json(s)).post("/Subscription").then().statusCode(201).extract().jsonPath()
				.getString("id");
		s.setId(id);
		s.getChannel().setEndpoint("https://metadata.internal/steal");
		fhirAs(provider).body(json(s)).put("/Subscription/" + id).then().statusCode(422)
				.body("issue[0].diagnostics", containsString("not on this server's list"));
		fhir().get("/Subscription/" + id).then().statusCode(200)
				.body("channel.endpoint", equalTo("http://localhost:9/hook"));
	}
}
