package org.cwh.config;

import java.util.List;

/**
 * The database: an H2 file under {@code ./data} by default (zero setup), PostgreSQL for several nodes.
 * Keys {@code cwh.db.*}; the URL decides the dialect.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

	public static final SettingKey URL = new SettingKey("cwh.db.url", "jdbc:h2:file:./data/cwh",
			"JDBC URL: jdbc:h2:file:<path> (embedded) or jdbc:postgresql://host:5432/<db>");
	public static final SettingKey USER = new SettingKey("cwh.db.user", "", "database user (H2 needs none)");
	public static final SettingKey PASSWORD = new SettingKey("cwh.db.password", "", "database password");
	public static final SettingKey POOL_SIZE = new SettingKey("cwh.db.pool-size", "10",
			"maximum database connections of this node for requests (plus one per core for validation beside writes)");

	public static final List<SettingKey> KEYS = List.of(URL, USER, PASSWORD, POOL_SIZE);

	public enum Kind {
		H2,
		POSTGRESQL
	}

	public DatabaseSettings {
		kindOf(url);
	}

	public static DatabaseSettings from(SettingsSource source) {
		String url = source.string(URL);
		if (kindOrNull(url) == null) {
			throw new SettingException(URL, "a jdbc:h2: or jdbc:postgresql: URL", url);
		}
		return new DatabaseSettings(url, source.string(USER), source.string(PASSWORD),
				source.integer(POOL_SIZE, 2, 500));
	}

	public Kind kind() {
		return kindOf(url);
	}

	private static Kind kindOf(String url) {
		Kind kind = kindOrNull(url);
		if (kind == null) {
			throw new SettingException(URL, "a jdbc:h2: or jdbc:postgresql: URL", url);
		}
		return kind;
	}

	private static Kind kindOrNull(String url) {
		if (url.startsWith("jdbc:h2:")) {
			return Kind.H2;
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return Kind.POSTGRESQL;
		}
		return null;
	}
}
