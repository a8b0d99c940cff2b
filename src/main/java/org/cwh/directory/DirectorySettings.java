package org.cwh.directory;

import java.util.List;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;

/**
 * Whether the server seeds its directory. Key {@code cwh.directory.seed}.
 *
 * @param seed store the IG's directory entries (national helplines, example peer-support services and specialists)
 *             at start; on by default so a fresh node can answer "where can I send this person" at once
 */
public record DirectorySettings(boolean seed) {

	public static final SettingKey SEED = new SettingKey("cwh.directory.seed", "true",
			"store the IG's directory entries (national helplines, example peer-support services) at start");

	public static final List<SettingKey> KEYS = List.of(SEED);

	public static DirectorySettings from(SettingsSource source) {
		return new DirectorySettings(source.bool(SEED));
	}
}
