package org.cwh.profiles;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Stores our conformance resources in the FHIR store under their own ids ({@code StructureDefinition/cwh-handoff-task}),
 * so clients can read them and HAPI's search-parameter registry activates our SearchParameters. An update with an
 * unchanged body makes no new version, so this is idempotent across restarts; when two nodes start at once and both
 * create the same id, the loser retries and then finds nothing to change.
 */
final class ProfileStore {

	private static final Logger log = LoggerFactory.getLogger(ProfileStore.class);
	private static final int ATTEMPTS = 3;

	private final DaoRegistry daos;
	private final ISearchParamRegistry searchParams;

	ProfileStore(DaoRegistry daos, ISearchParamRegistry searchParams) {
		this.daos = daos;
		this.searchParams = searchParams;
	}

	void storeAll(ProfilePackage profiles) {
		int changed = 0;
		for (MetadataResource resource : profiles.resources()) {
			changed += store(resource) ? 1 : 0;
		}
		// Without this the registry picks new SearchParameters up only on its next scheduled refresh.
		searchParams.forceRefresh();
		log.info("profiles: {} conformance resources in the store, {} of them new or changed",
				profiles.resources().size(), changed);
	}

	private boolean store(MetadataResource original) {
		String type = original.fhirType();
		String id = original.getIdElement().getIdPart();
		IFhirResourceDao<IBaseResource> dao = daos.getResourceDao(type);
		for (int attempt = 1; ; attempt++) {
			// A copy: the validation chain holds the original, and the DAO writes meta and id into what it stores.
			MetadataResource copy = original.copy();
			copy.setId(type + "/" + id);
			try {
				return !dao.update(copy, new SystemRequestDetails()).isNop();
			} catch (ResourceVersionConflictException | DataIntegrityViolationException e) {
				if (attempt == ATTEMPTS) {
					throw new IllegalStateException("profiles: cannot store " + type + "/" + id + ": " + e.getMessage());
				}
				log.info("profiles: {}/{} was written by another node at the same time; trying again", type, id);
			}
		}
	}
}
