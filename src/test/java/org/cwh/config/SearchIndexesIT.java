package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index the inbox search needs exists on HAPI's token table after start, on H2 and on PostgreSQL, and H2 joins a
 * Task's status tokens through it (not through an index that leads with the status hash).
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class SearchIndexesIT {

	@Test
	void theTokenIndexByResourceExists() throws Exception {
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection()) {
			assertThat(indexColumns(c.getMetaData(), SearchIndexes.TOKEN_BY_RESOURCE))
					.containsExactly("RES_ID", "HASH_VALUE");
		}
		// A second start on the same database finds it and changes nothing.
		SearchIndexes.create(db);
	}

	@Test
	void h2JoinsStatusTokensThroughIt() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeFalse(CwhServerExtension.onPostgres(), "an H2 plan");
		// The inbox search as HAPI writes it: the owner's Task links, then their status tokens (two statuses).
		String inbox = "explain SELECT t1.RES_ID FROM HFJ_RESOURCE t1 INNER JOIN HFJ_RES_LINK t0 ON "
				+ "(t1.RES_ID = t0.SRC_RESOURCE_ID) INNER JOIN HFJ_SPIDX_TOKEN t2 ON (t1.RES_ID = t2.RES_ID) WHERE "
				+ "(((t0.SRC_PATH = 'Task.owner') AND (t0.TARGET_RESOURCE_ID = 1)) AND (t2.HASH_VALUE IN (1, 2))) "
				+ "fetch first 13 rows only";
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet plan = s.executeQuery(inbox)) {
			plan.next();
			assertThat(plan.getString(1).toUpperCase(Locale.ROOT))
					.contains(SearchIndexes.TOKEN_BY_RESOURCE.toUpperCase(Locale.ROOT));
		}
	}

	private static List<String> indexColumns(DatabaseMetaData meta, String index) throws Exception {
		List<String> columns = new ArrayList<>();
		for (String table : List.of("HFJ_SPIDX_TOKEN", "hfj_spidx_token")) {
			try (ResultSet rows = meta.getIndexInfo(null, null, table, false, false)) {
				while (rows.next()) {
					if (index.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
						columns.add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
					}
				}
			}
		}
		return columns;
	}
}
