package org.cwh.server;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cwh.config.SettingsSource;
import org.cwh.security.Caller.Role;
import org.cwh.security.ClientRegistry;
import org.cwh.security.DemoClients;
import org.cwh.security.RegisteredClient;
import org.cwh.security.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --demo}: one client per role with the README's secrets, each acting for a stored Organization, usable at
 * once with client secrets on, and registered once across a restart. Starts its own node (twice, on one H2 file),
 * because restarting is the point; the shared test server runs with client secrets off.
 */
class DemoClientsIT {

	@TempDir
	Path data;

	@Test
	void demoClientsGetTokensWithTheirSecretsAndSurviveARestartUnchanged() throws Exception {
		Map<String, Instant> created;
		try (CwhServer node = start()) {
			List<RegisteredClient> clients = demoClients(node);
			assertEquals(Set.of(Role.values()), clients.stream().flatMap(c -> c.roles().stream())
					.collect(Collectors.toSet()), "one demo client per role");
			for (DemoClients.Client demo : DemoClients.ALL) {
				RestAssured.given().baseUri(node.baseUrl()).get("/Organization/" + demo.organizationId())
						.then().statusCode(401);
				String token = token(node, demo);
				RestAssured.given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + token)
						.get("/Organization/" + demo.organizationId()).then().statusCode(200)
						.body("id", equalTo(demo.organizationId()));
			}
			DemoClients.Client agency = DemoClients.ALL.stream().filter(c -> c.role() == Role.AGENCY).findFirst()
					.orElseThrow();
			RestAssured.given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + token(node, agency))
					.contentType("application/fhir+json").body("{\"resourceType\":\"Patient\"}").post("/Patient")
					.then().statusCode(403);
			welcomeLinesWork(node);
			created = clients.stream().collect(Collectors.toMap(RegisteredClient::clientId, RegisteredClient::created));
		}
		try (CwhServer again = start()) {
			List<RegisteredClient> clients = demoClients(again);
			assertEquals(created, clients.stream().collect(Collectors.toMap(RegisteredClient::clientId,
					RegisteredClient::created)), "the restart registered nothing again");
			token(again, DemoClients.ALL.get(0));
		}
	}

	private CwhServer start() {
		return CwhServer.start(SettingsSource.ofValues(Map.of("cwh.port", "0",
				"cwh.db.url", "jdbc:h2:file:" + data.resolve("cwh").toAbsolutePath(), "cwh.demo", "true",
				"cwh.directory.seed", "false")));
	}

	private static List<RegisteredClient> demoClients(CwhServer node) {
		Set<String> ids = DemoClients.ALL.stream().map(DemoClients.Client::id).collect(Collectors.toSet());
		List<RegisteredClient> clients = node.bean(ClientRegistry.class).list().stream()
				.filter(c -> ids.contains(c.clientId())).toList();
		assertEquals(DemoClients.ALL.size(), clients.size());
		clients.forEach(c -> assertTrue(c.secretHash() != null && !c.secretHash().contains(secretOf(c.clientId())),
				"secret stored hashed"));
		return clients;
	}

	private static String secretOf(String clientId) {
		return DemoClients.ALL.stream().filter(c -> c.id().equals(clientId)).findFirst().orElseThrow().secret();
	}

	private static String token(CwhServer node, DemoClients.Client demo) {
		return RestAssured.given().baseUri(root(node)).auth().preemptive().basic(demo.id(), demo.secret())
				.contentType("application/x-www-form-urlencoded")
				.formParams(Map.of("grant_type", "client_credentials", "scope", demo.scopes()))
				.post("/auth/token").then().statusCode(200)
				.body("scope", containsString("system/*.")).extract().path("access_token");
	}

	/** The start banner's three lines, run as printed (bash, curl, sed), answer with data, not a refusal. */
	private static void welcomeLinesWork(CwhServer node) throws IOException, InterruptedException {
		String lines = Welcome.tryLines(node.baseUrl(), node.bean(SecuritySettings.class), true);
		assertTrue(lines.contains("-u demo-referrer:demo-referrer-secret"), lines);
		Process bash = new ProcessBuilder("bash", "-c", "set -e\n" + lines.lines().map(String::strip)
				.collect(Collectors.joining("\n"))).redirectErrorStream(true).start();
		assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the banner's lines finish");
		String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, bash.exitValue(), output);
		assertTrue(output.contains("\"resourceType\": \"Bundle\"") || output.contains("\"resourceType\":\"Bundle\""),
				output);
		assertTrue(!output.contains("OperationOutcome"), output);
	}

	private static String root(CwhServer node) {
		return node.baseUrl().replaceFirst("/fhir$", "");
	}
}
