package org.cwh.notify;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Extension;

/**
 * An R4 SubscriptionTopic as the Backport IG stores it, a {@code Basic} with code {@code SubscriptionTopic} and the
 * R5 elements as cross-version extensions: its canonical url and the resource trigger (which resource type, which
 * interactions). Filters come from the Subscription; what it may filter by is documentation for the subscriber.
 *
 * @param url canonical url, what {@code Subscription.criteria} names
 * @param resourceType the trigger's resource, e.g. {@code Task}
 * @param interactions {@code create}, {@code update} and/or {@code delete}
 */
record Topic(String url, String resourceType, Set<String> interactions) {

	static final String CODE_SYSTEM = "http://hl7.org/fhir/fhir-types";
	static final String CODE = "SubscriptionTopic";
	private static final String R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.";
	private static final String R4B = "http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.";

	Topic {
		interactions = Set.copyOf(interactions);
	}

	/** The topic a Basic describes, or empty when it is not an active topic with a url and a resource trigger. */
	static Optional<Topic> of(Basic basic) {
		boolean isTopic = basic.getCode().getCoding().stream()
				.anyMatch(c -> CODE_SYSTEM.equals(c.getSystem()) && CODE.equals(c.getCode()));
		String status = value(basic.getModifierExtensionsByUrl(R5 + "status"));
		String url = value(basic.getExtensionsByUrl(R5 + "url"));
		if (!isTopic || url == null || !(status == null || status.equals("active"))) {
			return Optional.empty();
		}
		for (String base : new String[] {R4B, R5}) {
			for (Extension trigger : basic.getExtensionsByUrl(base + "resourceTrigger")) {
				String resource = value(trigger.getExtensionsByUrl("resource"));
				if (resource == null) {
					continue;
				}
				String type = resource.substring(resource.lastIndexOf('/') + 1);
				Set<String> interactions = new LinkedHashSet<>();
				trigger.getExtensionsByUrl("supportedInteraction")
						.forEach(e -> interactions.add(e.getValue().primitiveValue()));
				if (interactions.isEmpty()) {
					interactions.addAll(Set.of("create", "update", "delete"));
				}
				return Optional.of(new Topic(url, type, interactions));
			}
		}
		return Optional.empty();
	}

	private static String value(java.util.List<Extension> extensions) {
		return extensions.isEmpty() || extensions.get(0).getValue() == null ? null
				: extensions.get(0).getValue().primitiveValue();
	}
}
