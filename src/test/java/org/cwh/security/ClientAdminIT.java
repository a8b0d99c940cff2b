package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.anonymous;
import static org.cwh.testing.CwhServerExtension.server;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cwh.config.BackendServicesClient;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API {@code /auth/clients} over HTTP: an admin registers, reads, lists, changes, deactivates and activates
 * clients; a deactivated client's still-valid token is refused on its next request; everyone else is refused, and
 * every bad registration is a 4xx JSON error that stores nothing.
 */
@ExtendWith(CwhServerExtension.class)
class ClientAdminIT {

	private static final String ORGANIZATION = "cwh-test-client-admin";

	@Test
	void anAdminRegistersAClientThatThenWorksAndDeactivatingItRefusesItsNextRequest() throws Exception {
		CwhServerExtension.ensureOrganization(ORGANIZATION);
		String id = "admin-api-" + UUID.randomUUID().toString().substring(0, 8);
		RSAKey key = TestClientKeys.rsa(id + "-key");
		Map<String, Object> registration = Map.of("client_id", id, "organization", "Organization/" + ORGANIZATION,
				"roles", List.of("referrer"), "scopes", "system/Patient.rs system/Organization.rs",
				"jwks", new JWKSet(key.toPublicJWK()).toJSONObject());
		admin().body(registration).post().then().statusCode(201)
				.header("Location", endsWith("/auth/clients/" + id))
				.body("client_id", equalTo(id))
				.body("organization", equalTo("Organization/" + ORGANIZATION))
				.body("roles", equalTo(List.of("referrer")))
				.body("scopes", equalTo(List.of("system/Patient.rs", "system/Organization.rs")))
				.body("auth_method", equalTo("private_key_jwt"))
				.body("jwks.keys[0].kid", equalTo(id + "-key"))
				.body("active", equalTo(true));
		admin().get("/" + id).then().statusCode(200).body("client_id", equalTo(id));
		admin().get().then().statusCode(200).body("client_id", hasItem(id));

		BackendServicesClient tokens = BackendServicesClient.withKey(server().baseUrl(), id,
				"system/Patient.rs system/Organization.rs", key, CwhServerExtension.clock());
		String authorization = tokens.authorization();
		anonymous().header("Authorization", authorization).get("/Organization/" + ORGANIZATION).then()
				.statusCode(200);

		admin().post("/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
		anonymous().header("Authorization", authorization).get("/Organization/" + ORGANIZATION).then()
				.statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].diagnostics", containsString("deactivated"));

		admin().post("/" + id + "/activate").then().statusCode(200).body("active", equalTo(true));
		anonymous().header("Authorization", authorization).get("/Organization/" + ORGANIZATION).then()
				.statusCode(200);

		admin().body(Map.of("scopes", List.of("system/Patient.rs"), "roles", "referrer provider")).patch("/" + id)
				.then().statusCode(200)
				.body("scopes", equalTo(List.of("system/Patient.rs")))
				.body("roles", equalTo(List.of("provider", "referrer")))
				.body("jwks.keys[0].kid", equalTo(id + "-key"));
	}

	@Test
	void aSecretIsStoredHashedAndNeverShown() {
		CwhServerExtension.ensureOrganization(ORGANIZATION);
		String id = "admin-api-secret-" + UUID.randomUUID().toString().substring(0, 8);
		admin().body(Map.of("client_id", id, "organization", ORGANIZATION, "roles", "agency", "scopes",
				"system/*.rs", "secret", "a-long-enough-secret-1234")).post().then().statusCode(201)
				.body("auth_method", equalTo("client_secret_basic"))
				.body("$", not(hasKey("secret"))).body("$", not(hasKey("secret_hash")));
		String hash = server().bean(ClientRegistry.class).find(id).orElseThrow().secretHash();
		assertEquals(false, hash.contains("a-long-enough-secret-1234"));
		assertEquals(true, SecretHash.matches("a-long-enough-secret-1234", hash));
	}

	@Test
	void withoutAnAdminTokenTheApiRefuses() {
		clients().get().then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
				.body("error", equalTo("invalid_request"));
		clients().header("Authorization", "Bearer not-a-token").get().then().statusCode(401)
				.body("error", equalTo("invalid_token"));
		TestClient provider = CwhServerExtension.client(ORGANIZATION, "system/*.cruds", Role.PROVIDER);
		String id = "admin-api-refused-" + UUID.randomUUID().toString().substring(0, 8);
		clients().header("Authorization", provider.authorization())
				.body(Map.of("client_id", id, "organization", ORGANIZATION, "roles", "admin", "scopes", "system/*.*",
						"secret", "a-long-enough-secret-1234")).post()
				.then().statusCode(403).body("error", equalTo("access_denied"))
				.body("error_description", containsString("role admin"));
		clients().header("Authorization", provider.authorization()).post("/" + provider.clientId() + "/deactivate")
				.then().statusCode(403);
		assertEquals(true, server().bean(ClientRegistry.class).find(id).isEmpty());
		assertEquals(true, server().bean(ClientRegistry.class).find(provider.clientId()).orElseThrow().active());
	}

	@Test
	void badRegistrationsAre4xxAndStoreNothing() {
		CwhServerExtension.ensureOrganization(ORGANIZATION);
		String id = "admin-api-bad-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> good = Map.of("client_id", id, "organization", ORGANIZATION, "roles", "referrer",
				"scopes", "system/*.rs", "secret", "a-long-enough-secret-1234");
		refused(with(good, "organization", "no-such-organization"), "is not stored");
		refused(with(good, "roles", "superuser"), "unknown role");
		refused(with(good, "scopes", "system/Patient.frobnicate"), "scope");
		refused(with(good, "secret", "short"), "at least 16");
		refused(with(good, "colour", "blue"), "unknown field 'colour'");
		Map<String, Object> keyed = with(good, "secret", null);
		refused(with(keyed, "jwks", new JWKSet(TestClientKeys.rsa("private")).toJSONObject(false)), "private key");
		refused(with(keyed, "jwks", Map.of("keys", List.of())), "jwks");
		refused(with(good, "jwks", new JWKSet(TestClientKeys.rsa("public").toPublicJWK()).toJSONObject()), "not both");
		refused(keyed, "needs a JWKS");
		refused(with(good, "client_id", "has spaces"), "client id");
		admin().body("{not json").post().then().statusCode(400).body("error_description", containsString("JSON"));
		assertEquals(true, server().bean(ClientRegistry.class).find(id).isEmpty());

		admin().body(good).post().then().statusCode(201);
		admin().body(good).post().then().statusCode(409).body("error_description", containsString("already"));
		admin().get("/nobody-" + id).then().statusCode(404).body("error", equalTo("not_found"));
		admin().post("/nobody-" + id + "/deactivate").then().statusCode(404);
		admin().body(Map.of("client_id", id)).patch("/" + id).then().statusCode(400);
		admin().delete("/" + id).then().statusCode(405);
	}

	private static void refused(Map<String, Object> body, String because) {
		admin().body(body).post().then().statusCode(400).contentType(startsWith("application/json"))
				.body("error", equalTo("invalid_request"))
				.body("error_description", containsString(because));
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new java.util.HashMap<>(body);
		if (value == null) {
			copy.remove(field);
		} else {
			copy.put(field, value);
		}
		return copy;
	}

	private static RequestSpecification admin() {
		return clients().header("Authorization", CwhServerExtension.adminAuthorization());
	}

	private static RequestSpecification clients() {
		return RestAssured.given().baseUri(server().baseUrl().replaceFirst("/fhir$", "") + "/auth/clients")
				.contentType("application/json").accept("application/json");
	}
}
