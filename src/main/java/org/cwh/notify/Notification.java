package org.cwh.notify;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The id-only notification of the Subscriptions R5 Backport IG for R4: a {@code history} Bundle whose first entry is
 * the SubscriptionStatus {@code Parameters} (subscription, topic, status, type, events since start and the one
 * notification event with its number, time and focus) and whose second entry names the focus by its full URL with
 * the request and response of the change ({@code POST}, {@code PUT} or {@code DELETE}), without the resource. Ids
 * only: the receiver reads the Task with its own token, where access and consent are decided; the focus of a delete
 * names the version that deleted it.
 */
final class Notification {

	static final String BUNDLE_PROFILE =
			"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4";
	static final String STATUS_PROFILE =
			"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";

	private Notification() {}

	/**
	 * @param base the FHIR base URL the change was made under, e.g. {@code https://cwh.example.org/fhir}
	 * @param now when this attempt is made
	 */
	static Bundle of(Outbox.Claimed n, String base, long now) {
		String root = base == null || base.isEmpty() ? "" : base.endsWith("/") ? base : base + "/";
		Parameters status = new Parameters();
		status.setId(UUID.randomUUID().toString());
		status.getMeta().addProfile(STATUS_PROFILE);
		status.addParameter().setName("subscription")
				.setValue(new Reference(root + "Subscription/" + n.subscriptionId()));
		if (n.topic() != null) {
			status.addParameter().setName("topic").setValue(new CanonicalType(n.topic()));
		}
		status.addParameter().setName("status").setValue(new CodeType("active"));
		status.addParameter().setName("type").setValue(new CodeType("event-notification"));
		status.addParameter().setName("events-since-subscription-start")
				.setValue(new StringType(String.valueOf(n.events())));
		Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
		event.addPart().setName("event-number").setValue(new StringType(String.valueOf(n.eventNumber())));
		event.addPart().setName("timestamp").setValue(new InstantType(new Date(n.createdAt())));
		String focus = root + n.focus() + (n.focusVersion() > 0 ? "/_history/" + n.focusVersion() : "");
		event.addPart().setName("focus").setValue(new Reference(focus));

		Bundle bundle = new Bundle().setType(BundleType.HISTORY);
		bundle.setId(UUID.randomUUID().toString());
		bundle.getMeta().addProfile(BUNDLE_PROFILE);
		bundle.setTimestamp(new Date(now));
		Bundle.BundleEntryComponent statusEntry = bundle.addEntry().setFullUrl("urn:uuid:" + status.getId())
				.setResource(status);
		statusEntry.getRequest().setMethod(HTTPVerb.GET).setUrl(root + "Subscription/" + n.subscriptionId()
				+ "/$status");
		statusEntry.getResponse().setStatus("200");
		Bundle.BundleEntryComponent focusEntry = bundle.addEntry().setFullUrl(root + n.focus());
		switch (n.interaction()) {
			case "create" -> {
				focusEntry.getRequest().setMethod(HTTPVerb.POST).setUrl(n.focus().substring(0, n.focus().indexOf('/')));
				focusEntry.getResponse().setStatus("201");
			}
			case "delete" -> {
				// What this server answers a delete: 200 with an OperationOutcome.
				focusEntry.getRequest().setMethod(HTTPVerb.DELETE).setUrl(n.focus());
				focusEntry.getResponse().setStatus("200");
			}
			default -> {
				focusEntry.getRequest().setMethod(HTTPVerb.PUT).setUrl(n.focus());
				focusEntry.getResponse().setStatus("200");
			}
		}
		return bundle;
	}
}
