package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.server;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.SettingsSource;
import org.cwh.security.Caller.Role;
import org.cwh.server.CwhServer;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one database behind one public URL, as behind a load balancer: a client assertion used at one node is
 * refused as a replay at the other, a token one node issued is accepted by the other, and a client deactivated
 * through one node's admin API is refused at the other on its next request. Starts a second node beside the shared
 * one, because several nodes are the point; runs again on PostgreSQL.
 */
@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class SeveralNodesIT {

	@Test
	void replaysAndDeactivationsReachEveryNode() throws Exception {
		DatabaseSettings db = server().bean(DatabaseSettings.class);
		Map<String, String> settings = new HashMap<>();
		settings.put("cwh.port", "0");
		settings.put("cwh.db.url", db.url());
		settings.put("cwh.db.user", db.user());
		settings.put("cwh.public-url", server().baseUrl());
		settings.put("cwh.directory.seed", "false");
		try (CwhServer second = CwhServer.start(SettingsSource.ofValues(settings), CwhServerExtension.clock())) {
			TestClient client = CwhServerExtension.client("cwh-test-nodes", "system/Organization.rs", Role.REFERRER);
			String assertion = assertion(client);
			token(root(server()), client, assertion).then().statusCode(200);
			token(root(second), client, assertion).then().statusCode(400).body("error", equalTo("invalid_client"))
					.body("error_description", containsString("jti"));

			String issuedBySecond = token(root(second), client, assertion(client)).then().statusCode(200).extract()
					.path("access_token");
			RestAssured.given().baseUri(server().baseUrl()).header("Authorization", "Bearer " + issuedBySecond)
					.get("/Organization/cwh-test-nodes").then().statusCode(200);
			RestAssured.given().baseUri(second.baseUrl()).header("Authorization", "Bearer " + issuedBySecond)
					.get("/Organization/cwh-test-nodes").then().statusCode(200);

			RestAssured.given().baseUri(root(server())).header("Authorization", CwhServerExtension.adminAuthorization())
					.post("/auth/clients/" + client.clientId() + "/deactivate").then().statusCode(200);
			RestAssured.given().baseUri(second.baseUrl()).header("Authorization", "Bearer " + issuedBySecond)
					.get("/Organization/cwh-test-nodes").then().statusCode(401)
					.body("issue[0].diagnostics", containsString("deactivated"));
		}
	}

	/** A client assertion for the token endpoint both nodes are reached at (the public URL's). */
	private static String assertion(TestClient client) throws JOSEException {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(client.clientId()).subject(client.clientId())
				.audience(root(server()) + "/auth/token").jwtID(UUID.randomUUID().toString())
				.expirationTime(Date.from(CwhServerExtension.clock().instant().plusSeconds(240))).build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(client.key().getKeyID()).build(),
				claims);
		jwt.sign(new RSASSASigner(client.key()));
		return jwt.serialize();
	}

	private static Response token(String root, TestClient client, String assertion) {
		return RestAssured.given().baseUri(root).contentType("application/x-www-form-urlencoded")
				.formParams(Map.of("grant_type", "client_credentials", "scope", String.join(" ", client.scopes()),
						"client_assertion_type", ClientAssertions.ASSERTION_TYPE, "client_assertion", assertion))
				.post("/auth/token");
	}

	private static String root(CwhServer node) {
		return node.baseUrl().replaceFirst("/fhir$", "");
	}
}
