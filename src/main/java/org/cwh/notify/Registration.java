package org.cwh.notify;

import java.util.List;
import java.util.Set;

/**
 * What the outbox needs to know of one active rest-hook Subscription, kept in {@code cwh_notify_subscription}
 * beside the Subscription resource and written in the same transaction, so every node matches every write against
 * the same, committed set of Subscriptions. A Subscription turned off at its end keeps its row, hearing no interaction
 * any more, until the notifications written before its end are delivered ({@link EndedSubscriptions}): the outbox
 * reads the endpoint and headers from it.
 *
 * @param subscriptionId the Subscription's logical id
 * @param resourceType the type whose writes it hears about
 * @param topic the topic's canonical url, or null for a plain criteria Subscription
 * @param interactions {@code create}, {@code update} and/or {@code delete}
 * @param criteria queries that must all match the written resource ({@code Task?owner=Organization/x}); may be empty
 * @param endpoint where notifications go
 * @param headers {@code Name: value} lines sent with each notification
 * @param payloadType the content type of notifications, e.g. {@code application/fhir+json}
 * @param endsAt {@code Subscription.end} in epoch milliseconds, null for none: from then on no write matches it
 */
record Registration(String subscriptionId, String resourceType, String topic, Set<String> interactions,
		List<String> criteria, String endpoint, List<String> headers, String payloadType, Long endsAt) {

	Registration {
		interactions = Set.copyOf(interactions);
		criteria = List.copyOf(criteria);
		headers = List.copyOf(headers);
	}

	/** The interaction name of a stored change: {@code create}, {@code update} or {@code delete}. */
	boolean hears(String interaction) {
		return interactions.contains(interaction);
	}
}
