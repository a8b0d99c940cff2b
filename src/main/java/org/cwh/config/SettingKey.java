package org.cwh.config;

import java.util.Locale;

/**
 * One setting of the server: its key ({@code cwh.db.url}), default and one-line description. The same value can be
 * given as an environment variable ({@code CWH_DB_URL}), a command-line flag ({@code --db-url}) or a line in
 * {@code cwh.properties}; {@code --help} lists every key with its default.
 */
public record SettingKey(String key, String defaultValue, String description) {

	public SettingKey {
		if (!key.startsWith("cwh.")) {
			throw new IllegalArgumentException("setting keys start with 'cwh.': " + key);
		}
	}

	/** {@code cwh.db.url} → {@code CWH_DB_URL}. */
	public String envVar() {
		return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/** {@code cwh.db.url} → {@code --db-url}. */
	public String flag() {
		return "--" + key.substring("cwh.".length()).replace('.', '-');
	}

	/** How error messages and {@code --help} name the setting: {@code CWH_DB_URL (--db-url)}. */
	public String displayName() {
		return envVar() + " (" + flag() + ")";
	}
}
