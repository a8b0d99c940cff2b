package org.cwh.profiles;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;

/**
 * How strictly writes are held to the CWH IG. Key {@code cwh.profiles.required-types}.
 *
 * @param requiredTypes resource types that must claim one of our profiles in {@code meta.profile} on every write;
 *                      empty by default, so plain R4 traffic flows and only resources that claim a CWH profile are
 *                      validated against it
 */
public record ProfilesSettings(Set<String> requiredTypes) {

	public static final SettingKey REQUIRED_TYPES = new SettingKey("cwh.profiles.required-types", "",
			"comma-separated resource types (e.g. Task,ServiceRequest) that must claim a CWH profile to be stored");

	public static final List<SettingKey> KEYS = List.of(REQUIRED_TYPES);

	public ProfilesSettings {
		requiredTypes = Set.copyOf(requiredTypes);
	}

	public static ProfilesSettings from(SettingsSource source) {
		Set<String> types = new TreeSet<>();
		for (String type : Arrays.stream(source.string(REQUIRED_TYPES).split(",")).map(String::trim).toList()) {
			if (type.isEmpty()) {
				continue;
			}
			if (!type.matches("[A-Z][A-Za-z]+")) {
				throw new SettingException(REQUIRED_TYPES, "resource type names such as Task,ServiceRequest", type);
			}
			types.add(type);
		}
		return new ProfilesSettings(types);
	}
}
