package org.cwh.config;

/**
 * The settings more than one feature reads. The server validates and lists them; a feature reads the value through
 * these keys instead of importing the server.
 */
public final class SharedSettings {

	public static final SettingKey PUBLIC_URL = new SettingKey("cwh.public-url", "",
			"FHIR base URL as clients see it behind a proxy, e.g. https://cwh.example.org/fhir (empty: from the request)");
	public static final SettingKey DEMO = new SettingKey("cwh.demo", "false",
			"load the bundled demo patients and register the demo clients at start (skipped when already there)");

	private SharedSettings() {}
}
