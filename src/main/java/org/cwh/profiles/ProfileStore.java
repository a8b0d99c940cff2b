package org.cwh.profiles;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.cwh.config.ResourcesById;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.MetadataResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores our conformance resources and subscription topics in the FHIR store under their own ids
 * ({@code StructureDefinition/cwh-handoff-task}, {@code Basic/cwh-task-for-owner}), so clients can read them, HAPI's
 * search-parameter registry activates our SearchParameters and its R4 topic loader finds our topics; idempotent across
 * restarts and nodes ({@link ResourcesById}).
 */
final class ProfileStore {

	private static final Logger log = LoggerFactory.getLogger(ProfileStore.class);

	private final ResourcesById byId;
	private final ISearchParamRegistry searchParams;

	ProfileStore(DaoRegistry daos, ISearchParamRegistry searchParams) {
		this.byId = new ResourcesById(daos);
		this.searchParams = searchParams;
	}

	void storeAll(ProfilePackage profiles) {
		int changed = 0;
		for (MetadataResource resource : profiles.resources()) {
			changed += byId.store(resource) ? 1 : 0;
		}
		for (Basic topic : profiles.topics()) {
			changed += byId.store(topic) ? 1 : 0;
		}
		// Without this the registry picks new SearchParameters up only on its next scheduled refresh.
		searchParams.forceRefresh();
		log.info("profiles: {} conformance resources and {} subscription topics in the store, {} of them new or changed",
				profiles.resources().size(), profiles.topics().size(), changed);
	}
}
