package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class NotifyTablesTest {

	@Test
	void aDatabaseMadeBeforeTheEndColumnGetsItAndKeepsItsRows() throws Exception {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:notify-tables-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			// The table as the first release created it.
			s.execute("""
					CREATE TABLE cwh_notify_subscription (
					  subscription_id VARCHAR(100) NOT NULL PRIMARY KEY, resource_type VARCHAR(64) NOT NULL,
					  topic VARCHAR(1000), interactions VARCHAR(100) NOT NULL, criteria VARCHAR(8000) NOT NULL,
					  endpoint VARCHAR(2000) NOT NULL, headers VARCHAR(8000) NOT NULL,
					  payload_type VARCHAR(100) NOT NULL, events BIGINT NOT NULL)""");
			s.execute("INSERT INTO cwh_notify_subscription VALUES ('s1', 'Task', '', 'create,update', '', "
					+ "'https://hooks.example.org/in', '', 'application/fhir+json', 3)");
		}

		NotifyTables.create(db);
		NotifyTables.create(db);

		try (Connection c = db.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT events, ends_at FROM cwh_notify_subscription")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getLong(1)).isEqualTo(3);
			assertThat(rs.getObject(2)).as("no end").isNull();
		}
	}
}
