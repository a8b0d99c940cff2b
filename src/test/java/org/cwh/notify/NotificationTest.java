package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationTest {

	private static final String BASE = "https://cwh.example.org/fhir";

	private static Outbox.Claimed claimed(String interaction, long version) {
		return new Outbox.Claimed(7, "s1", "Task/t1", version, interaction, 4, BASE, 1_800_000_000_000L, 1,
				"https://cwh.example.org/fhir/SubscriptionTopic/t", "https://hooks.example.org/in", List.of(),
				"application/fhir+json", 4);
	}

	@ParameterizedTest(name = "{0}: {2} {3}, {4}")
	@CsvSource({
		"create, 1, POST,   Task,    201",
		"update, 2, PUT,    Task/t1, 200",
		"delete, 3, DELETE, Task/t1, 200"})
	void theFocusEntryCarriesTheChangeIdsOnly(String interaction, long version, Bundle.HTTPVerb method, String url,
			String status) {
		Bundle bundle = Notification.of(claimed(interaction, version), BASE, 1_800_000_001_000L);

		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.HISTORY);
		assertThat(bundle.getEntry()).hasSize(2);
		Bundle.BundleEntryComponent focus = bundle.getEntry().get(1);
		assertThat(focus.getFullUrl()).isEqualTo(BASE + "/Task/t1");
		assertThat(focus.hasResource()).isFalse();
		assertThat(focus.getRequest().getMethod()).isEqualTo(method);
		assertThat(focus.getRequest().getUrl()).isEqualTo(url);
		assertThat(focus.getResponse().getStatus()).isEqualTo(status);

		Parameters event = (Parameters) bundle.getEntryFirstRep().getResource();
		Reference reference = (Reference) event.getParameter("notification-event").getPart().stream()
				.filter(p -> p.getName().equals("focus")).findFirst().orElseThrow().getValue();
		assertThat(reference.getReference()).isEqualTo(BASE + "/Task/t1/_history/" + version);
	}
}
