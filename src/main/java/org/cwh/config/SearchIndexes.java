package org.cwh.config;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Indexes on HAPI's tables that HAPI does not declare and our searches need, created at start when missing (after
 * Hibernate has created or updated HAPI's schema), the same statements on H2 and PostgreSQL.
 *
 * <p>{@code cwh_idx_sp_token_resid_hashv} on {@code HFJ_SPIDX_TOKEN (RES_ID, HASH_VALUE)}: the provider's inbox,
 * {@code Task?owner=Organization/x&status=requested,received}, joins the owner's Task links to their status tokens
 * with {@code RES_ID = ? AND HASH_VALUE IN (?, ?)}. HAPI's indexes on that table lead with a hash
 * ({@code IDX_SP_TOKEN_HASH_V_V2}: HASH_VALUE, RES_ID) or follow RES_ID with other hashes; for an IN list on the
 * leading column H2 walks every Task with either status and filters on RES_ID afterwards (485,000 index rows for one
 * inbox of 50 at 40,000 Tasks). With RES_ID first each Task costs one short index range.
 *
 * <p>Runs once every singleton exists (HAPI's schema is then in place), before the server takes requests. A bean of
 * {@link PersistenceConfig}.
 */
final class SearchIndexes implements SmartInitializingSingleton {

	static final String TOKEN_BY_RESOURCE = "cwh_idx_sp_token_resid_hashv";

	private static final List<String> DDL = List.of(
			"CREATE INDEX IF NOT EXISTS " + TOKEN_BY_RESOURCE + " ON HFJ_SPIDX_TOKEN (RES_ID, HASH_VALUE)");

	private final DataSource dataSource;
	private final EntityManagerFactory schema;

	SearchIndexes(DataSource dataSource, EntityManagerFactory schema) {
		this.dataSource = dataSource;
		this.schema = schema;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Hibernate bootstraps on its own thread (PersistenceConfig); its metamodel exists once the schema does.
		schema.getMetamodel();
		create(dataSource);
	}

	/** Creates what is missing; two PostgreSQL nodes creating one index at once can collide, the loser retries. */
	static void create(DataSource dataSource) {
		CatalogStatements.createMissing(dataSource, DDL, "the search indexes");
	}
}
