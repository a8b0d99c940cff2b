package org.cwh.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cwh.config.SettingException;
import org.cwh.security.Caller.Role;
import org.cwh.security.SecuritySettings.ExternalIssuerSettings;
import org.cwh.testing.TestExternalIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExternalTokens} without the server: keys from an https-style URL (a local HTTP server on port 0, fetched once
 * and cached), claim mapping, the audience setting, and a JWKS file that is no JWKS stopping the start.
 */
class ExternalTokensTest {

	private static final String ISSUER = "https://idp.example.org/realms/unit";
	private static final String FHIR = "http://localhost:8080/fhir";
	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void keysFromAUrlVerifyTokensAndAreFetchedOnce() throws Exception {
		RSAKey key = TestExternalIssuer.newKey("url-key");
		AtomicInteger fetches = new AtomicInteger();
		HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		idp.createContext("/certs", exchange -> {
			fetches.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		idp.start();
		try {
			String url = "http://127.0.0.1:" + idp.getAddress().getPort() + "/certs";
			ExternalTokens tokens = new ExternalTokens(settings(url, "organization", "roles", ""), CLOCK);
			JWTClaimsSet claims = claims().claim("client_id", "ehr-1").claim("organization", "Organization/org-1")
					.claim("roles", "referrer provider").claim("scope", "system/Task.rs system/Patient.rs").build();
			Caller caller = tokens.verify(TestExternalIssuer.sign(claims, key), FHIR);
			assertEquals(new Caller("ehr-1", "org-1", Set.of(Role.REFERRER, Role.PROVIDER),
					Set.of("system/Task.rs", "system/Patient.rs")), caller);
			tokens.verify(TestExternalIssuer.sign(claims, key), FHIR);
			assertEquals(1, fetches.get(), "the key set is cached");

			TokenException other = assertThrows(TokenException.class, () -> tokens.verify(
					TestExternalIssuer.sign(claims, TestExternalIssuer.newKey("url-key")), FHIR));
			assertTrue(other.getMessage().contains("signature"), other.getMessage());
		} finally {
			idp.stop(0);
		}
	}

	@Test
	void theAudienceSettingReplacesTheFhirBaseAndNestedClaimsAreReached() throws Exception {
		RSAKey key = TestExternalIssuer.newKey("file-key");
		Path file = dir.resolve("jwks.json");
		Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
		ExternalTokens tokens = new ExternalTokens(settings(file.toString(), "ext.org", "realm_access.roles",
				"api://cwh"), CLOCK);
		JWTClaimsSet claims = claims().audience("api://cwh").subject("sub-1").claim("ext", Map.of("org", "org-2"))
				.claim("realm_access", Map.of("roles", List.of("agency", "uma_authorization")))
				.claim("scp", List.of("system/*.rs")).build();
		assertEquals(new Caller("sub-1", "org-2", Set.of(Role.AGENCY), Set.of("system/*.rs")),
				tokens.verify(TestExternalIssuer.sign(claims, key), FHIR));
		TokenException fhirAudience = assertThrows(TokenException.class, () -> tokens.verify(
				TestExternalIssuer.sign(new JWTClaimsSet.Builder(claims).audience(FHIR).build(), key), FHIR));
		assertTrue(fhirAudience.getMessage().contains("audience"), fhirAudience.getMessage());
	}

	@Test
	void aJwksFileThatIsNotOneStopsTheStart() throws Exception {
		Path notJwks = dir.resolve("not.json");
		Files.writeString(notJwks, "{\"hello\": 1}");
		assertThrows(SettingException.class, () -> ExternalTokens.keySource(notJwks.toString()));
		Path privateKeys = dir.resolve("private.json");
		Files.writeString(privateKeys, new JWKSet(TestExternalIssuer.newKey("p")).toString(false));
		assertThrows(SettingException.class, () -> ExternalTokens.keySource(privateKeys.toString()));
	}

	private static ExternalIssuerSettings settings(String jwks, String organizationClaim, String rolesClaim,
			String audience) {
		return new ExternalIssuerSettings(ISSUER, jwks, organizationClaim, rolesClaim, audience);
	}

	private static JWTClaimsSet.Builder claims() {
		return new JWTClaimsSet.Builder().issuer(ISSUER).audience(FHIR).issueTime(Date.from(NOW))
				.expirationTime(Date.from(NOW.plusSeconds(300)));
	}
}
