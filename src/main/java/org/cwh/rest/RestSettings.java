package org.cwh.rest;

import java.util.List;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;

/**
 * Limits on what the FHIR endpoint accepts. Key {@code cwh.max-body-size}.
 *
 * @param maxBodyBytes request bodies larger than this get 413 before anything parses them
 */
public record RestSettings(long maxBodyBytes) {

	public static final SettingKey MAX_BODY_SIZE = new SettingKey("cwh.max-body-size", "20MB",
			"largest request body accepted (bigger ones get 413), e.g. 20MB, 512KB");

	public static final List<SettingKey> KEYS = List.of(MAX_BODY_SIZE);

	public static RestSettings from(SettingsSource source) {
		return new RestSettings(source.bytes(MAX_BODY_SIZE));
	}
}
