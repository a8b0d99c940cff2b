package org.cwh.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cwh.config.AfterServing;
import org.cwh.config.ResourcesById;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the directory seed ({@link SeedFiles}) under its own ids. At start the files are read at once (a missing one
 * stops the start); the storing is an {@link AfterServing} step, after the validator's warm-up (the seed claims CWH
 * profiles, so its writes are validated). On a first start the directory is therefore searchable a few seconds after
 * "ready"; on later starts nothing is written.
 * Each resource is written by {@link ResourcesById}, so every node of several on one database converges on the same
 * resources. A resource already stored with the same content is not
 * written at all (no new version, no validation on every restart); one that differs, because the IG changed, is
 * updated. Two nodes creating the same id at once: the loser retries and then finds nothing to change.
 *
 * <p>Our SearchParameters are stored before the node serves ({@code ProfilesAtStart}), so the seeded
 * HealthcareServices are indexed for {@code accepts-warm-handoffs}; {@code DirectorySeedIT} searches by that
 * parameter to hold it. A storing failure is logged as an error; the next start tries again.
 */
final class DirectorySeed implements AfterServing {

	private static final Logger log = LoggerFactory.getLogger(DirectorySeed.class);

	private final CompletableFuture<Integer> seeded = new CompletableFuture<>();
	private final DirectorySettings settings;
	private final FhirContext ctx;
	private final ResourcesById byId;
	private final List<IBaseResource> seed;

	DirectorySeed(DirectorySettings settings, FhirContext ctx, DaoRegistry daos) {
		this.settings = settings;
		this.ctx = ctx;
		this.byId = new ResourcesById(daos);
		this.seed = settings.seed() ? SeedFiles.load(ctx) : List.of();
	}

	@Override
	public String what() {
		return "directory seed";
	}

	@Override
	public void run() {
		if (!settings.seed()) {
			log.info("directory: seeding is off ({}=false)", DirectorySettings.SEED.key());
			seeded.complete(0);
			return;
		}
		try {
			seeded.complete(store(seed));
		} catch (RuntimeException e) {
			seeded.completeExceptionally(e);
			throw e;
		}
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
