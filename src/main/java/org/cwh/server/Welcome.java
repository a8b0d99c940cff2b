package org.cwh.server;

import java.io.PrintStream;
import org.cwh.config.DatabaseSettings;

/** What a person starting the server sees: where it listens, on which database, and three things to try. */
final class Welcome {

	private Welcome() {}

	static void print(PrintStream out, CwhServer server, long startMillis) {
		DatabaseSettings db = server.bean(DatabaseSettings.class);
		String base = server.baseUrl();
		out.printf("""

				CWH is ready in %.1f s: %s
				  database: %s
				  health:   http://localhost:%d/health/ready
				  API docs: %s/swagger-ui/

				Try:
				  curl -s %s/metadata | head -c 400
				  curl -s '%s/Patient?_count=5&_elements=name,birthDate'
				  curl -s '%s/Condition?code=http://snomed.info/sct|86849004&_include=Condition:subject&_include=Condition:encounter'

				Stop with Ctrl-C; the data stays in the database for the next start.
				""", startMillis / 1000.0, base, describe(db), server.port(), base, base, base, base);
		out.flush();
	}

	private static String describe(DatabaseSettings db) {
		return switch (db.kind()) {
			case H2 -> "H2 " + db.url().substring("jdbc:h2:".length());
			case POSTGRESQL -> "PostgreSQL " + db.url().substring("jdbc:postgresql:".length());
		};
	}
}
