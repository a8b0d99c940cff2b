package org.cwh.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.cwh.config.CliCommand;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.PersistenceConfig;
import org.cwh.config.SettingsSource;
import org.cwh.security.Caller.Role;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code cwh client list|show|register|deactivate|activate}: the client registry of the configured database
 * ({@code --db-url}, ...), for an operator without an admin token, e.g. to register the first admin. Every node sees a
 * change at once. {@code register} starts HAPI's storage (seconds) to check that the Organization is stored; the
 * others only open the database. An H2 file is held by a running node: stop it first, or use the admin API
 * {@code /auth/clients} ({@link ClientsServlet}) instead. Listed in the server's command table.
 */
public final class ClientCommand implements CliCommand {

	static final String ORGANIZATION = "--organization";
	static final String ROLES = "--roles";
	static final String SCOPES = "--scopes";
	static final String JWKS = "--jwks";
	static final String SECRET = "--secret";

	@Override
	public String name() {
		return "client";
	}

	@Override
	public String usage() {
		return "client list | show ID | deactivate ID | activate ID\n"
				+ "  java -jar cwh.jar client register ID --organization ORG --roles ROLE[,ROLE] --scopes \"SCOPE ...\""
				+ " (--jwks JWKS-FILE | --secret SECRET)\n"
				+ "      the registered clients in the configured database (stop a node on an H2 file first)";
	}

	@Override
	public Set<String> options() {
		return Set.of(ORGANIZATION, ROLES, SCOPES, JWKS, SECRET);
	}

	@Override
	public int run(Invocation invocation) {
		List<String> args = invocation.arguments();
		PrintStream err = invocation.err();
		String action = args.isEmpty() ? "" : args.get(0);
		boolean needsId = !"list".equals(action);
		if (!Set.of("list", "show", "register", "deactivate", "activate").contains(action)
				|| args.size() != (needsId ? 2 : 1)) {
			err.println("cwh client: say list, or show|register|deactivate|activate and one client id; see --help");
			return 2;
		}
		if (!"register".equals(action) && !invocation.options().isEmpty()) {
			err.println("cwh client: " + String.join(", ", invocation.options().keySet()) + " only go with register");
			return 2;
		}
		try {
			return "register".equals(action) ? register(args.get(1), invocation) : manage(action, args, invocation);
		} catch (IllegalArgumentException e) {
			err.println("cwh client: " + e.getMessage());
			return 2;
		} catch (ClientRegistry.ClientExists e) {
			err.println("cwh client: " + e.getMessage());
			return 1;
		} catch (RuntimeException e) {
			err.println("cwh client: cannot use the database " + DatabaseSettings.from(invocation.settings()).url()
					+ " (a running node holds an H2 file: stop it, or use the admin API /auth/clients): "
					+ rootMessage(e));
			return 1;
		}
	}

	private static int manage(String action, List<String> args, Invocation invocation) {
		try (HikariDataSource dataSource = dataSource(DatabaseSettings.from(invocation.settings()))) {
			AuthTables.create(dataSource);
			ClientRegistry registry = new ClientRegistry(dataSource, id -> {
				throw new IllegalStateException("only register checks Organizations");
			}, Clock.systemUTC());
			PrintStream out = invocation.out();
			if ("list".equals(action)) {
				for (RegisteredClient c : registry.list()) {
					out.printf("%-30s %-40s %-20s %-19s %-8s %s%n", c.clientId(), "Organization/" + c.organizationId(),
							String.join(",", c.roles().stream().map(Role::code).sorted().toList()),
							c.jwks() != null ? "private_key_jwt" : "client_secret_basic",
							c.active() ? "active" : "inactive", String.join(" ", c.scopes()));
				}
				return 0;
			}
			String clientId = args.get(1);
			Optional<RegisteredClient> client = "show".equals(action) ? registry.find(clientId)
					: registry.update(clientId, new ClientRegistry.Registration(null, null, null, null, null,
							"activate".equals(action)));
			if (client.isEmpty()) {
				invocation.err().println("cwh client: no client '" + clientId + "' is registered");
				return 1;
			}
			out.println(ClientJson.write(ClientJson.view(client.get())));
			return 0;
		}
	}

	private static int register(String clientId, Invocation invocation) {
		ClientRegistry.Registration registration = registration(invocation.options());
		try (AnnotationConfigApplicationContext storage = storage(invocation.settings())) {
			ClientRegistry registry = SecurityConfig.registry(storage.getBean(DataSource.class),
					storage.getBean(DaoRegistry.class), Clock.systemUTC());
			RegisteredClient client = registry.register(clientId, registration);
			invocation.out().println(ClientJson.write(ClientJson.view(client)));
			return 0;
		}
	}

	static ClientRegistry.Registration registration(Map<String, String> options) {
		String organization = options.get(ORGANIZATION);
		String roles = options.get(ROLES);
		String scopes = options.get(SCOPES);
		if (organization == null || roles == null || scopes == null) {
			throw new IllegalArgumentException("register needs " + ORGANIZATION + ", " + ROLES + " and " + SCOPES);
		}
		String jwksFile = options.get(JWKS);
		String secret = options.get(SECRET);
		if ((jwksFile == null) == (secret == null)) {
			throw new IllegalArgumentException("register needs either " + JWKS + " (a file with the client's public "
					+ "keys, for private_key_jwt) or " + SECRET + " (for client_secret_basic)");
		}
		String jwks = null;
		if (jwksFile != null) {
			try {
				jwks = Files.readString(Path.of(jwksFile));
			} catch (IOException e) {
				throw new IllegalArgumentException("cannot read " + jwksFile + ": " + e.getMessage());
			}
		}
		Set<Role> roleSet = new LinkedHashSet<>();
		for (String code : roles.split("[,\\s]+")) {
			if (!code.isEmpty()) {
				roleSet.add(Role.fromCode(code));
			}
		}
		return new ClientRegistry.Registration(organization.replaceFirst("^Organization/", ""), roleSet,
				List.copyOf(AccessTokens.scopes(scopes)), jwks, secret, true);
	}

	private static HikariDataSource dataSource(DatabaseSettings db) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(db.url());
		config.setUsername(db.user());
		config.setPassword(db.password());
		config.setMaximumPoolSize(2);
		config.setPoolName("cwh-client-command");
		return new HikariDataSource(config);
	}

	/** HAPI's storage on the configured database, without the server around it. */
	private static AnnotationConfigApplicationContext storage(SettingsSource settings) {
		AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
		try {
			spring.registerBean(SettingsSource.class, () -> settings);
			spring.registerBean(Clock.class, Clock::systemUTC);
			spring.register(PersistenceConfig.class);
			spring.refresh();
			return spring;
		} catch (RuntimeException e) {
			spring.close();
			throw e;
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.lines().findFirst().orElse(message);
	}
}
