package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.anonymous;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.cwh.testing.CwhServerExtension.server;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bearer check and the token endpoint over HTTP on the shared server (authentication on, client secrets off):
 * every refusal has the right status and body, and a refused write changes nothing.
 */
@ExtendWith(CwhServerExtension.class)
class AuthenticationIT {

	private static final String IDENTIFIER_SYSTEM = "urn:cwh:test:authentication";

	@Test
	void aRequestWithoutATokenIs401WithAChallengeAndAnOutcome() {
		anonymous().get("/Patient").then().statusCode(401)
				.header("WWW-Authenticate", startsWith("Bearer"))
				.contentType(startsWith("application/fhir+json"))
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].code", equalTo("login"))
				.body("issue[0].diagnostics", containsString("smart-configuration"));
	}

	@Test
	void aWriteWithoutATokenStoresNothing() {
		String value = UUID.randomUUID().toString();
		anonymous().body(patient(value)).post("/Patient").then().statusCode(401);
		assertEquals(0, count(value));
	}

	@Test
	void aTransactionWithoutATokenStoresNothing() {
		String value = UUID.randomUUID().toString();
		String bundle = """
				{"resourceType":"Bundle","type":"transaction","entry":[{"resource":%s,
				 "request":{"method":"POST","url":"Patient"}}]}""".formatted(patient(value));
		anonymous().body(bundle).post("/").then().statusCode(401);
		assertEquals(0, count(value));
	}

	@Test
	void aMalformedTokenIs401InvalidToken() {
		refused("Bearer not-a-jwt").body("issue[0].diagnostics", containsString("not a valid access token"));
		refused("Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)))
				.header("WWW-Authenticate", startsWith("Bearer"));
	}

	@Test
	void aTokenSignedByAnotherKeyIs401() throws Exception {
		RSAKey other = TestClientKeys.rsa("cwh-1");
		refused("Bearer " + sign(ourClaims().build(), other));
	}

	@Test
	void anUnsignedTokenIs401() {
		String none = new PlainJWT(ourClaims().build()).serialize();
		refused("Bearer " + none);
	}

	@Test
	void anHmacTokenKeyedWithTheServersPublicKeyIs401() throws Exception {
		// The classic confusion attack: the public key, which anybody can fetch, used as an HMAC secret.
		String publicJwks = RestAssured.given().baseUri(root()).get("/auth/jwks").asString();
		JWK published = JWKSet.parse(publicJwks).getKeys().get(0);
		byte[] secret = ((AsymmetricJWK) published).toPublicKey().getEncoded();
		SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID())
				.type(new JOSEObjectType("at+jwt")).build(), ourClaims().build());
		hmac.sign(new MACSigner(secret));
		refused("Bearer " + hmac.serialize());
	}

	@Test
	void anExpiredTokenOfOurOwnKeyIs401Expired() throws Exception {
		Instant past = CwhServerExtension.clock().instant().minus(Duration.ofHours(1));
		JWTClaimsSet claims = ourClaims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))
				.build();
		refused("Bearer " + sign(claims, serverKey()))
				.body("issue[0].code", equalTo("expired"))
				.header("WWW-Authenticate", containsString("invalid_token"));
	}

	/** The server remembers a token's checked signature, never its verdict: expiry is checked on every request. */
	@Test
	void aTokenAcceptedOnceIsRefusedWhenItHasExpired() throws Exception {
		Instant now = CwhServerExtension.clock().instant();
		String token = "Bearer " + sign(ourClaims().issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(30)))
				.build(), serverKey());
		anonymous().header("Authorization", token).get("/Patient?_count=1").then().statusCode(200);
		CwhServerExtension.clock().advance(Duration.ofSeconds(30 + ClockedClaimsVerifier.CLOCK_SKEW_SECONDS + 1));
		refused(token).body("issue[0].code", equalTo("expired"));
	}

	@Test
	void aTokenNotYetValidIs401() throws Exception {
		Instant future = CwhServerExtension.clock().instant().plus(Duration.ofHours(1));
		JWTClaimsSet claims = ourClaims().notBeforeTime(Date.from(future))
				.expirationTime(Date.from(future.plusSeconds(300))).build();
		refused("Bearer " + sign(claims, serverKey()))
				.body("issue[0].diagnostics", containsString("not valid yet"));
	}

	@Test
	void aTokenForAnotherAudienceIs401() throws Exception {
		JWTClaimsSet claims = ourClaims().audience("https://other.example.org/fhir").build();
		refused("Bearer " + sign(claims, serverKey()))
				.body("issue[0].diagnostics", containsString("audience"));
	}

	@Test
	void aTokenFromAnotherIssuerIs401() throws Exception {
		JWTClaimsSet claims = ourClaims().issuer("https://other.example.org/auth").build();
		refused("Bearer " + sign(claims, serverKey()));
	}

	@Test
	void aValidTokenOfOurOwnKeyPasses() throws Exception {
		// The counter-test of the ones above: the same claims, untampered, are accepted.
		fhir().get("/metadata").then().statusCode(200);
		anonymous().header("Authorization", "Bearer " + sign(ourClaims().build(), serverKey()))
				.get("/Patient?_count=1").then().statusCode(200);
	}

	@Test
	void aDeactivatedClientsTokenIsRefusedOnItsNextRequest() {
		TestClient client = CwhServerExtension.client("cwh-test-deactivated", "system/Patient.rs", Role.REFERRER);
		String authorization = client.authorization();
		anonymous().header("Authorization", authorization).get("/Patient?_count=1").then().statusCode(200);

		server().bean(ClientRegistry.class).update(client.clientId(),
				new ClientRegistry.Registration(null, null, null, null, null, false));

		anonymous().header("Authorization", authorization).get("/Patient?_count=1").then().statusCode(401)
				.body("issue[0].diagnostics", containsString("deactivated"));
		tokenRequest(client, assertion(client, CwhServerExtension.clock().instant().plusSeconds(120), UUID.randomUUID().toString()))
				.then().statusCode(400).body("error", equalTo("invalid_client"))
				.body("error_description", containsString("deactivated"));
	}

	@Test
	void openRoutesAnswerWithoutAToken() {
		anonymous().get("/metadata").then().statusCode(200).body("resourceType", equalTo("CapabilityStatement"));
		anonymous().get("/.well-known/smart-configuration").then().statusCode(200)
				.body("token_endpoint", equalTo(root() + "/auth/token"))
				.body("grant_types_supported", equalTo(List.of("client_credentials")))
				.body("token_endpoint_auth_methods_supported", equalTo(List.of("private_key_jwt")))
				.body("token_endpoint_auth_signing_alg_values_supported", equalTo(List.of("RS384", "ES384")))
				.body("capabilities", hasItem("client-confidential-asymmetric"))
				.body("capabilities", hasItem("permission-v2"))
				.body("capabilities", hasItem("permission-v1"));
		RestAssured.given().baseUri(root()).get("/auth/jwks").then().statusCode(200)
				.body("keys[0].kty", equalTo("EC")).body("keys[0].crv", equalTo("P-256"))
				.body("keys[0].alg", equalTo("ES256")).body("keys[0].kid", equalTo(ServerKeys.STORED_KID))
				.body("keys[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("d")));
	}

	// --- token endpoint ---

	@Test
	void theTokenEndpointIssuesAScopedTokenForAValidAssertion() {
		TestClient client = CwhServerExtension.client("cwh-test-tokens", "system/Patient.rs system/Task.cruds",
				Role.PROVIDER);
		tokenRequest(client, "system/Patient.rs system/Task.rs system/Observation.rs",
				assertion(client, CwhServerExtension.clock().instant().plusSeconds(240), UUID.randomUUID().toString()))
				.then().statusCode(200)
				.header("Cache-Control", "no-store")
				.body("token_type", equalTo("bearer"))
				.body("expires_in", equalTo(300))
				.body("scope", equalTo("system/Patient.rs system/Task.rs"));
	}

	@Test
	void aScopeNotRegisteredIsInvalidScope() {
		TestClient client = CwhServerExtension.client("cwh-test-tokens", "system/Patient.rs", Role.PROVIDER);
		tokenRequest(client, "system/Task.cruds",
				assertion(client, CwhServerExtension.clock().instant().plusSeconds(240), UUID.randomUUID().toString()))
				.then().statusCode(400).body("error", equalTo("invalid_scope"));
	}

	@Test
	void aReplayedAssertionIsRefused() {
		TestClient client = CwhServerExtension.client("cwh-test-tokens", "system/Patient.rs", Role.PROVIDER);
		String assertion = assertion(client, CwhServerExtension.clock().instant().plusSeconds(240), UUID.randomUUID().toString());
		tokenRequest(client, assertion).then().statusCode(200);
		tokenRequest(client, assertion).then().statusCode(400).body("error", equalTo("invalid_client"))
				.body("error_description", containsString("jti"));
	}

	@Test
	void anAssertionLivingLongerThanFiveMinutesIsRefused() {
		TestClient client = CwhServerExtension.client("cwh-test-tokens", "system/Patient.rs", Role.PROVIDER);
		tokenRequest(client, assertion(client, CwhServerExtension.clock().instant().plus(Duration.ofMinutes(10)), UUID.randomUUID()
				.toString())).then().statusCode(400).body("error", equalTo("invalid_client"))
				.body("error_description", containsString("5 minutes"));
	}

	@Test
	void anExpiredAssertionIsRefused() {
		TestClient client = CwhServerExtension.client("cwh-test-tokens", "system/Patient.rs", Role.PROVIDER);
		tokenRequest(client, assertion(client, CwhServerExtension.clock().instant().minus(Duration.ofMinutes(5)), UUID.randomUUID()
				.toString())).then().statusCode(400).body("error", equalTo("invalid_client"))
				.body("error_description", containsString("expired"));
	}

	@Test
	void anAssertionForAnotherAudienceIsRefused() throws Exception {
		TestClient client = CwhServerExtension.client("cwh-test-tokens", "system/Patient.rs", Role.PROVIDER);
		JWTClaimsSet claims = assertionClaims(client, CwhServerExtension.clock().instant().plusSeconds(200), UUID.randomUUID().toString())
				.audience("https://other.example.org/auth/token").build();
		tokenRequest(client, sign(claims, client.key(), JWSAlgorithm.RS384)).then().statusCode(400)
				.body("error", equalTo("invalid_client")).body("error_description", containsString("aud"));
	}

	@Test
	void anAssertionSignedRs256OrByAnotherKeyIsRefused() throws Exception {
		TestClient client = CwhServerExtension.client("cwh-test-tokens", "system/Patient.rs", Role.PROVIDER);
		JWTClaimsSet claims = assertionClaims(client, CwhServerExtension.clock().instant().plusSeconds(200), UUID.randomUUID().toString())
				.build();
		tokenRequest(client, sign(claims, client.key(), JWSAlgorithm.RS256)).then().statusCode(400)
				.body("error", equalTo("invalid_client")).body("error_description", containsString("RS384"));
		tokenRequest(client, sign(claims, TestClientKeys.rsa(client.key().getKeyID()), JWSAlgorithm.RS384))
				.then().statusCode(400).body("error", equalTo("invalid_client"))
				.body("error_description", containsString("signature"));
	}

	@Test
	void anUnknownClientIsRefused() throws Exception {
		RSAKey key = TestClientKeys.rsa("k");
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("nobody-registered").subject("nobody-registered")
				.audience(root() + "/auth/token").jwtID(UUID.randomUUID().toString())
				.expirationTime(Date.from(CwhServerExtension.clock().instant().plusSeconds(200))).build();
		tokenForm(Map.of("grant_type", "client_credentials", "scope", "system/Patient.rs",
				"client_assertion_type", ClientAssertions.ASSERTION_TYPE,
				"client_assertion", sign(claims, key, JWSAlgorithm.RS384)))
				.then().statusCode(400).body("error", equalTo("invalid_client"))
				.body("error_description", containsString("not registered"));
	}

	@Test
	void aClientSecretIsRefusedWhileSecretsAreOff() {
		RestAssured.given().baseUri(root()).auth().preemptive().basic("cwh-test-admin", "any-secret-at-all-here")
				.contentType("application/x-www-form-urlencoded")
				.formParams(Map.of("grant_type", "client_credentials", "scope", "system/*.rs"))
				.post("/auth/token").then().statusCode(401)
				.header("WWW-Authenticate", startsWith("Basic"))
				.body("error", equalTo("invalid_client"))
				.body("error_description", containsString("client secrets are off"));
	}

	@Test
	void otherGrantTypesAndMissingAuthenticationAreOAuthErrors() {
		tokenForm(Map.of("grant_type", "authorization_code", "code", "x")).then().statusCode(400)
				.body("error", equalTo("unsupported_grant_type"));
		tokenForm(Map.of("scope", "system/*.rs")).then().statusCode(400).body("error", equalTo("invalid_request"));
		tokenForm(Map.of("grant_type", "client_credentials", "scope", "system/*.rs")).then().statusCode(400)
				.body("error", equalTo("invalid_client"));
	}

	// --- helpers ---

	private static io.restassured.response.ValidatableResponse refused(String authorization) {
		return anonymous().header("Authorization", authorization).get("/Patient?_count=1").then().statusCode(401)
				.header("WWW-Authenticate", startsWith("Bearer"))
				.body("resourceType", equalTo("OperationOutcome"));
	}

	private static String root() {
		return server().baseUrl().replaceFirst("/fhir$", "");
	}

	/** Claims as the server would issue them to the test operator. */
	private static JWTClaimsSet.Builder ourClaims() {
		Instant now = CwhServerExtension.clock().instant();
		return new JWTClaimsSet.Builder().issuer(root() + "/auth").subject("cwh-test-admin")
				.audience(server().baseUrl()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
				.jwtID(UUID.randomUUID().toString()).claim("client_id", "cwh-test-admin")
				.claim("organization", CwhServerExtension.ADMIN_ORGANIZATION).claim("roles", List.of("admin"))
				.claim("scope", "system/*.cruds");
	}

	/** Signs as the server does with a key of this type: RS256 with an RSA key, ES256 with an EC P-256 one. */
	private static String sign(JWTClaimsSet claims, JWK key) throws JOSEException {
		return sign(claims, key, key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256);
	}

	private static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
				.type(new JOSEObjectType("at+jwt")).build(), claims);
		jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
		return jwt.serialize();
	}

	/** The server's own private key, as stored for every node. */
	private static JWK serverKey() throws Exception {
		try (Connection c = server().bean(DataSource.class).getConnection();
				PreparedStatement s = c.prepareStatement("SELECT jwk FROM cwh_auth_key WHERE kid = ?")) {
			s.setString(1, ServerKeys.STORED_KID);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return JWK.parse(rs.getString(1));
			}
		}
	}

	private static JWTClaimsSet.Builder assertionClaims(TestClient client, Instant exp, String jti) {
		return new JWTClaimsSet.Builder().issuer(client.clientId()).subject(client.clientId())
				.audience(root() + "/auth/token").jwtID(jti).expirationTime(Date.from(exp));
	}

	private static String assertion(TestClient client, Instant exp, String jti) {
		try {
			return sign(assertionClaims(client, exp, jti).build(), client.key(), JWSAlgorithm.RS384);
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Response tokenRequest(TestClient client, String assertion) {
		return tokenRequest(client, String.join(" ", client.scopes()), assertion);
	}

	private static Response tokenRequest(TestClient client, String scope, String assertion) {
		return tokenForm(Map.of("grant_type", "client_credentials", "scope", scope,
				"client_assertion_type", ClientAssertions.ASSERTION_TYPE, "client_assertion", assertion));
	}

	private static Response tokenForm(Map<String, String> form) {
		return RestAssured.given().baseUri(root()).contentType("application/x-www-form-urlencoded")
				.formParams(form).post("/auth/token");
	}

	private static String patient(String identifier) {
		return """
				{"resourceType":"Patient","identifier":[{"system":"%s","value":"%s"}]}"""
				.formatted(IDENTIFIER_SYSTEM, identifier);
	}

	private static int count(String identifier) {
		return fhir().get("/Patient?_summary=count&identifier=" + IDENTIFIER_SYSTEM + "|" + identifier).then()
				.statusCode(200).extract().path("total");
	}
}
