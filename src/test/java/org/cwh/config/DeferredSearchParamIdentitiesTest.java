package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.sp.SearchParamIdentityCacheSvcImpl;
import ca.uhn.fhir.jpa.util.MemoryCacheService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Identities asked for before the start are written once each after it, on the calling thread; later ones go to
 * HAPI's service; a stopped node starts nothing.
 */
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

	private final List<Recording> created = new ArrayList<>();
	private final List<String> written = new CopyOnWriteArrayList<>();

	private DeferredSearchParamIdentities identities() {
		return new DeferredSearchParamIdentities(() -> {
			Recording hapi = new Recording();
			created.add(hapi);
			return hapi;
		}, (hash, resourceType, paramName) -> written.add(hash + " " + resourceType + "." + paramName));
	}

	@Test
	void rememberedUntilStartedThenWrittenOnceThenPassedToHapi() throws Exception {
		DeferredSearchParamIdentities identities = identities();
		identities.findOrCreateSearchParamIdentity(1L, "Patient", "family");
		identities.findOrCreateSearchParamIdentity(2L, "Task", "owner");
		identities.findOrCreateSearchParamIdentity(1L, "Patient", "family");
		assertThat(created).isEmpty();
		assertThat(identities.waiting()).isEqualTo(2);
		assertThat(identities.hasInFlightTasks()).isTrue();

		identities.run();
		identities.run();
		assertThat(created).hasSize(1);
		assertThat(written).containsExactlyInAnyOrder("1 Patient.family", "2 Task.owner");
		assertThat(identities.waiting()).isZero();
		assertThat(identities.hasInFlightTasks()).isFalse();

		identities.findOrCreateSearchParamIdentity(3L, "Flag", "patient");
		assertThat(created.get(0).asked).containsExactly("3 Flag.patient");
		assertThat(written).hasSize(2);
		identities.destroy();
	}

	@Test
	void aFailedWriteIsThrownAndTheRestWaitForTheNextStart() {
		DeferredSearchParamIdentities identities = new DeferredSearchParamIdentities(Recording::new,
				(hash, resourceType, paramName) -> {
					throw new IllegalStateException("the database went away");
				});
		identities.findOrCreateSearchParamIdentity(1L, "Patient", "family");
		assertThatThrownBy(identities::run).isInstanceOf(IllegalStateException.class);
		assertThat(identities.waiting()).isOne();
		identities.destroy();
	}

	@Test
	void aNodeStoppedBeforeTheStepStartsNothing() throws Exception {
		DeferredSearchParamIdentities identities = identities();
		identities.findOrCreateSearchParamIdentity(1L, "Patient", "family");
		identities.destroy();
		identities.run();
		assertThat(created).isEmpty();
		assertThat(written).isEmpty();
	}
}
