package org.cwh.testing;

import java.util.Map;

/** Settings the shared test server runs with besides its port and database. */
final class TestSettings {

	private TestSettings() {}

	static Map<String, String> extra() {
		// Flag: no other test posts one, so ProfileEnforcementIT can show a required type refused without a profile.
		// Deadline sweep: on demand only (DeadlineSweep.sweep()), so no timer writes Flags between other tests' steps.
		// Notifications go to the tests' own loopback receivers (plain http on a free port).
		Map<String, String> extra = new java.util.HashMap<>(
				Map.of("cwh.max-body-size", "20MB", "cwh.profiles.required-types", "Flag",
						"cwh.notify.allowed-endpoints", "localhost,127.0.0.1", "cwh.notify.allow-http", "true",
						"cwh.deadlines.sweep-every", "off"));
		extra.putAll(TestExternalIssuer.settings());
		return extra;
	}
}
