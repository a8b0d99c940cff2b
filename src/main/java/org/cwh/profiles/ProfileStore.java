package org.cwh.profiles;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.cwh.config.ResourcesById;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.SearchParameter;
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
	private final DataSource dataSource;
	private final JpaStorageSettings storageSettings;

	ProfileStore(DaoRegistry daos, ISearchParamRegistry searchParams, DataSource dataSource,
			JpaStorageSettings storageSettings) {
		this.byId = new ResourcesById(daos);
		this.searchParams = searchParams;
		this.dataSource = dataSource;
		this.storageSettings = storageSettings;
	}

	/**
	 * Stores what changes the server's behaviour: our SearchParameters, then activates them at once (without that
	 * the registry picks them up only on its next scheduled refresh), and the subscription topics. Runs before the
	 * node serves, so nothing else writes meanwhile.
	 *
	 * <p>HAPI checks a SearchParameter's expression on every write with a new FHIRPath engine, and building one
	 * parses all 649 core StructureDefinitions: on a first start, or the first after an IG change, that parse was the
	 * one thing before "ready" that still needed them. Ours are checked by the build's tests instead
	 * ({@code IgSearchParametersTest} puts each through HAPI's own check), so that check is off for these writes
	 * only; a client's SearchParameter is checked as before.
	 */
	void storeEnforced(ProfilePackage profiles) {
		int changed = 0;
		int count = 0;
		boolean checkExpressions = storageSettings.isValidateSearchParameterExpressionsOnSave();
		storageSettings.setValidateSearchParameterExpressionsOnSave(false);
		try {
			for (MetadataResource resource : profiles.resources()) {
				if (resource instanceof SearchParameter parameter) {
					changed += byId.store(parameter, () -> writeOf(parameter)) ? 1 : 0;
					count++;
				}
			}
		} finally {
			storageSettings.setValidateSearchParameterExpressionsOnSave(checkExpressions);
		}
		for (Basic topic : profiles.topics()) {
			changed += byId.store(topic) ? 1 : 0;
		}
		searchParams.forceRefresh();
		log.info("profiles: {} search parameters and {} subscription topics in the store, {} of them new or changed",
				count, profiles.topics().size(), changed);
	}

	/** Stores the other conformance resources (code systems first, then the value sets that use them, ...). */
	void storePublished(ProfilePackage profiles) {
		int changed = 0;
		int count = 0;
		for (MetadataResource resource : profiles.resources()) {
			if (!(resource instanceof SearchParameter)) {
				changed += byId.store(resource) ? 1 : 0;
				count++;
			}
		}
		log.info("profiles: {} conformance resources published, {} of them new or changed", count, changed);
	}

	/**
	 * The write of a new or changed SearchParameter, which makes HAPI start a reindex job over the resource types it
	 * applies to; when none of those is stored yet (a first start) there is nothing to reindex, and the job would
	 * only cost the start a batch of work, so it is skipped. Otherwise HAPI reindexes as usual. Asked for only when
	 * the parameter is written, so a restart that changes nothing runs no query for it.
	 */
	private SystemRequestDetails writeOf(SearchParameter parameter) {
		SystemRequestDetails write = new SystemRequestDetails();
		List<String> bases = parameter.getBase().stream().map(CodeType::getCode).toList();
		if (!anyStored(bases)) {
			write.getUserData().put(JpaConstants.SKIP_REINDEX_ON_UPDATE, Boolean.TRUE);
		}
		return write;
	}

	/** Whether the store holds any resource of these types (any at all for {@code Resource}), deleted ones too. */
	private boolean anyStored(List<String> types) {
		boolean all = types.contains("Resource") || types.isEmpty();
		String sql = "SELECT 1 FROM HFJ_RESOURCE"
				+ (all ? "" : " WHERE RES_TYPE IN (" + String.join(", ", types.stream().map(t -> "?").toList()) + ")")
				+ " FETCH FIRST 1 ROWS ONLY";
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			if (!all) {
				for (int i = 0; i < types.size(); i++) {
					s.setString(i + 1, types.get(i));
				}
			}
			try (ResultSet rs = s.executeQuery()) {
				return rs.next();
			}
		} catch (SQLException e) {
			// Unsure, so reindex: a needless job costs time, a skipped one would leave searches incomplete.
			return true;
		}
	}
}
