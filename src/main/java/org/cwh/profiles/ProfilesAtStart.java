package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The profiles' start-up work, split by what requests need. Once the JPA layer is up (Spring's refresh is done, Jetty
 * not yet started) it stores what changes the server's behaviour: our SearchParameters, which HAPI must index on the
 * first write, and the subscription topics, which a Subscription is checked against. A failure there stops the
 * start. The rest runs after "ready" ({@code org.cwh.config.AfterServing} steps, declared by {@link ProfilesConfig}):
 * {@link #warmUp()}, whose end validated writes that arrive sooner wait for in {@link ProfileEnforcer}, and
 * {@link #publish()} of the code systems, value sets, profiles and measures for clients to read. Validation does not
 * wait for that publication: it reads those definitions from the classpath package.
 */
final class ProfilesAtStart implements ApplicationListener<ContextRefreshedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ProfilesAtStart.class);

	private final FhirContext ctx;
	private final ProfilePackage profiles;
	private final ProfileStore store;
	private final ProfileEnforcer enforcer;

	ProfilesAtStart(FhirContext ctx, ProfilePackage profiles, ProfileStore store, ProfileEnforcer enforcer) {
		this.ctx = ctx;
		this.profiles = profiles;
		this.store = store;
		this.enforcer = enforcer;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		long started = System.nanoTime();
		store.storeEnforced(profiles);
		log.info("profiles: search parameters and topics stored in {} ms", (System.nanoTime() - started) / 1_000_000);
		enforcer.expectWarmUp();
	}

	/**
	 * Makes the core conformance resources share their strings ({@link SharedConformanceStrings}), then warms the
	 * validator (writes and {@code $validate} share it) with the IG's examples.
	 */
	void warmUp() {
		long started = System.nanoTime();
		try {
			long shared = SharedConformanceStrings.shareCore(ctx);
			log.info("profiles: {} strings of the core conformance resources shared in {} ms", shared,
					(System.nanoTime() - started) / 1_000_000);
		} catch (RuntimeException e) {
			// Only memory is at stake; the warm-up below must run whatever happened, or validated writes wait for ever.
			log.warn("profiles: sharing the core conformance resources' strings failed: {}", e.toString());
		}
		started = System.nanoTime();
		try {
			enforcer.warmUp(profiles.examples());
			log.info("profiles: validator warmed in {} ms", (System.nanoTime() - started) / 1_000_000);
		} catch (RuntimeException e) {
			// Not fatal: the first validated write then does this work itself.
			log.warn("profiles: warming the validator failed: {}", e.toString());
		}
	}

	/** Stores the conformance resources clients read but the server does not enforce from the store. */
	void publish() {
		long started = System.nanoTime();
		store.storePublished(profiles);
		log.info("profiles: published in {} ms", (System.nanoTime() - started) / 1_000_000);
	}
}
