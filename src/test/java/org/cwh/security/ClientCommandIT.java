package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.anonymous;
import static org.cwh.testing.CwhServerExtension.server;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cwh.config.BackendServicesClient;
import org.cwh.config.CliCommand;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.SettingsSource;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cwh client ...} against the database of the running shared server, as a second process on a shared
 * PostgreSQL would: a client registered by the command gets tokens from the server at once, and deactivating it with
 * the command refuses its next request.
 */
@ExtendWith(CwhServerExtension.class)
class ClientCommandIT {

	private static final String ORGANIZATION = "cwh-test-client-command";

	@TempDir
	Path dir;

	@Test
	void aClientRegisteredByTheCommandWorksUntilTheCommandDeactivatesIt() throws Exception {
		CwhServerExtension.ensureOrganization(ORGANIZATION);
		String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);
		RSAKey key = TestClientKeys.rsa(id + "-key");
		Path jwks = dir.resolve("jwks.json");
		Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());

		Run register = run(List.of("register", id), Map.of(ClientCommand.ORGANIZATION, "Organization/" + ORGANIZATION,
				ClientCommand.ROLES, "referrer", ClientCommand.SCOPES, "system/Organization.rs",
				ClientCommand.JWKS, jwks.toString()));
		assertEquals(0, register.status(), register.err());
		assertTrue(register.out().contains("\"client_id\" : \"" + id + "\""), register.out());

		BackendServicesClient tokens = BackendServicesClient.withKey(server().baseUrl(), id,
				"system/Organization.rs", key, CwhServerExtension.clock());
		String authorization = tokens.authorization();
		anonymous().header("Authorization", authorization).get("/Organization/" + ORGANIZATION).then()
				.statusCode(200);

		Run list = run(List.of("list"), Map.of());
		assertEquals(0, list.status(), list.err());
		assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("active")), list.out());

		Run deactivate = run(List.of("deactivate", id), Map.of());
		assertEquals(0, deactivate.status(), deactivate.err());
		assertTrue(deactivate.out().contains("\"active\" : false"), deactivate.out());
		anonymous().header("Authorization", authorization).get("/Organization/" + ORGANIZATION).then()
				.statusCode(401).body("issue[0].diagnostics", containsString("deactivated"));

		Run show = run(List.of("show", id), Map.of());
		assertEquals(0, show.status(), show.err());
		assertTrue(show.out().contains("\"auth_method\" : \"private_key_jwt\""), show.out());

		Run activate = run(List.of("activate", id), Map.of());
		assertEquals(0, activate.status(), activate.err());
		anonymous().header("Authorization", authorization).get("/Organization/" + ORGANIZATION).then()
				.statusCode(200);
	}

	@Test
	void badUseIsRefusedWithAReasonAndStoresNothing() {
		String id = "cli-bad-" + UUID.randomUUID().toString().substring(0, 8);
		Run noAction = run(List.of(), Map.of());
		assertEquals(2, noAction.status());
		Run missing = run(List.of("register", id), Map.of(ClientCommand.ORGANIZATION, ORGANIZATION));
		assertEquals(2, missing.status());
		assertTrue(missing.err().contains("--roles"), missing.err());
		Run both = run(List.of("register", id), Map.of(ClientCommand.ORGANIZATION, ORGANIZATION,
				ClientCommand.ROLES, "referrer", ClientCommand.SCOPES, "system/*.rs",
				ClientCommand.SECRET, "a-long-enough-secret-1234", ClientCommand.JWKS, "x.json"));
		assertEquals(2, both.status());
		Run unknown = run(List.of("show", id), Map.of());
		assertEquals(1, unknown.status());
		assertTrue(unknown.err().contains("no client"), unknown.err());
		Run optionsElsewhere = run(List.of("deactivate", id), Map.of(ClientCommand.ROLES, "admin"));
		assertEquals(2, optionsElsewhere.status());
		assertTrue(server().bean(ClientRegistry.class).find(id).isEmpty());
	}

	@Test
	void registeringForAnOrganizationNotStoredIsRefused() {
		String id = "cli-noorg-" + UUID.randomUUID().toString().substring(0, 8);
		Run run = run(List.of("register", id), Map.of(ClientCommand.ORGANIZATION, "no-such-organization-" + id,
				ClientCommand.ROLES, "admin", ClientCommand.SCOPES, "system/*.rs",
				ClientCommand.SECRET, "a-long-enough-secret-1234"));
		assertEquals(2, run.status());
		assertTrue(run.err().contains("is not stored"), run.err());
		assertTrue(server().bean(ClientRegistry.class).find(id).isEmpty());
	}

	private record Run(int status, String out, String err) {}

	private static Run run(List<String> arguments, Map<String, String> options) {
		DatabaseSettings db = server().bean(DatabaseSettings.class);
		Map<String, String> settings = new HashMap<>();
		settings.put("cwh.db.url", db.url());
		settings.put("cwh.db.user", db.user());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new ClientCommand().run(new CliCommand.Invocation(arguments, options,
				SettingsSource.ofValues(settings), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
