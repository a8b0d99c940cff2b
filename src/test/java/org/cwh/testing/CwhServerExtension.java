package org.cwh.testing;

import static org.junit.jupiter.api.extension.ExtensionContext.Namespace.GLOBAL;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.cwh.config.SettingsSource;
import org.cwh.server.CwhServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real CWH node (Jetty + HAPI JPA, port 0) per test JVM and closes it when JUnit finishes. The database
 * is an in-memory H2 unless the JVM runs with {@code -Dcwh.test.db=postgres}: then a fresh PostgreSQL database on
 * 127.0.0.1:5432 is created for this run and dropped afterwards.
 */
public final class CwhServerExtension implements BeforeAllCallback {

	private static volatile Running running;

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(GLOBAL).getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
	}

	private static synchronized Running start() {
		if (running == null) {
			Map<String, String> values = new HashMap<>();
			values.put("cwh.port", "0");
			Database database = Database.forThisRun();
			values.put("cwh.db.url", database.url());
			values.put("cwh.db.user", database.user());
			values.putAll(TestSettings.extra());
			running = new Running(CwhServer.start(SettingsSource.ofValues(values)), database);
		}
		return running;
	}

	public static CwhServer server() {
		if (running == null) {
			throw new IllegalStateException("annotate the test class with @ExtendWith(CwhServerExtension.class)");
		}
		return running.server();
	}

	/** rest-assured aimed at the FHIR base URL, JSON in and out. */
	public static RequestSpecification fhir() {
		return RestAssured.given()
				.baseUri(server().baseUrl())
				.contentType("application/fhir+json")
				.accept("application/fhir+json");
	}

	public static boolean onPostgres() {
		return Database.POSTGRES.equals(System.getProperty("cwh.test.db"));
	}

	record Running(CwhServer server, Database database) implements ExtensionContext.Store.CloseableResource {
		@Override
		public void close() {
			server.close();
			database.drop();
		}
	}

	/** The database of this test run: in-memory H2, or a fresh PostgreSQL database. */
	record Database(String url, String user, String name) {
		static final String POSTGRES = "postgres";
		private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

		static Database forThisRun() {
			String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			if (!onPostgres()) {
				return new Database("jdbc:h2:mem:cwh-" + suffix + ";DB_CLOSE_DELAY=-1", "", null);
			}
			String name = "cwh_test_" + suffix;
			admin("CREATE DATABASE " + name);
			return new Database("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", name);
		}

		void drop() {
			if (name != null) {
				admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}

		private static void admin(String sql) {
			try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
					Statement s = c.createStatement()) {
				s.execute(sql);
			} catch (SQLException e) {
				throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this run: " + e.getMessage(),
						e);
			}
		}
	}
}
