package org.cwh.notify;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryMatchResult;
import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryResourceMatcher;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.SettingsSource;
import org.cwh.config.SharedSettings;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * Notifications that never get lost: R4 rest-hook Subscriptions (Backport IG topics or plain criteria) checked and
 * registered on write, an outbox row per matching change written in that change's transaction ({@link OutboxWriter}),
 * this node's {@link Dispatcher} delivering the outbox with retries, and {@link EndedSubscriptions} turning off the
 * Subscriptions whose {@code end} has passed. HAPI's own subscription processing stays off (no subscription type is
 * enabled in its {@code SubscriptionSettings}): its in-memory delivery gives up after about a minute and forgets on
 * restart. Always on; deliveries go only to endpoints allowed by {@code cwh.notify.allowed-endpoints} (empty by
 * default, so nothing is delivered until the operator allows a host).
 */
@Configuration
public class NotifyConfig {

	@Bean
	public NotifySettings notifySettings(SettingsSource source) {
		return NotifySettings.from(source);
	}

	@Bean(destroyMethod = "close")
	Dispatcher notifyDispatcher(NotifySettings settings, DataSource dataSource, DatabaseSettings db, FhirContext ctx,
			Clock clock, SettingsSource source) {
		NotifyTables.create(dataSource);
		Outbox outbox = new Outbox(dataSource, db.kind() == DatabaseSettings.Kind.POSTGRESQL,
				"node-" + UUID.randomUUID().toString().substring(0, 8));
		Dispatcher dispatcher = new Dispatcher(outbox, settings, ctx, clock, source.string(SharedSettings.PUBLIC_URL));
		dispatcher.start();
		return dispatcher;
	}

	@Bean(destroyMethod = "close")
	EndedSubscriptions endedSubscriptions(DataSource dataSource, DaoRegistry daos, Clock clock,
			NotifySettings settings) {
		return new EndedSubscriptions(dataSource, daos, clock, settings.pollInterval());
	}

	@Bean
	OutboxWriter outboxWriter(IInterceptorService storageInterceptors, EntityManagerFactory emf, DaoRegistry daos,
			NotifySettings settings, SearchParamMatcher matcher, InMemoryResourceMatcher inMemory, Clock clock,
			Dispatcher dispatcher) {
		SubscriptionRules rules = new SubscriptionRules(EndpointPolicy.of(settings), url -> topic(daos, url),
				criteria -> unsupported(inMemory.canBeEvaluatedInMemory(criteria)));
		OutboxWriter writer = new OutboxWriter(
				new TransactionalStore(SharedEntityManagerCreator.createSharedEntityManager(emf)), rules,
				() -> topicUrls(daos), matcher, clock, dispatcher::wake);
		storageInterceptors.registerInterceptor(writer);
		return writer;
	}

	private static Optional<String> unsupported(InMemoryMatchResult result) {
		return result.supported() ? Optional.empty() : Optional.of(result.getUnsupportedReason());
	}

	private static Optional<Topic> topic(DaoRegistry daos, String url) {
		return topics(daos).stream().filter(t -> t.url().equals(url)).findFirst();
	}

	private static Collection<String> topicUrls(DaoRegistry daos) {
		return topics(daos).stream().map(Topic::url).toList();
	}

	/** The active topics stored as Backport {@code Basic} resources (the IG's are stored at start). */
	private static List<Topic> topics(DaoRegistry daos) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(Basic.SP_CODE, new TokenParam(Topic.CODE_SYSTEM, Topic.CODE));
		List<Topic> topics = new ArrayList<>();
		for (IBaseResource resource : daos.getResourceDao(Basic.class).searchForResources(query,
				new SystemRequestDetails())) {
			Topic.of((Basic) resource).ifPresent(topics::add);
		}
		return topics;
	}
}
