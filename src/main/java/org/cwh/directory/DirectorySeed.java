package org.cwh.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cwh.config.ResourcesById;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;

/**
 * Stores the directory seed ({@link SeedFiles}) under its own ids once Spring's refresh is done. The files are read
 * at once (a missing one stops the start), the storing runs on a background thread: the seed claims CWH profiles, so
 * on a first start its writes wait for the validator to warm up (seconds), and the node should not wait with them.
 * On a first start the directory is therefore searchable a few seconds after "ready"; on later starts nothing is
 * written.
 * Each resource is written by {@link ResourcesById}, so every node of several on one database converges on the same
 * resources. A resource already stored with the same content is not
 * written at all (no new version, no validation on every restart); one that differs, because the IG changed, is
 * updated. Two nodes creating the same id at once: the loser retries and then finds nothing to change.
 *
 * <p>It must run after {@code ProfilesAtStart} has stored our SearchParameters, or the seeded HealthcareServices
 * would not be indexed for {@code accepts-warm-handoffs}. That listener has no order, so it sorts last; this one has
 * the same (lowest) precedence and Spring keeps registration order among equals, which is the feature order of
 * {@code CwhServer} (DirectoryConfig after ProfilesConfig). {@code DirectorySeedIT} searches by that parameter to
 * hold it. A storing failure is logged as an error; the next start tries again.
 */
final class DirectorySeed implements ApplicationListener<ContextRefreshedEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DirectorySeed.class);

	private final CompletableFuture<Integer> seeded = new CompletableFuture<>();
	private final DirectorySettings settings;
	private final FhirContext ctx;
	private final ResourcesById byId;

	DirectorySeed(DirectorySettings settings, FhirContext ctx, DaoRegistry daos) {
		this.settings = settings;
		this.ctx = ctx;
		this.byId = new ResourcesById(daos);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		if (!settings.seed()) {
			log.info("directory: seeding is off ({}=false)", DirectorySettings.SEED.key());
			seeded.complete(0);
			return;
		}
		List<IBaseResource> seed = SeedFiles.load(ctx);
		Thread storing = new Thread(() -> {
			try {
				seeded.complete(store(seed));
			} catch (RuntimeException e) {
				log.error("directory: seeding failed, the next start tries again: {}", e.getMessage());
				seeded.completeExceptionally(e);
			}
		}, "cwh-directory-seed");
		storing.setDaemon(true);
		storing.start();
	}

	/** Waits for the start's seeding; returns how many resources it wrote. For tests and tools. */
	int awaitSeeded(Duration timeout) throws Exception {
		return seeded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stores every seed resource that is missing or differs; returns how many it wrote. */
	int seed() {
		return store(SeedFiles.load(ctx));
	}

	private int store(List<IBaseResource> seed) {
		long started = System.nanoTime();
		int written = 0;
		for (IBaseResource resource : seed) {
			written += byId.store((Resource) resource) ? 1 : 0;
		}
		log.info("directory: {} seed resources in the store, {} of them new or changed, in {} ms", seed.size(),
				written, (System.nanoTime() - started) / 1_000_000);
		return written;
	}
}
