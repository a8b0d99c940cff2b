package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cwh.security.Caller;
import org.cwh.security.Caller.Role;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionRulesTest {

	static final String TOPIC = "http://cwh.example.org/fhir/SubscriptionTopic/cwh-task-for-owner";
	private final SubscriptionRules rules = new SubscriptionRules(
			new EndpointPolicy(List.of("hooks.example.org"), false),
			url -> url.equals(TOPIC) ? Optional.of(new Topic(TOPIC, "Task", Set.of("create", "update")))
					: Optional.empty(),
			criteria -> criteria.contains("_text") ? Optional.of("_text is not evaluated in memory") : Optional.empty());

	private static Subscription subscription(String criteria, String... filters) {
		Subscription s = new Subscription().setCriteria(criteria).setStatus(Subscription.SubscriptionStatus.REQUESTED);
		s.setId("s1");
		for (String filter : filters) {
			s.getCriteriaElement().addExtension(SubscriptionRules.FILTER_CRITERIA, new StringType(filter));
		}
		s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
				.setEndpoint("https://hooks.example.org/in").setPayload("application/fhir+json");
		return s;
	}

	private static Optional<Caller> caller(String org, Role... roles) {
		return Optional.of(new Caller("c-" + org, org, Set.of(roles), Set.of()));
	}

	private static String code(Runnable r) {
		try {
			r.run();
			return "allowed";
		} catch (BaseServerResponseException e) {
			return e.getStatusCode() + " " + e.getMessage().substring(0, 8);
		}
	}

	@Test
	void aTopicSubscriptionRegistersItsTriggerAndFilters() {
		Registration r = rules.check(subscription(TOPIC, "Task?owner=Organization/a"), caller("a", Role.PROVIDER),
				List.of(TOPIC));
		assertThat(r.resourceType()).isEqualTo("Task");
		assertThat(r.topic()).isEqualTo(TOPIC);
		assertThat(r.criteria()).containsExactly("Task?owner=Organization/a");
		assertThat(r.interactions()).containsExactlyInAnyOrder("create", "update");
		// A filter without the resource type is the R5 form; it is read as a query on the topic's resource.
		assertThat(rules.check(subscription(TOPIC, "owner=Organization/a"), Optional.empty(), List.of()).criteria())
				.containsExactly("Task?owner=Organization/a");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"a | PROVIDER | Task?owner=Organization/a | allowed",
		"a | PROVIDER | Task?owner=a | allowed",
		"a | PROVIDER | Task?owner=Organization%2Fa&status=requested | allowed",
		"a | PROVIDER | Task?owner=Organization/b | 403 CWH-1307",
		"a | PROVIDER | Task?owner=Organization/a,Organization/b | 403 CWH-1307",
		"a | PROVIDER | Task?requester=Organization/a | 403 CWH-1307",
		"a | PROVIDER | Task | 403 CWH-1307",
		"a | REFERRER | Task?requester=Organization/a | allowed",
		"a | REFERRER | Task?owner=Organization/a | 403 CWH-1307",
		"a | AGENCY | Task?owner=Organization/a | 403 CWH-1307",
		"a | ADMIN | Task | allowed",
		"a | PROVIDER | Patient?organization=Organization/a | 403 CWH-1307",
		"a | ADMIN | Task?_text=x | 422 CWH-1304",
		"a | ADMIN | http://example.org/unknown-topic | 422 CWH-1305",
		"a | ADMIN | task?owner=x | 422 CWH-1304"})
	void whoMaySubscribeToWhat(String org, Role role, String criteria, String expected) {
		assertThat(code(() -> rules.check(subscription(criteria), caller(org, role), List.of(TOPIC))))
				.isEqualTo(expected);
	}

	@Test
	void topicFiltersDecideForTopicSubscriptions() {
		assertThat(code(() -> rules.check(subscription(TOPIC, "Task?owner=Organization/a"),
				caller("a", Role.PROVIDER), List.of()))).isEqualTo("allowed");
		assertThat(code(() -> rules.check(subscription(TOPIC), caller("a", Role.PROVIDER), List.of())))
				.isEqualTo("403 CWH-1307");
		assertThat(code(() -> rules.check(subscription(TOPIC, "Patient?name=x"), caller("a", Role.ADMIN),
				List.of()))).isEqualTo("422 CWH-1304");
		assertThat(code(() -> rules.check(subscription(TOPIC), Optional.empty(), List.of()))).isEqualTo("allowed");
	}

	@Test
	void channelPayloadEndpointAndHeadersAreChecked() {
		Subscription email = subscription("Task");
		email.getChannel().setType(Subscription.SubscriptionChannelType.EMAIL);
		assertThat(code(() -> rules.check(email, Optional.empty(), List.of()))).isEqualTo("422 CWH-1301");

		Subscription full = subscription("Task");
		full.getChannel().getPayloadElement().addExtension(SubscriptionRules.PAYLOAD_CONTENT,
				new CodeType("full-resource"));
		assertThat(code(() -> rules.check(full, Optional.empty(), List.of()))).isEqualTo("422 CWH-1303");

		Subscription elsewhere = subscription("Task");
		elsewhere.getChannel().setEndpoint("https://10.0.0.1/admin");
		assertThat(code(() -> rules.check(elsewhere, Optional.empty(), List.of()))).isEqualTo("422 CWH-1302");
		Subscription plain = subscription("Task");
		plain.getChannel().setEndpoint("http://hooks.example.org/in");
		assertThat(code(() -> rules.check(plain, Optional.empty(), List.of()))).isEqualTo("422 CWH-1302");

		for (String bad : List.of("no colon", "Host: evil", "Content-Length: 1", "X: a\r\nY: b")) {
			Subscription s = subscription("Task");
			s.getChannel().addHeader(bad);
			assertThat(code(() -> rules.check(s, Optional.empty(), List.of()))).as(bad).isEqualTo("422 CWH-1306");
		}
		Subscription good = subscription("Task");
		good.getChannel().addHeader("Authorization: Bearer x");
		assertThat(rules.check(good, Optional.empty(), List.of()).headers()).containsExactly("Authorization: Bearer x");
	}

	@Test
	void restrictsReadsOnlyTheNamedParameter() {
		assertThat(SubscriptionRules.restricts("Task?owner=Organization/a", "owner", "a")).isTrue();
		assertThat(SubscriptionRules.restricts("Task?owner:Organization=a", "owner", "a")).isFalse();
		assertThat(SubscriptionRules.restricts("Task?status=requested", "owner", "a")).isFalse();
		assertThatThrownBy(() -> rules.check(subscription("Task?owner=Organization/b"), caller("a", Role.PROVIDER),
				List.of())).hasMessageContaining("Task?owner=Organization/a");
	}
}
