package org.cwh.profiles;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Once the JPA layer is up (Spring's refresh is done, Jetty not yet started), stores the IG's conformance resources
 * and subscription topics, then warms the validator (writes and {@code $validate} share it) on a daemon thread so that "ready" does not wait for it; validated writes that arrive
 * sooner wait in {@link ProfileEnforcer}. A storing failure propagates and stops the start. Created by
 * {@link ProfilesConfig}.
 */
final class ProfilesAtStart implements ApplicationListener<ContextRefreshedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ProfilesAtStart.class);

	private final ProfilePackage profiles;
	private final ProfileStore store;
	private final ProfileEnforcer enforcer;

	ProfilesAtStart(ProfilePackage profiles, DaoRegistry daos, ISearchParamRegistry searchParams,
			ProfileEnforcer enforcer) {
		this.profiles = profiles;
		this.store = new ProfileStore(daos, searchParams);
		this.enforcer = enforcer;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		long started = System.nanoTime();
		store.storeAll(profiles);
		log.info("profiles: stored in {} ms", (System.nanoTime() - started) / 1_000_000);
		enforcer.expectWarmUp();
		Thread warmUp = new Thread(this::warmUp, "cwh-profiles-warmup");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	private void warmUp() {
		long started = System.nanoTime();
		try {
			enforcer.warmUp(profiles.examples());
			log.info("profiles: validator warmed in {} ms", (System.nanoTime() - started) / 1_000_000);
		} catch (RuntimeException e) {
			// Not fatal: the first validated write then does this work itself.
			log.warn("profiles: warming the validator failed: {}", e.toString());
		}
	}
}
