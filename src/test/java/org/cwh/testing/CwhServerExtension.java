package org.cwh.testing;

import static org.junit.jupiter.api.extension.ExtensionContext.Namespace.GLOBAL;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.cwh.config.BackendServicesClient;
import org.cwh.config.SettingsSource;
import org.cwh.security.Caller.Role;
import org.cwh.security.ClientRegistry;
import org.cwh.server.CwhServer;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real CWH node (Jetty + HAPI JPA, port 0) per test JVM and closes it when JUnit finishes. The database
 * is an in-memory H2 unless the JVM runs with {@code -Dcwh.test.db=postgres}: then a fresh PostgreSQL database on
 * 127.0.0.1:5432 is created for this run and dropped afterwards.
 *
 * <p>Authentication is on, as in production. {@link #fhir()} acts as the test operator, a client registered at start
 * with role {@code admin} (not bound by organization rules) and scope {@code system/*.cruds}. To act as someone else,
 * register a real client and use its real tokens:
 *
 * <pre>{@code
 * TestClient provider = CwhServerExtension.client("northside-rco", "system/Task.rus system/Patient.rs", Role.PROVIDER);
 * fhirAs(provider).get("/Task?owner=Organization/northside-rco").then().statusCode(200);
 * }</pre>
 *
 * {@link #client} creates the Organization when it is missing. For raw HTTP add
 * {@code Authorization: }{@link #adminAuthorization()} (or {@link TestClient#authorization()}).
 */
public final class CwhServerExtension implements BeforeAllCallback {

	private static volatile Running running;
	private static final TestClock CLOCK = new TestClock();

	/** The clock of the server and of every test client: move it forward instead of sleeping. */
	public static TestClock clock() {
		return CLOCK;
	}

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
			CwhServer server = CwhServer.start(SettingsSource.ofValues(values), CLOCK);
			// Tests see a settled node: the validator warm, the directory seeded, the IG's resources published, the
			// deadlines' due index backfilled.
			server.settled().orTimeout(5, TimeUnit.MINUTES).join();
			running = new Running(server, database);
			running.admin = register(server, "cwh-test-admin", ADMIN_ORGANIZATION, List.of("system/*.cruds"),
					Set.of(Role.ADMIN));
		}
		return running;
	}

	/** The Organization the test operator belongs to. */
	public static final String ADMIN_ORGANIZATION = "cwh-test-operator";

	/** The test operator: role admin, scope {@code system/*.cruds}. */
	public static TestClient admin() {
		server();
		return running.admin;
	}

	/** {@code Bearer <token>} of the test operator, for tests that send raw HTTP. */
	public static String adminAuthorization() {
		return admin().authorization();
	}

	/**
	 * Registers a new client (unique id) for the Organization with this id, creating the Organization first when it
	 * is not stored, with these space-separated scopes and roles.
	 */
	public static TestClient client(String organizationId, String scopes, Role... roles) {
		String id = "test-" + organizationId + "-" + UUID.randomUUID().toString().substring(0, 8);
		return register(server(), id, organizationId, List.of(scopes.trim().split("\\s+")), Set.of(roles));
	}

	private static TestClient register(CwhServer server, String clientId, String organizationId, List<String> scopes,
			Set<Role> roles) {
		ensureOrganization(server, organizationId);
		RSAKey key = TestClient.newKey(clientId + "-key");
		server.bean(ClientRegistry.class).register(clientId, new ClientRegistry.Registration(organizationId, roles,
				scopes, new JWKSet(key.toPublicJWK()).toString(), null, true));
		BackendServicesClient tokens =
				BackendServicesClient.withKey(server.baseUrl(), clientId, String.join(" ", scopes), key, CLOCK);
		return new TestClient(clientId, organizationId, roles, scopes, key, tokens);
	}

	/** Stores {@code Organization/<id>} (named after its id) unless it is there. */
	public static void ensureOrganization(String organizationId) {
		ensureOrganization(server(), organizationId);
	}

	private static void ensureOrganization(CwhServer server, String organizationId) {
		IFhirResourceDao<Organization> dao = server.bean(DaoRegistry.class).getResourceDao(Organization.class);
		try {
			dao.read(new IdType("Organization", organizationId), new SystemRequestDetails());
		} catch (ResourceNotFoundException e) {
			Organization organization = new Organization().setName(organizationId).setActive(true);
			organization.setId("Organization/" + organizationId);
			dao.update(organization, new SystemRequestDetails());
		}
	}

	public static CwhServer server() {
		if (running == null) {
			throw new IllegalStateException("annotate the test class with @ExtendWith(CwhServerExtension.class)");
		}
		return running.server();
	}

	/** rest-assured aimed at the FHIR base URL, JSON in and out, as the test operator ({@link #admin()}). */
	public static RequestSpecification fhir() {
		return fhirAs(admin());
	}

	/** rest-assured aimed at the FHIR base URL, JSON in and out, with this client's bearer token. */
	public static RequestSpecification fhirAs(TestClient client) {
		return anonymous().header("Authorization", client.authorization());
	}

	/** rest-assured aimed at the FHIR base URL, JSON in and out, without any token. */
	public static RequestSpecification anonymous() {
		return RestAssured.given()
				.baseUri(server().baseUrl())
				.contentType("application/fhir+json")
				.accept("application/fhir+json");
	}

	public static boolean onPostgres() {
		return Database.POSTGRES.equals(System.getProperty("cwh.test.db"));
	}

	static final class Running implements ExtensionContext.Store.CloseableResource {
		private final CwhServer server;
		private final Database database;
		private volatile TestClient admin;

		Running(CwhServer server, Database database) {
			this.server = server;
			this.database = database;
		}

		CwhServer server() {
			return server;
		}

		Database database() {
			return database;
		}

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
