package org.cwh.config;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Writes resources the server ships (the IG's conformance resources, the directory seed) under their own ids, so
 * every start and every node of several on one database converges on the same stored resources. One already stored
 * with the same content is not written at all (no new version, no validation); one that differs is updated; when two
 * nodes create the same id at once, the loser tries again and then finds nothing to change.
 */
public final class ResourcesById {

	private static final Logger log = LoggerFactory.getLogger(ResourcesById.class);
	private static final int ATTEMPTS = 3;

	private final DaoRegistry daos;

	public ResourcesById(DaoRegistry daos) {
		this.daos = daos;
	}

	/** Stores {@code original} under its id unless it is stored already; returns whether it wrote. */
	public boolean store(Resource original) {
		return store(original, SystemRequestDetails::new);
	}

	/**
	 * As {@link #store(Resource)}, writing with the request {@code write} makes (its user data steers HAPI, e.g.
	 * reindexing), asked for only when there is something to write.
	 */
	public boolean store(Resource original, Supplier<SystemRequestDetails> write) {
		String type = original.fhirType();
		String id = original.getIdElement().getIdPart();
		IFhirResourceDao<IBaseResource> dao = daos.getResourceDao(type);
		for (int attempt = 1; ; attempt++) {
			try {
				if (sameAsStored(dao, original)) {
					return false;
				}
				// A copy: callers keep the original (the validation chain holds it), and the DAO writes meta into it.
				Resource copy = original.copy();
				copy.setId(type + "/" + id);
				return !dao.update(copy, write.get()).isNop();
			} catch (ResourceVersionConflictException | DataIntegrityViolationException e) {
				if (attempt == ATTEMPTS) {
					throw new IllegalStateException("cannot store " + type + "/" + id + ": " + e.getMessage());
				}
				log.info("{}/{} was written by another node at the same time; trying again", type, id);
			}
		}
	}

	/** Whether the store holds this resource with the same content (server-assigned meta aside). */
	private static boolean sameAsStored(IFhirResourceDao<IBaseResource> dao, Resource resource) {
		Resource stored;
		try {
			stored = (Resource) dao.read(resource.getIdElement().toUnqualifiedVersionless(), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false;
		}
		return withoutServerMeta(stored).equalsDeep(withoutServerMeta(resource));
	}

	private static Resource withoutServerMeta(Resource resource) {
		Resource copy = resource.copy();
		copy.setIdElement(null);
		copy.getMeta().setVersionId(null).setLastUpdated(null).setSource(null);
		return copy;
	}
}
