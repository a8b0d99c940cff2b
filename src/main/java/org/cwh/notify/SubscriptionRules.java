package org.cwh.notify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.cwh.security.Caller;
import org.cwh.security.Caller.Role;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;

/**
 * What a Subscription must be for this server to deliver it, and who may write which: rest-hook, id-only payload
 * (Backport IG {@code backport-payload-content}; absent means id-only), an endpoint the {@link EndpointPolicy}
 * allows, {@code Name: value} headers, and either a known topic url with Backport {@code backport-filter-criteria}
 * filters or a plain query ({@code Task?owner=Organization/x}) the in-memory matcher can evaluate. A provider may
 * subscribe only to Tasks its organization owns ({@code owner=Organization/<own>}), a referrer to Tasks it requested
 * ({@code requester=…}), an admin or the server itself to anything; an agency to nothing.
 */
final class SubscriptionRules {

	static final String FILTER_CRITERIA =
			"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria";
	static final String PAYLOAD_CONTENT =
			"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
	private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*([^\\r\\n]*)");
	private static final Set<String> SERVER_HEADERS =
			Set.of("host", "content-length", "content-type", "connection", "expect", "upgrade", "transfer-encoding");

	private final EndpointPolicy endpoints;
	private final Function<String, Optional<Topic>> topics;
	private final Function<String, Optional<String>> unsupportedCriteria;

	/**
	 * @param topics the active topic with this canonical url
	 * @param unsupportedCriteria why the in-memory matcher cannot evaluate a query, or empty when it can
	 */
	SubscriptionRules(EndpointPolicy endpoints, Function<String, Optional<Topic>> topics,
			Function<String, Optional<String>> unsupportedCriteria) {
		this.endpoints = endpoints;
		this.topics = topics;
		this.unsupportedCriteria = unsupportedCriteria;
	}

	/** The registration of a valid Subscription, or the refusal (422, or 403 for the caller) as an exception. */
	Registration check(Subscription subscription, Optional<Caller> caller, Collection<String> knownTopics) {
		Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
		if (channel.getType() != SubscriptionChannelType.RESTHOOK) {
			throw NotifyError.CHANNEL_NOT_REST_HOOK.refuse("Subscription.channel.type",
					channel.getType() == null ? "no channel type" : channel.getType().toCode());
		}
		String content = extension(channel.getPayloadElement().getExtensionsByUrl(PAYLOAD_CONTENT));
		if (content != null && !content.equals("id-only")) {
			throw NotifyError.PAYLOAD_NOT_ID_ONLY.refuse("Subscription.channel.payload", content);
		}
		String endpoint = channel.getEndpoint();
		endpoints.refusal(endpoint).ifPresent(reason -> {
			throw NotifyError.ENDPOINT_NOT_ALLOWED.refuse("Subscription.channel.endpoint", reason);
		});
		List<String> headers = new ArrayList<>();
		for (var header : channel.getHeader()) {
			String line = header.getValue();
			var m = line == null ? null : HEADER.matcher(line);
			if (m == null || !m.matches() || SERVER_HEADERS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
				throw NotifyError.HEADER_INVALID.refuse("Subscription.channel.header", line);
			}
			headers.add(line);
		}

		String criteria = subscription.getCriteria() == null ? "" : subscription.getCriteria().trim();
		String topicUrl = null;
		String resourceType;
		Set<String> interactions;
		List<String> queries = new ArrayList<>();
		if (criteria.startsWith("http://") || criteria.startsWith("https://")) {
			Topic topic = topics.apply(criteria).orElseThrow(() -> NotifyError.TOPIC_UNKNOWN
					.refuse("Subscription.criteria", criteria, String.join(", ", knownTopics)));
			topicUrl = topic.url();
			resourceType = topic.resourceType();
			interactions = topic.interactions();
			for (Extension filter : subscription.getCriteriaElement().getExtensionsByUrl(FILTER_CRITERIA)) {
				String value = filter.getValue() == null ? "" : filter.getValue().primitiveValue().trim();
				queries.add(value.contains("?") ? value : resourceType + "?" + value);
			}
		} else {
			int q = criteria.indexOf('?');
			resourceType = q < 0 ? criteria : criteria.substring(0, q);
			if (!resourceType.matches("[A-Z][A-Za-z]+")) {
				throw NotifyError.CRITERIA_INVALID.refuse("Subscription.criteria", criteria,
						"it is neither a topic url nor a query such as Task?owner=Organization/x");
			}
			interactions = Set.of("create", "update");
			queries.add(criteria);
		}
		for (String query : queries) {
			if (!query.startsWith(resourceType + "?") && !query.equals(resourceType)) {
				throw NotifyError.CRITERIA_INVALID.refuse("Subscription.criteria", query,
						"it must query " + resourceType + ", the resource of the topic");
			}
			unsupportedCriteria.apply(query).ifPresent(reason -> {
				throw NotifyError.CRITERIA_INVALID.refuse("Subscription.criteria", query, reason);
			});
		}
		caller.ifPresent(c -> authorize(c, resourceType, queries));
		String payloadType = channel.hasPayload() ? channel.getPayload() : "application/fhir+json";
		return new Registration(subscription.getIdElement().getIdPart(), resourceType, topicUrl, interactions,
				queries, endpoint, headers, payloadType, SubscriptionEnd.of(subscription));
	}

	private static void authorize(Caller caller, String resourceType, List<String> queries) {
		if (caller.hasRole(Role.ADMIN)) {
			return;
		}
		String own = caller.organizationReference();
		List<String> may = new ArrayList<>();
		if (caller.hasRole(Role.PROVIDER)) {
			may.add("owner");
		}
		if (caller.hasRole(Role.REFERRER)) {
			may.add("requester");
		}
		if (resourceType.equals("Task")) {
			for (String query : queries) {
				for (String parameter : may) {
					if (restricts(query, parameter, caller.organizationId())) {
						return;
					}
				}
			}
		}
		String needed = may.isEmpty() ? "(no role that may subscribe)"
				: String.join(" or ", may.stream().map(p -> "Task?" + p + "=" + own).toList());
		throw NotifyError.NOT_YOUR_TASKS.refuse("Subscription.criteria", caller.clientId(), needed);
	}

	/** Whether a query has {@code parameter} with only the caller's organization as value(s). */
	static boolean restricts(String query, String parameter, String organizationId) {
		int q = query.indexOf('?');
		if (q < 0) {
			return false;
		}
		Set<String> own = Set.of(organizationId, "Organization/" + organizationId);
		for (String pair : query.substring(q + 1).split("&")) {
			int eq = pair.indexOf('=');
			if (eq < 0) {
				continue;
			}
			String name = decode(pair.substring(0, eq));
			if (!name.equals(parameter)) {
				continue;
			}
			Set<String> values = new LinkedHashSet<>(List.of(decode(pair.substring(eq + 1)).split(",", -1)));
			if (own.containsAll(values)) {
				return true;
			}
		}
		return false;
	}

	private static String decode(String s) {
		try {
			return URLDecoder.decode(s, StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			return s;
		}
	}

	private static String extension(List<Extension> extensions) {
		return extensions.isEmpty() || extensions.get(0).getValue() == null ? null
				: extensions.get(0).getValue().primitiveValue();
	}
}
