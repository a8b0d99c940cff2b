package org.cwh.notify;

import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;

/**
 * What {@code Subscription.end} means here, decided from values alone. FHIR R4 calls it "the time for the server to
 * turn the subscription off": from its end on, a change is not notified (the end itself is already off), and the
 * Subscription is stored {@code off} with the reason in {@code Subscription.error}. Notifications written before the
 * end are still delivered: they report changes made while it was on. Used by {@link OutboxWriter} on every
 * Subscription write and by {@link EndedSubscriptions}, which turns off those whose end passes while they are stored.
 */
final class SubscriptionEnd {

	private SubscriptionEnd() {}

	/** The end in epoch milliseconds, or null when the Subscription has none. */
	static Long of(Subscription subscription) {
		return subscription.hasEnd() ? subscription.getEnd().getTime() : null;
	}

	/** Whether an end (epoch milliseconds, null for none) has come at {@code now}. */
	static boolean passed(Long end, long now) {
		return end != null && end <= now;
	}

	/**
	 * Turns a Subscription whose end has come off, saying why in {@code error}; true when it changed it. One that is
	 * already off or in error, has no end, or is before its end stays as it is.
	 */
	static boolean turnOffIfEnded(Subscription subscription, long now) {
		SubscriptionStatus status = subscription.getStatus();
		if (status == SubscriptionStatus.OFF || status == SubscriptionStatus.ERROR || !passed(of(subscription), now)) {
			return false;
		}
		subscription.setStatus(SubscriptionStatus.OFF);
		subscription.setError("Turned off by the server: its end, " + subscription.getEndElement().getValueAsString()
				+ ", has passed");
		return true;
	}
}
