package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the server's own H2 schema (as HAPI creates it), the rewritten look-up of resources by type and id is answered
 * through an index, not a scan of HFJ_RESOURCE, and finds the resources a write references.
 */
@ExtendWith(CwhServerExtension.class)
class H2IdentityLookupsIT {

	private static final String HAPI_LOOKUP = "select rt1_0.RES_ID,rt1_0.RES_TYPE,rt1_0.FHIR_ID,rt1_0.RES_DELETED_AT,"
			+ "rt1_0.PARTITION_ID from HFJ_RESOURCE rt1_0 where (rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or "
			+ "rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)";

	@Test
	void theServersSchemaAnswersTheRewrittenLookupThroughAnIndex() throws Exception {
		assumeFalse(CwhServerExtension.onPostgres(), "the rewrite is for H2 only");
		String patient = "lookup-pt-" + UUID.randomUUID();
		String organization = "lookup-org-" + UUID.randomUUID();
		fhir().body("{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\"}").put("/Patient/" + patient)
				.then().statusCode(201);
		fhir().body("{\"resourceType\":\"Organization\",\"id\":\"" + organization + "\",\"name\":\"x\"}")
				.put("/Organization/" + organization).then().statusCode(201);
		// A write referencing both goes through the look-up (HAPI's reference pre-fetch).
		fhir().body("{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"code\":\"EMER\"},"
				+ "\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
				+ "\"serviceProvider\":{\"reference\":\"Organization/" + organization + "\"}}")
				.post("/Encounter").then().statusCode(201);

		String rewritten = new H2IdentityLookups().inspect(HAPI_LOOKUP);
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection()) {
			try (PreparedStatement explain = c.prepareStatement("explain " + rewritten)) {
				bind(explain, patient, organization);
				try (ResultSet plan = explain.executeQuery()) {
					plan.next();
					assertThat(plan.getString(1)).doesNotContain("tableScan").containsIgnoringCase("IDX_RES");
				}
			}
			try (PreparedStatement lookup = c.prepareStatement(rewritten)) {
				bind(lookup, patient, organization);
				try (ResultSet rows = lookup.executeQuery()) {
					int found = 0;
					while (rows.next()) {
						assertThat(rows.getString(3)).isIn(patient, organization);
						found++;
					}
					assertThat(found).isEqualTo(2);
				}
			}
		}
	}

	private static void bind(PreparedStatement statement, String patient, String organization) throws Exception {
		statement.setString(1, "Patient");
		statement.setString(2, patient);
		statement.setString(3, "Organization");
		statement.setString(4, organization);
	}
}
