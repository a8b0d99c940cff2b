package org.cwh.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs a feature's {@code CREATE … IF NOT EXISTS} statements for its own tables and indexes at start, the same on H2
 * and PostgreSQL. Two PostgreSQL nodes starting together can collide in the catalog creating the same object; the
 * loser tries again and then finds it there, so every statement is retried as a whole up to three times. Used by the
 * packages that own tables ({@code security}, {@code notify}, {@code deadlines}) and by {@link SearchIndexes}.
 */
public final class CatalogStatements {

	private static final int ATTEMPTS = 3;

	private CatalogStatements() {}

	/**
	 * Runs {@code ddl} in order; {@code what} names the objects in the one-line error when the database refuses
	 * three times (e.g. "the notification tables").
	 */
	public static void createMissing(DataSource dataSource, List<String> ddl, String what) {
		for (int attempt = 1; ; attempt++) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				for (String sql : ddl) {
					statement.execute(sql);
				}
				return;
			} catch (SQLException e) {
				if (attempt == ATTEMPTS) {
					throw new IllegalStateException("cannot create " + what + ": " + e.getMessage(), e);
				}
			}
		}
	}
}
