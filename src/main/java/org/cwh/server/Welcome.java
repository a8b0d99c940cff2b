package org.cwh.server;

import java.io.PrintStream;
import org.cwh.config.DatabaseSettings;
import org.cwh.security.DemoClients;
import org.cwh.security.SecuritySettings;

/**
 * What a person starting the server sees: where it listens, on which database, and three things to try. With
 * {@code --demo} the first gets a token as the demo referrer (its client secret) and the other two use it; with
 * authentication off they call the API without one; otherwise they show what is open and how to get a token.
 */
final class Welcome {

	private static final String SELF_HARM = "Condition?code=http://snomed.info/sct|86849004"
			+ "&_include=Condition:subject&_include=Condition:encounter";
	private static final String PATIENTS = "Patient?_count=5&_elements=name,birthDate";

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
				%s
				Stop with Ctrl-C; the data stays in the database for the next start.
				""", startMillis / 1000.0, base, describe(db), server.port(), base,
				tryLines(base, server.bean(SecuritySettings.class), server.bean(ServerSettings.class).demo()));
		out.flush();
	}

	/** The three lines to try, each ending in a newline. */
	static String tryLines(String base, SecuritySettings security, boolean demo) {
		if (!security.on()) {
			return "  curl -s %s/metadata | head -c 400%n  curl -s '%s/%s'%n  curl -s '%s/%s'%n"
					.formatted(base, base, PATIENTS, base, SELF_HARM);
		}
		String root = base.substring(0, base.length() - "/fhir".length());
		if (demo && security.clientSecrets()) {
			DemoClients.Client referrer = DemoClients.ALL.get(0);
			return ("  TOKEN=$(curl -s -u %s:%s -d grant_type=client_credentials -d 'scope=system/*.rs' %s/auth/token"
					+ " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')%n"
					+ "  curl -s -H \"Authorization: Bearer $TOKEN\" '%s/%s'%n"
					+ "  curl -s -H \"Authorization: Bearer $TOKEN\" '%s/%s'%n")
					.formatted(referrer.id(), referrer.secret(), root, base, PATIENTS, base, SELF_HARM);
		}
		return ("  curl -s %s/metadata | head -c 400%n"
				+ "  curl -s %s/.well-known/smart-configuration%n"
				+ "  every other /fhir request needs a token from %s/auth/token (register a client first; see README)%n")
				.formatted(base, base, root);
	}

	private static String describe(DatabaseSettings db) {
		return switch (db.kind()) {
			case H2 -> "H2 " + db.url().substring("jdbc:h2:".length());
			case POSTGRESQL -> "PostgreSQL " + db.url().substring("jdbc:postgresql:".length());
		};
	}
}
