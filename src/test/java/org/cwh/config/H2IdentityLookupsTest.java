package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HAPI's look-up of resources by type and id, as Hibernate writes it, becomes a row-value IN that H2 answers through
 * the FHIR_ID index, with the same rows; any other statement is left alone.
 */
class H2IdentityLookupsTest {

	/** The statement HAPI 8.8's IdHelperService issues for two references, as Hibernate 6 renders it. */
	private static final String HAPI_LOOKUP = "select rt1_0.RES_ID,rt1_0.RES_TYPE,rt1_0.FHIR_ID,rt1_0.RES_DELETED_AT,"
			+ "rt1_0.PARTITION_ID from HFJ_RESOURCE rt1_0 where (rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or "
			+ "rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)";

	private final H2IdentityLookups inspector = new H2IdentityLookups();

	@Test
	void rewritesTheLookupAsARowValueInKeepingTheParameters() {
		assertThat(inspector.inspect(HAPI_LOOKUP)).isEqualTo("select rt1_0.RES_ID,rt1_0.RES_TYPE,rt1_0.FHIR_ID,"
				+ "rt1_0.RES_DELETED_AT,rt1_0.PARTITION_ID from HFJ_RESOURCE rt1_0 where "
				+ "((rt1_0.RES_TYPE,rt1_0.FHIR_ID) in ((?,?),(?,?)))");
		String partitioned = "select rt1_0.RES_ID from HFJ_RESOURCE rt1_0 where rt1_0.PARTITION_ID is null and "
				+ "(rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or "
				+ "rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)";
		assertThat(inspector.inspect(partitioned)).isEqualTo("select rt1_0.RES_ID from HFJ_RESOURCE rt1_0 where "
				+ "rt1_0.PARTITION_ID is null and ((rt1_0.RES_TYPE,rt1_0.FHIR_ID) in ((?,?),(?,?),(?,?)))");
	}

	@Test
	void leavesEveryOtherShapeAlone() {
		List<String> others = List.of(
				// one pair: H2 already uses the index
				"select rt1_0.RES_ID from HFJ_RESOURCE rt1_0 where (rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)",
				// an id without a type among them: not a list of pairs
				"select rt1_0.RES_ID from HFJ_RESOURCE rt1_0 where (rt1_0.FHIR_ID=? or rt1_0.RES_TYPE=? and "
						+ "rt1_0.FHIR_ID=? or rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)",
				"select rt1_0.RES_ID from HFJ_RESOURCE rt1_0 where (rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or "
						+ "rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or rt1_0.FHIR_ID=?)",
				// two aliases
				"select a.RES_ID from HFJ_RESOURCE a, HFJ_RESOURCE b where (a.RES_TYPE=? and a.FHIR_ID=? or "
						+ "b.RES_TYPE=? and b.FHIR_ID=?)",
				"insert into HFJ_RESOURCE (RES_TYPE,FHIR_ID) values (?,?)");
		for (String sql : others) {
			assertThat(inspector.inspect(sql)).isEqualTo(sql);
		}
	}

	@Test
	void h2AnswersTheRewrittenLookupThroughTheIndexWithTheSameRows() throws SQLException {
		try (Connection db = DriverManager.getConnection("jdbc:h2:mem:identity-lookups;DB_CLOSE_DELAY=-1")) {
			try (Statement ddl = db.createStatement()) {
				// HFJ_RESOURCE's columns and indexes that the look-up touches, as HAPI declares them.
				ddl.execute("create table HFJ_RESOURCE (RES_ID bigint primary key, RES_TYPE varchar(100) not null, "
						+ "FHIR_ID varchar(64), RES_DELETED_AT timestamp, PARTITION_ID integer)");
				ddl.execute("create unique index IDX_RES_TYPE_FHIR_ID on HFJ_RESOURCE (PARTITION_ID, RES_TYPE, FHIR_ID)");
				ddl.execute("create index IDX_RES_FHIR_ID on HFJ_RESOURCE (FHIR_ID)");
				ddl.execute("insert into HFJ_RESOURCE (RES_ID, RES_TYPE, FHIR_ID) select X, "
						+ "case mod(X, 3) when 0 then 'Patient' when 1 then 'Organization' else 'Task' end, "
						+ "'id-' || X from system_range(1, 3000)");
				// the same id under another type must not match
				ddl.execute("insert into HFJ_RESOURCE (RES_ID, RES_TYPE, FHIR_ID) values (5000, 'Task', 'id-3')");
			}
			String rewritten = inspector.inspect(HAPI_LOOKUP);

			assertThat(rows(db, HAPI_LOOKUP)).containsExactlyInAnyOrder(3L, 4L).isEqualTo(rows(db, rewritten));
			assertThat(plan(db, HAPI_LOOKUP)).contains("tableScan");
			assertThat(plan(db, rewritten)).contains("IDX_RES_FHIR_ID").doesNotContain("tableScan");
		}
	}

	private static List<Long> rows(Connection db, String sql) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement query = bind(db.prepareStatement(sql)); ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	private static String plan(Connection db, String sql) throws SQLException {
		try (PreparedStatement explain = bind(db.prepareStatement("explain " + sql));
				ResultSet plan = explain.executeQuery()) {
			plan.next();
			return plan.getString(1);
		}
	}

	private static PreparedStatement bind(PreparedStatement statement) throws SQLException {
		statement.setString(1, "Patient");
		statement.setString(2, "id-3");
		statement.setString(3, "Organization");
		statement.setString(4, "id-4");
		return statement;
	}
}
