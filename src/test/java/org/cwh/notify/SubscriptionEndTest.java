package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionEndTest {

	private static final long NOW = 1_800_000_000_000L;

	@Test
	void theEndItselfIsAlreadyOff() {
		assertThat(SubscriptionEnd.passed(null, NOW)).isFalse();
		assertThat(SubscriptionEnd.passed(NOW + 1, NOW)).isFalse();
		assertThat(SubscriptionEnd.passed(NOW, NOW)).isTrue();
		assertThat(SubscriptionEnd.passed(NOW - 1, NOW)).isTrue();
	}

	/** end: none, or milliseconds from now. */
	@ParameterizedTest(name = "{0}, end {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "none", value = {
		"REQUESTED | none   | REQUESTED",
		"REQUESTED | 60000  | REQUESTED",
		"REQUESTED | 0      | OFF",
		"REQUESTED | -60000 | OFF",
		"ACTIVE    | none   | ACTIVE",
		"ACTIVE    | 1      | ACTIVE",
		"ACTIVE    | 0      | OFF",
		"ACTIVE    | -1     | OFF",
		"OFF       | -60000 | OFF",
		"OFF       | 60000  | OFF",
		"ERROR     | -60000 | ERROR",
		"ERROR     | none   | ERROR"})
	void aSubscriptionPastItsEndIsTurnedOffOthersStayAsTheyAre(SubscriptionStatus status, Long endFromNow,
			SubscriptionStatus expected) {
		Subscription subscription = new Subscription().setStatus(status);
		if (endFromNow != null) {
			subscription.setEnd(new Date(NOW + endFromNow));
		}
		boolean changed = SubscriptionEnd.turnOffIfEnded(subscription, NOW);

		assertThat(subscription.getStatus()).isEqualTo(expected);
		assertThat(changed).isEqualTo(expected != status);
		assertThat(subscription.hasError()).isEqualTo(changed);
	}

	@Test
	void theReasonNamesTheEnd() {
		Subscription subscription = new Subscription().setStatus(SubscriptionStatus.ACTIVE).setEnd(new Date(NOW - 1));
		SubscriptionEnd.turnOffIfEnded(subscription, NOW);
		assertThat(subscription.getError())
				.isEqualTo("Turned off by the server: its end, " + subscription.getEndElement().getValueAsString()
						+ ", has passed");
	}
}
