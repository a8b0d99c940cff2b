package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.jpa.cache.ISearchParamIdentityCacheSvc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HAPI's search-parameter identity table is still filled, after "ready" instead of during start-up, on H2 and on
 * PostgreSQL: once the start-up work is done, the identities HAPI asked for before are handed to its service, which
 * writes one row per resource type and parameter.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class SearchParamIdentitiesIT {

	@Test
	void theIdentitiesAskedForBeforeReadyAreWrittenAfterIt() throws Exception {
		CwhServerExtension.server().settled().get(3, TimeUnit.MINUTES);
		ISearchParamIdentityCacheSvc service = CwhServerExtension.server().bean(ISearchParamIdentityCacheSvc.class);
		assertThat(service).isInstanceOf(DeferredSearchParamIdentities.class);
		assertThat(((DeferredSearchParamIdentities) service).waiting()).isZero();
		await().atMost(Duration.ofMinutes(2)).until(() -> !service.hasInFlightTasks());
		assertThat(rows("Patient", "family")).isEqualTo(1);
		assertThat(rows("Task", "owner")).isEqualTo(1);
	}

	private static int rows(String resourceType, String paramName) throws Exception {
		DataSource db = CwhServerExtension.server().bean(DataSource.class);
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
				"SELECT COUNT(*) FROM HFJ_SPIDX_IDENTITY WHERE RES_TYPE = ? AND SP_NAME = ?")) {
			s.setString(1, resourceType);
			s.setString(2, paramName);
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getInt(1);
			}
		}
	}
}
