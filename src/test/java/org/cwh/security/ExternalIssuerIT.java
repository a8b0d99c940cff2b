package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.anonymous;
import static org.cwh.testing.CwhServerExtension.server;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cwh.security.Handoffs.Handoff;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestExternalIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens of the external issuer the shared server trusts ({@link TestExternalIssuer}: a JWKS file, roles under
 * {@code realm_access.roles}), signed here; nothing is registered for them. The claims become the caller (client,
 * Organization, roles, scopes) and are enforced like our own tokens'; another issuer, another key, an unsigned or
 * HMAC token, another audience and an expired one are 401.
 */
@ExtendWith(CwhServerExtension.class)
class ExternalIssuerIT {

	@Test
	void aTokenOfTheExternalIssuerActsForItsOrganizationWithItsRolesAndScopes() {
		String patient = Handoffs.patient();
		String provider = Handoffs.organization("external-provider");
		Handoff own = Handoffs.handoff(provider, Handoffs.organization("external-referrer"), patient);
		Handoff other = Handoffs.handoff(Handoffs.organization("external-other"), Handoffs.organization("x"),
				patient);
		String token = TestExternalIssuer.sign(claims("Organization/" + provider, List.of("provider",
				"offline_access"), "system/Task.rs system/ServiceRequest.rs").build(), TestExternalIssuer.key());

		bearer(token).get("/Task/" + own.task()).then().statusCode(200);
		bearer(token).get("/Task/" + other.task()).then().statusCode(403)
				.body("resourceType", equalTo("OperationOutcome"));
		bearer(token).get("/Task?_id=" + own.task() + "," + other.task()).then().statusCode(200)
				.body("entry.size()", equalTo(1)).body("entry[0].resource.id", equalTo(own.task()));
		bearer(token).get("/Patient/" + patient).then().statusCode(403)
				.body("issue[0].diagnostics", containsString("system/Patient.r"));
	}

	@Test
	void rolesComeFromTheConfiguredClaimAndScpWorksLikeScope() {
		CwhServerExtension.ensureOrganization("external-admins");
		JWTClaimsSet.Builder admin = claims("external-admins", List.of("admin"), null).claim("scp",
				"system/Organization.rs");
		String token = TestExternalIssuer.sign(admin.build(), TestExternalIssuer.key());
		bearer(token).get("/Organization/external-admins").then().statusCode(200);
		RestAssured.given().baseUri(root()).header("Authorization", "Bearer " + token).get("/auth/clients").then()
				.statusCode(200);

		String referrer = TestExternalIssuer.sign(claims("external-admins", List.of("referrer"),
				"system/Organization.rs").build(), TestExternalIssuer.key());
		RestAssured.given().baseUri(root()).header("Authorization", "Bearer " + referrer).get("/auth/clients")
				.then().statusCode(403);
		String noRole = TestExternalIssuer.sign(claims("external-admins", List.of("offline_access"),
				"system/Organization.rs").build(), TestExternalIssuer.key());
		refused(noRole, "roles");
		String noOrganization = TestExternalIssuer.sign(claims("external-admins", List.of("admin"),
				"system/Organization.rs").claim("organization", null).build(), TestExternalIssuer.key());
		refused(noOrganization, "Organization");
	}

	@Test
	void badExternalTokensAre401() throws Exception {
		JWTClaimsSet good = claims("external-admins", List.of("admin"), "system/*.rs").build();
		refused(TestExternalIssuer.sign(good, TestExternalIssuer.newKey(TestExternalIssuer.key().getKeyID())),
				"signature");
		refused(TestExternalIssuer.sign(new JWTClaimsSet.Builder(good).issuer("https://evil.example.org").build(),
				TestExternalIssuer.key()), "");
		refused(TestExternalIssuer.sign(new JWTClaimsSet.Builder(good).audience("https://other.example.org/fhir")
				.build(), TestExternalIssuer.key()), "aud");
		Instant now = CwhServerExtension.clock().instant();
		refused(TestExternalIssuer.sign(new JWTClaimsSet.Builder(good).expirationTime(Date.from(now.minus(
				Duration.ofMinutes(10)))).build(), TestExternalIssuer.key()), "expired");
		refused(new PlainJWT(good).serialize(), "");
		SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), good);
		hmac.sign(new MACSigner(TestExternalIssuer.key().toPublicJWK().toRSAPublicKey().getEncoded()));
		refused(hmac.serialize(), "");
		SignedJWT hmacOfJwks = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), good);
		hmacOfJwks.sign(new MACSigner(TestExternalIssuer.key().toPublicJWK().toJSONString()
				.getBytes(StandardCharsets.UTF_8)));
		refused(hmacOfJwks.serialize(), "");
	}

	private static void refused(String token, String because) {
		bearer(token).get("/Organization?_count=1").then().statusCode(401)
				.header("WWW-Authenticate", startsWith("Bearer"))
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].diagnostics", containsString(because));
	}

	private static JWTClaimsSet.Builder claims(String organization, List<String> roles, String scope) {
		Instant now = CwhServerExtension.clock().instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestExternalIssuer.ISSUER)
				.subject("service-account-" + UUID.randomUUID()).audience(List.of(server().baseUrl(), "account"))
				.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
				.jwtID(UUID.randomUUID().toString()).claim("azp", "external-ehr")
				.claim("organization", organization).claim("realm_access", Map.of("roles", roles));
		return scope == null ? claims : claims.claim("scope", scope);
	}

	private static io.restassured.specification.RequestSpecification bearer(String token) {
		return anonymous().header("Authorization", "Bearer " + token);
	}

	private static String root() {
		return server().baseUrl().replaceFirst("/fhir$", "");
	}
}
