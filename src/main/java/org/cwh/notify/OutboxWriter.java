package org.cwh.notify;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryMatchResult;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.cwh.config.InterceptorOrder;
import org.cwh.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes notifications durable the moment their change commits. On HAPI's JPA interceptor service, so every write path
 * passes (REST, PATCH, transaction and batch entries, internal writes):
 * <ul>
 * <li>a Subscription written is checked ({@link SubscriptionRules}: 422 or 403 with an OperationOutcome, nothing
 * stored), a {@code requested} one becomes {@code active}, and its registration is written or removed in the same
 * transaction; one written at or after its {@code end} is stored {@code off} instead ({@link SubscriptionEnd});</li>
 * <li>any other resource created, updated or deleted is matched against the registrations of its type with HAPI's
 * in-memory matcher (topic trigger, Backport filters, plain criteria; a registration whose end has come matches
 * nothing). A delete is heard only by topics whose trigger includes {@code delete} (plain criteria mean create and
 * update, as in R4), and a deleted resource is matched as it was before the delete. One outbox row per match is
 * written through the write's own transaction ({@link TransactionalStore}) just before it commits, so a rolled-back
 * change leaves no notification and a committed one cannot lose it. After the commit the local {@link Dispatcher}
 * is woken.</li>
 * </ul>
 * Registered by {@link NotifyConfig}; always on.
 */
@Interceptor
final class OutboxWriter {

	private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);

	private final TransactionalStore store;
	private final SubscriptionRules rules;
	private final Supplier<Collection<String>> knownTopics;
	private final SearchParamMatcher matcher;
	private final Clock clock;
	private final Runnable wake;

	OutboxWriter(TransactionalStore store, SubscriptionRules rules, Supplier<Collection<String>> knownTopics,
			SearchParamMatcher matcher, Clock clock, Runnable wake) {
		this.store = store;
		this.rules = rules;
		this.knownTopics = knownTopics;
		this.matcher = matcher;
		this.clock = clock;
		this.wake = wake;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = InterceptorOrder.NOTIFY)
	public void checkCreate(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Subscription subscription) {
			check(subscription, request);
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = InterceptorOrder.NOTIFY)
	public void checkUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request) {
		if (updated instanceof Subscription subscription) {
			check(subscription, request);
		}
	}

	private void check(Subscription subscription, RequestDetails request) {
		// A Subscription written past its end is accepted and stored off, not refused: that is what its end asks for.
		SubscriptionEnd.turnOffIfEnded(subscription, clock.millis());
		if (!delivers(subscription)) {
			return;
		}
		rules.check(subscription, Caller.of(request), knownTopics.get());
		if (subscription.getStatus() == SubscriptionStatus.REQUESTED) {
			subscription.setStatus(SubscriptionStatus.ACTIVE);
		}
	}

	/** Off and error Subscriptions are stored as they are and deliver nothing; all others must be deliverable. */
	private static boolean delivers(Subscription subscription) {
		return subscription.getStatus() != SubscriptionStatus.OFF
				&& subscription.getStatus() != SubscriptionStatus.ERROR;
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = InterceptorOrder.NOTIFY)
	public void created(IBaseResource resource, RequestDetails request) {
		stored(resource, "create", request);
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = InterceptorOrder.NOTIFY)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		stored(resource, "update", request);
	}

	/**
	 * HAPI passes the resource as it was before the delete, with the id of the deleting version: the filters are
	 * evaluated against what was deleted, and the notification's focus names the version that deleted it.
	 */
	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, order = InterceptorOrder.NOTIFY)
	public void deleted(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Subscription subscription) {
			store.unregister(subscription.getIdElement().getIdPart());
			return;
		}
		writeNotifications(resource, "delete", request);
	}

	private void stored(IBaseResource resource, String interaction, RequestDetails request) {
		if (resource instanceof Subscription subscription) {
			String id = subscription.getIdElement().getIdPart();
			Long end = SubscriptionEnd.of(subscription);
			if (delivers(subscription)) {
				// The registration is what the outbox matches; the checked fields were validated at PRESTORAGE.
				store.register(rules.check(subscription, Optional.empty(), knownTopics.get()));
			} else if (SubscriptionEnd.passed(end, clock.millis())) {
				// Off at its end: what was written before the end still goes out, from the registration it keeps.
				store.retire(id, end);
			} else {
				store.unregister(id);
			}
			return;
		}
		writeNotifications(resource, interaction, request);
	}

	/** Writes an outbox row for each registration that hears this interaction and whose filters match. */
	private void writeNotifications(IBaseResource resource, String interaction, RequestDetails request) {
		String type = resource.getIdElement().getResourceType();
		if (type == null) {
			return;
		}
		boolean appended = false;
		long now = clock.millis();
		for (Registration registration : store.registrationsFor(type, now)) {
			if (registration.hears(interaction) && matches(registration, resource, request)) {
				appended |= store.append(registration.subscriptionId(),
						type + "/" + resource.getIdElement().getIdPart(), version(resource), interaction,
						serverBase(request), now);
			}
		}
		if (appended && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake.run();
				}
			});
		}
	}

	private boolean matches(Registration registration, IBaseResource resource, RequestDetails request) {
		for (String criteria : registration.criteria()) {
			InMemoryMatchResult result = matcher.match(criteria, resource, request);
			if (!result.supported()) {
				log.warn("notify: Subscription/{} criteria cannot be evaluated in memory: {}",
						registration.subscriptionId(), result.getUnsupportedReason());
				return false;
			}
			if (!result.matched()) {
				return false;
			}
		}
		return true;
	}

	private static long version(IBaseResource resource) {
		String version = resource.getIdElement().getVersionIdPart();
		if (version == null) {
			version = resource.getMeta().getVersionId();
		}
		try {
			return version == null ? 0 : Long.parseLong(version);
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private static String serverBase(RequestDetails request) {
		try {
			return request == null ? null : request.getFhirServerBase();
		} catch (RuntimeException e) {
			return null;
		}
	}
}
