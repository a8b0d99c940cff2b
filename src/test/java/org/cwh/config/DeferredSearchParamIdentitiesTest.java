package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.sp.SearchParamIdentityCacheSvcImpl;
import ca.uhn.fhir.jpa.util.MemoryCacheService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identities asked for before the start are handed to HAPI's service once each; later ones go straight to it. */
class DeferredSearchParamIdentitiesTest {

	/** HAPI's service with its database writes replaced by a record of what it was asked. */
	private static final class Recording extends SearchParamIdentityCacheSvcImpl {
		final List<String> asked = new ArrayList<>();

		Recording() {
			super(new JpaStorageSettings(), null, null, new MemoryCacheService(new JpaStorageSettings()));
		}

		@Override
		public void findOrCreateSearchParamIdentity(Long hash, String resourceType, String paramName) {
			asked.add(hash + " " + resourceType + "." + paramName);
		}
	}

	@Test
	void rememberedUntilStartedThenHandedOverOnceThenPassedThrough() {
		List<Recording> created = new ArrayList<>();
		DeferredSearchParamIdentities identities = new DeferredSearchParamIdentities(() -> {
			Recording hapi = new Recording();
			created.add(hapi);
			return hapi;
		});
		identities.findOrCreateSearchParamIdentity(1L, "Patient", "family");
		identities.findOrCreateSearchParamIdentity(2L, "Task", "owner");
		identities.findOrCreateSearchParamIdentity(1L, "Patient", "family");
		assertThat(created).isEmpty();
		assertThat(identities.waiting()).isEqualTo(2);
		assertThat(identities.hasInFlightTasks()).isTrue();

		identities.startAfterServing();
		identities.startAfterServing();
		assertThat(created).hasSize(1);
		assertThat(created.get(0).asked).containsExactlyInAnyOrder("1 Patient.family", "2 Task.owner");
		assertThat(identities.waiting()).isZero();

		identities.findOrCreateSearchParamIdentity(3L, "Flag", "patient");
		assertThat(created.get(0).asked).endsWith("3 Flag.patient");
		identities.destroy();
	}
}
