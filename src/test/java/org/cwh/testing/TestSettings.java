package org.cwh.testing;

import java.util.Map;

/** Settings the shared test server runs with besides its port and database. */
final class TestSettings {

	private TestSettings() {}

	static Map<String, String> extra() {
		return Map.of("cwh.max-body-size", "20MB");
	}
}
