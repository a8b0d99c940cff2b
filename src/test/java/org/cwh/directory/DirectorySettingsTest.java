package org.cwh.directory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cwh.config.SettingException;
import org.cwh.config.SettingsSource;
import org.junit.jupiter.api.Test;

/** {@code cwh.directory.seed} is on unless turned off, and a value that is not a boolean stops the start. */
class DirectorySettingsTest {

	@Test
	void seedsByDefault() {
		assertTrue(DirectorySettings.from(SettingsSource.ofValues(Map.of())).seed());
	}

	@Test
	void canBeTurnedOff() {
		assertFalse(DirectorySettings.from(SettingsSource.ofValues(Map.of("cwh.directory.seed", "false"))).seed());
	}

	@Test
	void refusesANonBoolean() {
		assertThrows(SettingException.class,
				() -> DirectorySettings.from(SettingsSource.ofValues(Map.of("cwh.directory.seed", "maybe"))));
	}
}
